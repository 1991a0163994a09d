namespace ActorTcp.Outbound;

/// <summary>
/// What the handle reads without asking: the supervisor's state (written only by the supervisor) and
/// the completion that says it has stopped for good.
/// </summary>
internal sealed class OutboundStatus
{
    private readonly TaskCompletionSource<OutboundStopped> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    /// <summary>The supervisor's state.</summary>
    public OutboundState State
    {
        get => (OutboundState)Volatile.Read(ref _state);
        set => Volatile.Write(ref _state, (int)value);
    }

    /// <summary>Completes once, when the supervisor has stopped and released every socket.</summary>
    public Task<OutboundStopped> Stopped => _stopped.Task;

    /// <summary>Records the end; called once, from the supervisor's <c>PostStop</c>.</summary>
    public void Complete(OutboundStopped stopped)
    {
        State = OutboundState.Stopped;
        _stopped.TrySetResult(stopped);
    }
}
