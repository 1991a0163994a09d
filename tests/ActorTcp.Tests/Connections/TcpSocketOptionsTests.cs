using System.Net;
using System.Net.Sockets;
using ActorTcp.Configuration;
using ActorTcp.Listening;
using ActorTcp.Sockets;

namespace ActorTcp.Tests.Connections;

public sealed class TcpSocketOptionsTests
{
    [Fact]
    public async Task Apply_SetsNoDelayKeepaliveUserTimeoutBuffersAndLinger()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!);
        using var accepted = await listener.AcceptAsync();

        TcpSocketOptions.Apply(accepted, NonDefaultOptions());

        AssertKernelHasNonDefaultOptions(accepted);
        Assert.False(accepted.Blocking);
    }

    [Fact]
    public async Task ListenSocketWithOptions_AcceptedSocketInheritsEveryOption()
    {
        // Arrange: values that differ from every kernel default, so an option read back equal to its
        // value can only have come from the listening socket.
        var listenSocket = ListenSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), 1, NonDefaultOptions());
        using var listener = listenSocket.Take();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        // Act: accept, and set nothing on the accepted socket.
        await client.ConnectAsync(listener.LocalEndPoint!);
        using var accepted = await listener.AcceptAsync();

        // Assert: getsockopt on the accepted socket returns each option set on the listener.
        AssertKernelHasNonDefaultOptions(accepted);
    }

    /// <summary>Options that all differ from the kernel's defaults.</summary>
    private static TcpOptions NonDefaultOptions()
    {
        var options = new TcpOptions
        {
            NoDelay = true,
            UserTimeout = TimeSpan.FromSeconds(7),
            ReceiveBufferSize = 32 * 1024,
            SendBufferSize = 16 * 1024,
            Linger = TimeSpan.FromSeconds(3),
        };
        options.Keepalive.Idle = TimeSpan.FromSeconds(11);
        options.Keepalive.Interval = TimeSpan.FromSeconds(4);
        options.Keepalive.Count = 5;
        return options;
    }

    /// <summary>Reads every option of <see cref="NonDefaultOptions"/> back from the kernel with getsockopt.</summary>
    private static void AssertKernelHasNonDefaultOptions(Socket socket)
    {
        Assert.Equal(1, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay)!);
        Assert.Equal(1, (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)!);
        Assert.Equal(11, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime)!);
        Assert.Equal(4, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval)!);
        Assert.Equal(5, (int)socket.GetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount)!);
        var userTimeout = new byte[4];
        socket.GetRawSocketOption(6, 18, userTimeout);
        Assert.Equal(7000u, BitConverter.ToUInt32(userTimeout));

        // Linux doubles the requested buffer sizes for its own bookkeeping.
        Assert.Equal(2 * 32 * 1024, (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer)!);
        Assert.Equal(2 * 16 * 1024, (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer)!);
        var linger = (LingerOption)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Linger)!;
        Assert.True(linger.Enabled);
        Assert.Equal(3, linger.LingerTime);
    }

    [Fact]
    public async Task Reset_SendsRstToThePeer()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!);
        var accepted = await listener.AcceptAsync();

        SocketTeardown.Reset(accepted);

        var error = await Assert.ThrowsAsync<SocketException>(async () => await client.ReceiveAsync(new byte[1], SocketFlags.None));
        Assert.Equal(SocketError.ConnectionReset, error.SocketErrorCode);
    }
}
