namespace ActorTcp.Framing;

/// <summary>The outcome of one <see cref="IFramer.TryReadFrame"/> call.</summary>
public enum FramingStatus
{
    /// <summary>No complete frame yet; keep the buffer and read more.</summary>
    Incomplete,

    /// <summary>A complete frame was sliced off the front of the buffer.</summary>
    Frame,

    /// <summary>The bytes break the framing (too large, bad length); the connection must be closed.</summary>
    ProtocolError,
}
