using System.Net.Sockets;
using ActorTcp.Configuration;

namespace ActorTcp.Sockets;

/// <summary>Applies the <c>tcp</c> options to an accepted socket, before its first read.</summary>
public static class TcpSocketOptions
{
    // TCP_USER_TIMEOUT from <netinet/tcp.h>; .NET has no named option for it.
    private const int IpProtocolTcp = 6;
    private const int TcpUserTimeout = 18;

    /// <summary>
    /// Sets no-delay, keepalive (idle, interval, count), TCP_USER_TIMEOUT (Linux), the buffer sizes and
    /// the graceful linger. Values of 0 (buffer sizes, user timeout) leave the kernel's default.
    /// </summary>
    /// <param name="socket">A connected socket.</param>
    /// <param name="options">The validated <c>actortcp.tcp</c> options.</param>
    public static void Apply(Socket socket, TcpOptions options)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(options);
        socket.NoDelay = options.NoDelay;

        var keepalive = options.Keepalive;
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, keepalive.Enabled);
        if (keepalive.Enabled)
        {
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)keepalive.Idle.TotalSeconds);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, (int)keepalive.Interval.TotalSeconds);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, keepalive.Count);
        }

        if (options.UserTimeout > TimeSpan.Zero && OperatingSystem.IsLinux())
        {
            // Bounds how long unacknowledged data may sit in the send queue, which keepalive cannot:
            // keepalive only probes idle connections.
            Span<byte> milliseconds = stackalloc byte[sizeof(uint)];
            BitConverter.TryWriteBytes(milliseconds, (uint)options.UserTimeout.TotalMilliseconds);
            socket.SetRawSocketOption(IpProtocolTcp, TcpUserTimeout, milliseconds);
        }

        if (options.ReceiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = options.ReceiveBufferSize;
        }

        if (options.SendBufferSize > 0)
        {
            socket.SendBufferSize = options.SendBufferSize;
        }

        if (options.Linger is { } linger)
        {
            socket.LingerState = new LingerOption(true, (int)linger.TotalSeconds);
        }

        // Reads and writes are tried synchronously first and must never block the actor's thread.
        socket.Blocking = false;
    }
}
