using System.Net;
using System.Net.Sockets;
using ActorTcp.Configuration;
using ActorTcp.Sockets;

namespace ActorTcp.Listening;

/// <summary>
/// Opens the listening socket of one endpoint. The first socket is bound before the listener actor
/// starts, so a taken port fails the caller at once and port 0 is resolved to one fixed port; a
/// restarted listener binds that same port again, with SO_REUSEADDR so connections of the previous
/// socket still in TIME_WAIT do not block the bind. The <c>tcp</c> options are set on every
/// listening socket, so the sockets accepted from it inherit them (see <see cref="TcpSocketOptions.ApplyToListener"/>).
/// </summary>
internal sealed class ListenSocket
{
    private readonly int _backlog;
    private readonly TcpOptions? _tcp;
    private Socket? _prebound;

    private ListenSocket(Socket prebound, int backlog, TcpOptions? tcp)
    {
        _prebound = prebound;
        _backlog = backlog;
        _tcp = tcp;
        EndPoint = (IPEndPoint)prebound.LocalEndPoint!;
    }

    /// <summary>The bound address and port (the kernel's choice when port 0 was asked for).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Binds <paramref name="endPoint"/> and starts listening with <paramref name="backlog"/>.</summary>
    /// <param name="endPoint">Where to listen; port 0 lets the kernel choose.</param>
    /// <param name="backlog">The accept queue length.</param>
    /// <param name="tcp">The options accepted sockets inherit; null leaves the kernel's defaults.</param>
    /// <exception cref="SocketException">The address cannot be bound (taken, not local, no permission).</exception>
    public static ListenSocket Bind(IPEndPoint endPoint, int backlog, TcpOptions? tcp = null)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return new ListenSocket(Open(endPoint, backlog, tcp), backlog, tcp);
    }

    /// <summary>
    /// The socket to accept on: the first call takes the one bound by <see cref="Bind"/>; later calls
    /// (a restarted listener) bind <see cref="EndPoint"/> again.
    /// </summary>
    public Socket Take() => Interlocked.Exchange(ref _prebound, null) ?? Open(EndPoint, _backlog, _tcp);

    /// <summary>Closes the first socket if no listener took it.</summary>
    public void Release() => Interlocked.Exchange(ref _prebound, null)?.Dispose();

    private static Socket Open(IPEndPoint endPoint, int backlog, TcpOptions? tcp)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (endPoint.AddressFamily == AddressFamily.InterNetworkV6 && endPoint.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            if (tcp is not null)
            {
                TcpSocketOptions.ApplyToListener(socket, tcp);
            }

            socket.Bind(endPoint);
            socket.Listen(backlog);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
