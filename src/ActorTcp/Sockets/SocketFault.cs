namespace ActorTcp.Sockets;

/// <summary>How a connection actor reads a socket error.</summary>
public enum SocketFault
{
    /// <summary>The peer reset the connection (ECONNRESET) or was already gone when we wrote (EPIPE).</summary>
    PeerReset,

    /// <summary>Any other failure: user timeout, keepalive timeout, unreachable host.</summary>
    Failed,
}
