namespace ActorTcp.Outbound;

/// <summary>Where an outbound connection stands, as its supervisor sees it.</summary>
public enum OutboundState
{
    /// <summary>Dialling: resolving the name and connecting, bounded by <c>outbound.connect-timeout</c>.</summary>
    Connecting,

    /// <summary>Connected: a connection actor owns the socket (its own lifecycle state is in the snapshot).</summary>
    Connected,

    /// <summary>Waiting out the back-off delay before the next dial.</summary>
    Backoff,

    /// <summary>The application asked to close; waiting for the connection to finish its teardown.</summary>
    Closing,

    /// <summary>Stopped for good (closed, given up, or its actor system stopped); every socket is released.</summary>
    Stopped,
}
