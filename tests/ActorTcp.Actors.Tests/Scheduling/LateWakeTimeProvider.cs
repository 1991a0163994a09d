namespace ActorTcp.Actors.Tests.Scheduling;

/// <summary>
/// A clock whose timers fire only when <see cref="Wake"/> is called, whatever time it reads: it
/// models a driving timer that wakes late (a busy thread pool, a GC pause), which the wheel must
/// make up for by processing every tick that has elapsed.
/// </summary>
internal sealed class LateWakeTimeProvider : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];
    private long _nowTicks;

    public int TimersCreated => _timers.Count;

    /// <summary>The due time the wheel last armed its driver with (its first arming included).</summary>
    public TimeSpan? LastDueTime { get; private set; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _nowTicks;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddTicks(_nowTicks);

    public void Jump(TimeSpan delta) => _nowTicks += delta.Ticks;

    public void Wake()
    {
        foreach (var timer in _timers.Where(t => !t.IsDisposed))
        {
            timer.Callback(timer.State);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        _timers.Add(timer);
        LastDueTime = dueTime;
        return timer;
    }

    private sealed class ManualTimer(LateWakeTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public bool IsDisposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (IsDisposed)
            {
                return false;
            }

            clock.LastDueTime = dueTime;
            return true;
        }

        public void Dispose() => IsDisposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
