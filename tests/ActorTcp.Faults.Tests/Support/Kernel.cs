using System.Net;
using ActorTcp.TestKit.Sockets;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>Questions about the kernel's socket table that the fault tests ask.</summary>
public static class Kernel
{
    /// <summary>States in which a connection is still held: open, half-closed or closing.</summary>
    public static readonly KernelTcpState[] Held =
        [KernelTcpState.Established, KernelTcpState.CloseWait, KernelTcpState.FinWait1, KernelTcpState.FinWait2, KernelTcpState.LastAck, KernelTcpState.Closing];

    /// <summary>Server-side sockets on <paramref name="serverPort"/> to peers matching <paramref name="peer"/> that are still held.</summary>
    public static IReadOnlyList<KernelTcpSocket> HeldServerSockets(int serverPort, Func<IPEndPoint, bool> peer) =>
        KernelTcpTable.ReadAll()
            .Where(s => s.LocalEndPoint.Port == serverPort && Held.Contains(s.State) && peer(s.RemoteEndPoint))
            .ToList();
}
