namespace ActorTcp.Outbound;

/// <summary>
/// What became of one send on an outbound connection. Every send gets one; a frame that is not sent
/// is never dropped without the caller being told.
/// </summary>
public enum OutboundSendResult
{
    /// <summary>Queued on the live connection.</summary>
    Accepted,

    /// <summary>Queued on the live connection, and the write queue crossed its high watermark: slow down.</summary>
    Suspended,

    /// <summary>Not queued: the live connection's write queue is at its hard cap, or the connection is closing.</summary>
    Refused,

    /// <summary>No connection right now: held (within <c>outbound.buffer-while-disconnected</c>) and sent after the next connect.</summary>
    Buffered,

    /// <summary>Not sent: no connection right now and no room in the buffer (which is off by default).</summary>
    NotConnected,

    /// <summary>Not sent: the outbound connection is closing or has stopped.</summary>
    Closed,
}
