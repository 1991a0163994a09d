namespace ActorTcp.Teardown;

/// <summary>
/// Why a connection was closed. Recorded once per connection in its <see cref="ConnectionClosed"/>
/// notification, in metrics and in logs.
/// </summary>
public enum CloseReason
{
    /// <summary>The peer sent FIN first and we closed after it (the normal CLOSE_WAIT path).</summary>
    PeerClosed,

    /// <summary>The handler or the application asked to close.</summary>
    LocalClose,

    /// <summary>The server is draining (stopping) and asked every connection to close.</summary>
    Drain,

    /// <summary>Passive heartbeat: nothing arrived within <c>heartbeat.idle-timeout</c>.</summary>
    IdleTimeout,

    /// <summary>Active heartbeat: <c>heartbeat.max-missed</c> pings went unanswered, the peer is dead.</summary>
    HeartbeatTimeout,

    /// <summary>The peer closed first but the handler did not finish within <c>teardown.close-wait-timeout</c>.</summary>
    CloseWaitTimeout,

    /// <summary>We sent FIN but the peer's FIN did not arrive within the fin-wait budget.</summary>
    FinWaitTimeout,

    /// <summary>The peer sent bytes that break the framing (oversize frame, bad length, stalled frame).</summary>
    ProtocolError,

    /// <summary>The connection's handler threw.</summary>
    HandlerFailed,

    /// <summary>The write queue stayed above its high watermark longer than <c>write.slow-consumer-timeout</c>.</summary>
    SlowConsumer,

    /// <summary>The connection was refused by a limit (<c>limits.max-connections</c>, per-IP limit).</summary>
    Rejected,

    /// <summary>The peer reset the connection (RST received, ECONNRESET).</summary>
    /// <remarks>
    /// Kept apart from <see cref="SocketError"/> because a peer that resets is a fact about the peer
    /// (it crashed, or it closes with linger 0), not a fault of the network or of this host.
    /// </remarks>
    PeerReset,

    /// <summary>The socket failed for another reason (user timeout, keepalive timeout, unreachable).</summary>
    SocketError,

    /// <summary>The connection was aborted (RST) on request, e.g. by the handler or at the end of a drain.</summary>
    Aborted,
}
