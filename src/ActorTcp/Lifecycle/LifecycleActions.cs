namespace ActorTcp.Lifecycle;

/// <summary>
/// What the shell must do after a decision, as flags. The shell performs them in the order listed
/// here: stop or discard input, notify, goodbye, flush, then at most one of shutdown-send, close
/// or reset, then the timer, then the publication.
/// </summary>
[Flags]
public enum LifecycleActions
{
    /// <summary>Nothing to do.</summary>
    None = 0,

    /// <summary>Do not arm another receive: the peer sent FIN, nothing more will arrive.</summary>
    StopReading = 1 << 0,

    /// <summary>Keep receiving only to see the peer's FIN; drop the bytes instead of framing them for the handler.</summary>
    DiscardInbound = 1 << 1,

    /// <summary>Tell the handler the peer closed its side (it may still write).</summary>
    NotifyPeerClosed = 1 << 2,

    /// <summary>Queue the configured goodbye frame.</summary>
    SendGoodbye = 1 << 3,

    /// <summary>Send what is queued and report <see cref="LifecycleEvent.WritesFlushed"/> when done.</summary>
    FlushWrites = 1 << 4,

    /// <summary>
    /// Send FIN (shutdown send) once the flush asked for in the same decision is done; queued writes
    /// not flushed are dropped.
    /// </summary>
    ShutdownSend = 1 << 5,

    /// <summary>Close the socket (the peer's FIN is in, so no FIN_WAIT or TIME_WAIT is left here).</summary>
    CloseSocket = 1 << 6,

    /// <summary>Reset: set SO_LINGER on with 0 s and close, which sends RST and frees everything at once.</summary>
    Reset = 1 << 7,

    /// <summary>Start the state timer described by <see cref="LifecycleDecision.Timer"/>, replacing any running one.</summary>
    StartTimer = 1 << 8,

    /// <summary>Cancel the state timer.</summary>
    CancelTimer = 1 << 9,

    /// <summary>Publish <see cref="LifecycleDecision.Closed"/>, the connection's single close notification.</summary>
    PublishClosed = 1 << 10,
}
