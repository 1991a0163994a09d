using ActorTcp.Teardown;

namespace ActorTcp.Lifecycle;

/// <summary>
/// Everything that can happen to a connection's lifecycle, as facts (<see cref="PeerFinReceived"/>)
/// or commands (<see cref="CloseRequested"/>). The whole input protocol of
/// <see cref="ConnectionLifecycle"/> is listed in this one file. Events without data are singletons,
/// so driving the decider allocates nothing.
/// </summary>
public abstract record LifecycleEvent
{
    private protected LifecycleEvent()
    {
    }

    /// <summary>The peer sent FIN: a read returned 0 bytes (end of stream).</summary>
    public sealed record PeerFinReceived : LifecycleEvent
    {
        private PeerFinReceived()
        {
        }

        /// <summary>The single instance.</summary>
        public static PeerFinReceived Instance { get; } = new();
    }

    /// <summary>
    /// We want to close gracefully: the handler or application (<see cref="CloseReason.LocalClose"/>),
    /// a drain (<see cref="CloseReason.Drain"/>) or the passive heartbeat (<see cref="CloseReason.IdleTimeout"/>).
    /// </summary>
    /// <param name="Reason">The reason recorded if this close is the one that ends the connection.</param>
    public sealed record CloseRequested(CloseReason Reason) : LifecycleEvent;

    /// <summary>Reset the connection now (linger 0), e.g. the handler aborts or a drain ran out of time.</summary>
    /// <param name="Reason">The reason recorded, usually <see cref="CloseReason.Aborted"/>.</param>
    public sealed record AbortRequested(CloseReason Reason) : LifecycleEvent;

    /// <summary>The peer reset the connection (ECONNRESET on a read or write).</summary>
    public sealed record PeerResetReceived : LifecycleEvent
    {
        private PeerResetReceived()
        {
        }

        /// <summary>The single instance.</summary>
        public static PeerResetReceived Instance { get; } = new();
    }

    /// <summary>The socket failed for another reason (ETIMEDOUT from user timeout or keepalive, EHOSTUNREACH...).</summary>
    public sealed record SocketFailed : LifecycleEvent
    {
        private SocketFailed()
        {
        }

        /// <summary>The single instance.</summary>
        public static SocketFailed Instance { get; } = new();
    }

    /// <summary>The peer broke the framing: an oversize frame, a bad length, a frame that took longer than frame-timeout.</summary>
    public sealed record ProtocolViolated : LifecycleEvent
    {
        private ProtocolViolated()
        {
        }

        /// <summary>The single instance.</summary>
        public static ProtocolViolated Instance { get; } = new();
    }

    /// <summary>The write queue stayed above its high watermark longer than slow-consumer-timeout.</summary>
    public sealed record SlowConsumerDetected : LifecycleEvent
    {
        private SlowConsumerDetected()
        {
        }

        /// <summary>The single instance.</summary>
        public static SlowConsumerDetected Instance { get; } = new();
    }

    /// <summary>The connection's handler threw.</summary>
    public sealed record HandlerFailed : LifecycleEvent
    {
        private HandlerFailed()
        {
        }

        /// <summary>The single instance.</summary>
        public static HandlerFailed Instance { get; } = new();
    }

    /// <summary>The active heartbeat gave up: max-missed pings went unanswered.</summary>
    public sealed record PeerDead : LifecycleEvent
    {
        private PeerDead()
        {
        }

        /// <summary>The single instance.</summary>
        public static PeerDead Instance { get; } = new();
    }

    /// <summary>The close-wait timer fired: the handler did not finish after the peer's FIN.</summary>
    public sealed record CloseWaitExpired : LifecycleEvent
    {
        private CloseWaitExpired()
        {
        }

        /// <summary>The single instance.</summary>
        public static CloseWaitExpired Instance { get; } = new();
    }

    /// <summary>The peer-close grace timer fired: the peer did not answer our goodbye with FIN.</summary>
    public sealed record PeerCloseGraceExpired : LifecycleEvent
    {
        private PeerCloseGraceExpired()
        {
        }

        /// <summary>The single instance.</summary>
        public static PeerCloseGraceExpired Instance { get; } = new();
    }

    /// <summary>The fin-wait timer fired: the peer did not answer our FIN with its own.</summary>
    public sealed record FinWaitExpired : LifecycleEvent
    {
        private FinWaitExpired()
        {
        }

        /// <summary>The single instance.</summary>
        public static FinWaitExpired Instance { get; } = new();
    }

    /// <summary>The writes asked for by <see cref="LifecycleActions.FlushWrites"/> have all been sent.</summary>
    public sealed record WritesFlushed : LifecycleEvent
    {
        private WritesFlushed()
        {
        }

        /// <summary>The single instance.</summary>
        public static WritesFlushed Instance { get; } = new();
    }
}
