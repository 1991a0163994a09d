using System.Net;

namespace ActorTcp.TestKit.Sockets;

/// <summary>One row of the kernel's TCP socket table (<c>/proc/net/tcp</c> or <c>/proc/net/tcp6</c>).</summary>
/// <param name="LocalEndPoint">The socket's local address and port.</param>
/// <param name="RemoteEndPoint">The peer's address and port (any address and port 0 for a listener).</param>
/// <param name="State">The kernel's TCP state.</param>
/// <param name="SendQueueBytes">Bytes sent but not yet acknowledged by the peer (<c>tx_queue</c>).</param>
/// <param name="ReceiveQueueBytes">Bytes received but not yet read by the application (<c>rx_queue</c>).</param>
/// <param name="Inode">The socket's inode; 0 for sockets no process owns any more (TIME_WAIT).</param>
public sealed record KernelTcpSocket(
    IPEndPoint LocalEndPoint,
    IPEndPoint RemoteEndPoint,
    KernelTcpState State,
    long SendQueueBytes,
    long ReceiveQueueBytes,
    long Inode);
