using System.Net;
using System.Net.Sockets;

namespace ActorTcp.Host.Tests.Support;

/// <summary>Ports the kernel has just handed out as free, for a child process to bind.</summary>
public static class FreePort
{
    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
