namespace ActorTcp.Actors.Scheduling;

/// <summary>A wheel entry that runs a caller's <c>Action&lt;object?&gt;</c> with its state, or an <see cref="IScheduledCallback"/>.</summary>
internal sealed class CallbackEntry : WheelEntry
{
    private readonly object _target;
    private readonly object? _state;

    /// <summary>Creates an entry that runs <paramref name="target"/>, a delegate or an <see cref="IScheduledCallback"/>.</summary>
    public CallbackEntry(object target, object? state, long deadline, long interval)
        : base(deadline, interval)
    {
        _target = target;
        _state = state;
    }

    /// <inheritdoc />
    public override void Run()
    {
        if (_target is IScheduledCallback callback)
        {
            callback.Run();
        }
        else
        {
            ((Action<object?>)_target)(_state);
        }
    }
}
