using System.Net;
using System.Net.Sockets;

namespace ActorTcp.Load.Net;

/// <summary>
/// Opens client connections to one target. Against a loopback target the connections are spread
/// over the source addresses 127.0.0.2 … 127.0.0.254, so the 28,000 ephemeral ports of one
/// address never run out however many connections or TIME_WAIT sockets pile up.
/// </summary>
internal sealed class Connector(IPEndPoint target)
{
    private const int FirstHost = 2;
    private const int Hosts = 253;

    /// <summary>IP_BIND_ADDRESS_NO_PORT: bind the address now, pick the port at connect, per 4-tuple.</summary>
    private const int IpBindAddressNoPort = 24;

    private int _next;

    /// <summary>The server's address and port.</summary>
    public IPEndPoint Target { get; } = target;

    /// <summary>Connects one socket, with Nagle off as every server in the comparison has it.</summary>
    public async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (IPAddress.IsLoopback(Target.Address))
            {
                var host = FirstHost + (int)((uint)Interlocked.Increment(ref _next) % Hosts);
                socket.SetRawSocketOption((int)SocketOptionLevel.IP, IpBindAddressNoPort, BitConverter.GetBytes(1));
                socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, (byte)host]), 0));
            }

            await socket.ConnectAsync(Target, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Parses <c>host:port</c>.</summary>
    public static IPEndPoint ParseEndPoint(string text) =>
        IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port != 0
            ? endPoint
            : throw new FormatException($"'{text}' is not an address:port such as 127.0.0.1:7000");
}
