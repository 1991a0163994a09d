namespace ActorTcp.Server;

/// <summary>How <see cref="TcpServer.CloseAsync"/> ends a connection.</summary>
public enum CloseMode
{
    /// <summary>The TIME_WAIT-aware close: goodbye and peer-first close when configured, FIN as the fallback.</summary>
    Graceful,

    /// <summary>Reset at once (RST): unsent data is discarded and no TIME_WAIT is left.</summary>
    Abort,
}
