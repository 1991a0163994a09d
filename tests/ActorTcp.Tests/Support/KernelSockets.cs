using ActorTcp.TestKit;
using ActorTcp.TestKit.Sockets;

namespace ActorTcp.Tests.Support;

/// <summary>Kernel-table questions the connection tests ask about one port.</summary>
public static class KernelSockets
{
    /// <summary>Sockets in <paramref name="state"/> whose local port is <paramref name="localPort"/>.</summary>
    public static int Count(KernelTcpState state, int localPort) => KernelTcpTable.Count(state, localPort: localPort);

    /// <summary>
    /// Sockets in <paramref name="state"/> between <paramref name="localPort"/> and one of
    /// <paramref name="remotePorts"/>. Counting by the local port alone can see another test's old
    /// sockets: a TIME_WAIT left by an earlier client may carry the same port number.
    /// </summary>
    public static int Count(KernelTcpState state, int localPort, IReadOnlyCollection<int> remotePorts) =>
        KernelTcpTable.ReadAll().Count(s => s.State == state && s.LocalEndPoint.Port == localPort && remotePorts.Contains(s.RemoteEndPoint.Port));

    /// <summary>Connection sockets (anything but the listener) whose local port is <paramref name="localPort"/>.</summary>
    public static int Connections(int localPort) =>
        KernelTcpTable.ReadAll().Count(s => s.LocalEndPoint.Port == localPort && s.State != KernelTcpState.Listen);

    /// <summary>Waits, with a generous real-time bound, until the kernel shows <paramref name="expected"/> such sockets.</summary>
    public static Task ExpectAsync(KernelTcpState state, int localPort, int expected) =>
        Eventually.TrueAsync(() => Count(state, localPort) == expected, $"{expected} {state} socket(s) on local port {localPort}");
}
