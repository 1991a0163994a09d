namespace ActorTcp.TestKit.VirtualTime;

/// <summary>A timer of a <see cref="VirtualTimeProvider"/>; its state is guarded by the provider's lock.</summary>
internal sealed class VirtualTimer : ITimer
{
    private readonly VirtualTimeProvider _provider;
    private readonly TimerCallback _callback;
    private readonly object? _state;

    /// <summary>Creates a disarmed timer.</summary>
    public VirtualTimer(VirtualTimeProvider provider, TimerCallback callback, object? state)
    {
        _provider = provider;
        _callback = callback;
        _state = state;
    }

    /// <summary>Gets or sets the arming generation; queue entries from an older generation are stale.</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets the period in <see cref="TimeSpan"/> ticks, or 0 for a one-shot timer.</summary>
    public long PeriodTicks { get; set; }

    /// <summary>Gets or sets a value indicating whether the timer waits to fire.</summary>
    public bool IsArmed { get; set; }

    /// <summary>Gets or sets a value indicating whether the timer was disposed.</summary>
    public bool IsDisposed { get; set; }

    /// <inheritdoc />
    public bool Change(TimeSpan dueTime, TimeSpan period) => _provider.Arm(this, dueTime, period);

    /// <summary>Runs the callback; called by the provider with the clock at the due time.</summary>
    public void Fire() => _callback(_state);

    /// <inheritdoc />
    public void Dispose() => _provider.Disarm(this);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
