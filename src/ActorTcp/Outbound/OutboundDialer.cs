using System.Net;
using System.Net.Sockets;

namespace ActorTcp.Outbound;

/// <summary>
/// One dial: resolve the target (every attempt, asynchronously), then try its addresses in the
/// resolver's order, IPv6 and IPv4 alike, until one connects. Every socket it creates is either
/// returned connected or disposed before it returns, also when it is cancelled.
/// </summary>
internal static class OutboundDialer
{
    /// <summary>Connects a fresh socket; <c>Socket.ConnectAsync</c> except in tests.</summary>
    public static readonly Func<Socket, EndPoint, CancellationToken, ValueTask> DefaultConnect =
        static (socket, endPoint, cancellationToken) => socket.ConnectAsync(endPoint, cancellationToken);

    /// <summary>Dials <paramref name="target"/>.</summary>
    /// <param name="target">Where to dial.</param>
    /// <param name="connect">Connects one socket to one address.</param>
    /// <param name="cancellationToken">The connect timeout or a close; cancelling releases the socket being connected.</param>
    /// <returns>The connected socket, owned by the caller from then on.</returns>
    /// <exception cref="SocketException">No address connected (the last address's error), or the name did not resolve.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async Task<Socket> DialAsync(
        OutboundTarget target, Func<Socket, EndPoint, CancellationToken, ValueTask> connect, CancellationToken cancellationToken)
    {
        var addresses = target.Address is { } literal
            ? [literal]
            : await Dns.GetHostAddressesAsync(target.Host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await connect(socket, new IPEndPoint(address, target.Port), cancellationToken).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}
