using ActorTcp.TestKit.Sockets;

namespace ActorTcp.Tests.Draining;

/// <summary>
/// Counts the server's own sockets of given connections: local port the server's, remote port one of
/// the clients'. Matching the remote port too keeps out unrelated sockets that happen to share the
/// local port number (other tests' clients whose ephemeral port equals it).
/// </summary>
internal static class ServerSideSockets
{
    public static int Count(KernelTcpState state, int serverPort, IEnumerable<int> clientPorts)
    {
        var ports = clientPorts.ToHashSet();
        return KernelTcpTable.ReadAll().Count(s =>
            s.State == state && s.LocalEndPoint.Port == serverPort && ports.Contains(s.RemoteEndPoint.Port));
    }
}
