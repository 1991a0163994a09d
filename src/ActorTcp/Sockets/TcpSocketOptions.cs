using System.Net.Sockets;
using ActorTcp.Configuration;

namespace ActorTcp.Sockets;

/// <summary>
/// Applies the <c>tcp</c> options: to a listening socket, whose accepted sockets inherit them on
/// Linux, or to one connected socket, before its first read.
/// </summary>
public static class TcpSocketOptions
{
    // TCP_USER_TIMEOUT from <netinet/tcp.h>; .NET has no named option for it.
    private const int IpProtocolTcp = 6;
    private const int TcpUserTimeout = 18;

    /// <summary>Whether sockets accepted from a listener set up by <see cref="ApplyToListener"/> carry its options (Linux).</summary>
    public static bool InheritedByAcceptedSockets => OperatingSystem.IsLinux();

    /// <summary>
    /// Makes a connection's socket ready for its actor: only non-blocking when it was accepted from a
    /// listener whose options it inherited, otherwise every option as <see cref="Apply"/>.
    /// </summary>
    /// <param name="socket">An accepted or dialled socket.</param>
    /// <param name="options">The validated <c>actortcp.tcp</c> options.</param>
    /// <param name="inheritedFromListener">Whether it was accepted from a listener set up by <see cref="ApplyToListener"/>.</param>
    public static void ApplyToConnection(Socket socket, TcpOptions options, bool inheritedFromListener)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(options);
        if (inheritedFromListener)
        {
            socket.Blocking = false;
            return;
        }

        Apply(socket, options);
    }

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
        SetInheritable(socket, options);

        // Reads and writes are tried synchronously first and must never block the actor's thread.
        socket.Blocking = false;
    }

    /// <summary>
    /// Sets the same options as <see cref="Apply"/>, before <c>listen()</c>, on a listening socket.
    /// Linux copies them into every socket accepted from it (the accepted socket is a clone of the
    /// listener's), so a server pays these system calls once instead of six times per connection;
    /// a receive buffer set here also shapes the window scale offered in the SYN-ACK.
    /// </summary>
    /// <param name="listener">A socket that does not listen yet (the listener sets it before binding).</param>
    /// <param name="options">The validated <c>actortcp.tcp</c> options.</param>
    /// <remarks>Does nothing where accepted sockets do not inherit (<see cref="InheritedByAcceptedSockets"/>): there each accepted socket needs <see cref="Apply"/>.</remarks>
    public static void ApplyToListener(Socket listener, TcpOptions options)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(options);
        if (InheritedByAcceptedSockets)
        {
            SetInheritable(listener, options);
        }
    }

    private static void SetInheritable(Socket socket, TcpOptions options)
    {
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
    }
}
