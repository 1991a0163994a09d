namespace ActorTcp.TestKit.VirtualTime;

/// <summary>
/// A manual clock for tests: time stands still until <see cref="Advance"/> or <see cref="SetUtcNow"/>
/// moves it, and then every timer it passes fires, in due-time order, on the calling thread.
/// </summary>
/// <remarks>
/// <para>
/// The clock starts at <see cref="DefaultStart"/> (2000-01-01T00:00:00Z) unless given another instant.
/// <see cref="GetTimestamp"/> counts <see cref="TimeSpan"/> ticks (<see cref="TimestampFrequency"/> is
/// 10,000,000 per second), so elapsed times are exact. <see cref="TimeProvider.LocalTimeZone"/> is UTC.
/// </para>
/// <para>
/// Moving the clock fires timers one at a time in order of due time (timers due at the same instant
/// fire in the order they were armed). While a callback runs, the clock reads that timer's due time,
/// so a 100 ms periodic timer fires ten times across <c>Advance(TimeSpan.FromSeconds(1))</c>, seeing
/// 100 ms, 200 ms, … 1 s. Timers that callbacks create or change are honoured within the same move
/// if they fall due before its end. A periodic timer's next due time is its previous due time plus
/// the period, so it does not drift.
/// </para>
/// <para>
/// A timer armed with a zero due time outside a move fires on the next move, even
/// <c>Advance(TimeSpan.Zero)</c>; nothing fires inside <see cref="CreateTimer"/> or
/// <see cref="ITimer.Change"/>. An exception thrown by a callback propagates out of the move and
/// leaves the clock at that timer's due time. Moving the clock from inside a callback is an error.
/// </para>
/// <para>
/// Every member is thread-safe; moves from several threads are run one after the other.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var time = new VirtualTimeProvider();
/// var delay = Task.Delay(TimeSpan.FromSeconds(5), time);
/// time.Advance(TimeSpan.FromSeconds(5)); // delay has completed
/// </code>
/// </example>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly Lock _moveGate = new();
    private readonly PriorityQueue<(VirtualTimer Timer, long Version), (long DueTicks, long Sequence)> _queue = new();
    private long _nowTicks;
    private long _sequence;
    private int _activeTimers;
    private Thread? _movingThread;

    /// <summary>Creates a clock that reads <see cref="DefaultStart"/>.</summary>
    public VirtualTimeProvider()
        : this(DefaultStart)
    {
    }

    /// <summary>Creates a clock that reads <paramref name="start"/>.</summary>
    /// <param name="start">The instant the clock starts at.</param>
    public VirtualTimeProvider(DateTimeOffset start)
    {
        _nowTicks = start.UtcTicks;
    }

    /// <summary>Gets the instant a clock starts at when none is given: 2000-01-01T00:00:00Z.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the number of timers that are armed (created or changed with a finite due time and not yet fired, disarmed or disposed).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _activeTimers;
            }
        }
    }

    /// <summary>Gets the timestamp frequency: <see cref="TimeSpan.TicksPerSecond"/>.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Gets UTC, so local and universal times agree in tests.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Gets the current virtual instant, in UTC.</summary>
    /// <returns>The current virtual instant.</returns>
    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _nowTicks), TimeSpan.Zero);

    /// <summary>Gets the current virtual timestamp: the <see cref="DateTimeOffset.UtcTicks"/> of <see cref="GetUtcNow"/>.</summary>
    /// <returns>The current virtual timestamp.</returns>
    public override long GetTimestamp() => Volatile.Read(ref _nowTicks);

    /// <summary>Creates a timer that fires when the clock is moved past its due time.</summary>
    /// <param name="callback">Called with <paramref name="state"/> each time the timer fires.</param>
    /// <param name="state">The argument for <paramref name="callback"/>.</param>
    /// <param name="dueTime">Time until the first firing; <see cref="Timeout.InfiniteTimeSpan"/> leaves the timer disarmed.</param>
    /// <param name="period">Time between firings; <see cref="Timeout.InfiniteTimeSpan"/> or zero fires once.</param>
    /// <returns>The timer; <see cref="ITimer.Change"/> re-arms it and disposing it stops it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative other than <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way.</summary>
    /// <param name="delta">How far to move; zero fires only timers already due.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">Called from inside a timer callback.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        MoveBy(delta.Ticks);
    }

    /// <summary>Moves the clock forward to <paramref name="value"/>, firing every timer that falls due on the way.</summary>
    /// <param name="value">The new instant; it must not be earlier than the current one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is earlier than <see cref="GetUtcNow"/>.</exception>
    /// <exception cref="InvalidOperationException">Called from inside a timer callback.</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_moveGate)
        {
            var now = GetUtcNow();
            if (value < now)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value),
                    value,
                    $"Virtual time only moves forward; the clock already reads {now:O}.");
            }

            MoveBy(value.UtcTicks - now.UtcTicks);
        }
    }

    /// <summary>Arms <paramref name="timer"/>; called by the timer under no lock of its own.</summary>
    internal bool Arm(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        ValidateTimerTime(dueTime, nameof(dueTime));
        ValidateTimerTime(period, nameof(period));
        lock (_gate)
        {
            if (timer.IsDisposed)
            {
                return false;
            }

            timer.Version++;
            timer.PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                SetArmed(timer, false);
            }
            else
            {
                SetArmed(timer, true);
                Enqueue(timer, _nowTicks + dueTime.Ticks);
            }

            return true;
        }
    }

    /// <summary>Disarms <paramref name="timer"/> for good.</summary>
    internal void Disarm(VirtualTimer timer)
    {
        lock (_gate)
        {
            timer.IsDisposed = true;
            timer.Version++;
            SetArmed(timer, false);
        }
    }

    private static void ValidateTimerTime(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timer time must be zero or positive, or Timeout.InfiniteTimeSpan.");
        }
    }

    private void MoveBy(long deltaTicks)
    {
        lock (_moveGate)
        {
            // The gate is re-entrant, so a callback moving the clock would get here; refuse instead of
            // firing timers out of order underneath the move that is already running.
            if (_movingThread == Thread.CurrentThread)
            {
                throw new InvalidOperationException("The virtual clock cannot be moved from inside one of its timer callbacks.");
            }

            _movingThread = Thread.CurrentThread;
            try
            {
                var target = Volatile.Read(ref _nowTicks) + deltaTicks;
                while (TryTakeNextDue(target, out var timer))
                {
                    timer.Fire();
                }
            }
            finally
            {
                _movingThread = null;
            }
        }
    }

    private bool TryTakeNextDue(long target, out VirtualTimer timer)
    {
        lock (_gate)
        {
            while (_queue.TryPeek(out var armed, out var due))
            {
                if (armed.Version != armed.Timer.Version)
                {
                    // Superseded by a later Change or by Dispose.
                    _queue.Dequeue();
                    continue;
                }

                if (due.DueTicks > target)
                {
                    break;
                }

                _queue.Dequeue();
                timer = armed.Timer;
                Volatile.Write(ref _nowTicks, Math.Max(_nowTicks, due.DueTicks));
                if (timer.PeriodTicks > 0)
                {
                    Enqueue(timer, due.DueTicks + timer.PeriodTicks);
                }
                else
                {
                    SetArmed(timer, false);
                }

                return true;
            }

            Volatile.Write(ref _nowTicks, Math.Max(_nowTicks, target));
            timer = null!;
            return false;
        }
    }

    private void Enqueue(VirtualTimer timer, long dueTicks) =>
        _queue.Enqueue((timer, timer.Version), (dueTicks, _sequence++));

    private void SetArmed(VirtualTimer timer, bool armed)
    {
        if (timer.IsArmed != armed)
        {
            timer.IsArmed = armed;
            _activeTimers += armed ? 1 : -1;
        }
    }
}
