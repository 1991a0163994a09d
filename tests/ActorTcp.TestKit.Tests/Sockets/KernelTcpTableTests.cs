using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ActorTcp.TestKit.Sockets;

namespace ActorTcp.TestKit.Tests.Sockets;

[Collection(ProcessWideStateCollection.Name)]
public sealed class KernelTcpTableTests
{
    [Fact]
    public void ParseRow_ReadsIPv4RowInKernelByteOrder()
    {
        var row = "   3: 0100007F:1CE8 0200007F:9C40 01 0000000A:00000014 00:00000000 00000000     0        0 4242 1 0000000000000000 20 4 30 10 -1";

        var socket = KernelTcpTable.ParseRow(row);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.0.0.1"), 7400), socket.LocalEndPoint);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 40000), socket.RemoteEndPoint);
        Assert.Equal(KernelTcpState.Established, socket.State);
        Assert.Equal(10, socket.SendQueueBytes);
        Assert.Equal(20, socket.ReceiveQueueBytes);
        Assert.Equal(4242, socket.Inode);
    }

    [Fact]
    public void ParseRow_ReportsIPv4MappedIPv6AddressesAsIPv4()
    {
        var row = "   0: 0000000000000000FFFF00000100007F:B01C 0000000000000000FFFF00000100007F:9497 06 00000000:00000000 03:000000F2 00000000     0        0 0 3 000000006a616132";

        var socket = KernelTcpTable.ParseRow(row);

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 0xB01C), socket.LocalEndPoint);
        Assert.Equal(KernelTcpState.TimeWait, socket.State);
    }

    [Fact]
    public void ParseRow_RejectsTruncatedRowWithTheRowInTheMessage()
    {
        var error = Assert.Throws<FormatException>(() => KernelTcpTable.ParseRow("0: 0100007F:1CE8"));

        Assert.Contains("0100007F:1CE8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeerHalfClose_ShowsCloseWaitOnReceiverUntilItClosesThenTimeWaitOnTheCloser()
    {
        // Scenario: a connected pair on loopback.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var serverPort = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!);
        using var server = await listener.AcceptAsync();
        var clientPort = ((IPEndPoint)client.LocalEndPoint!).Port;
        Assert.Equal(1, KernelTcpTable.Count(KernelTcpState.Listen, localPort: serverPort));
        Assert.Equal(1, KernelTcpTable.Count(KernelTcpState.Established, localPort: serverPort, remotePort: clientPort));

        // Fault: the client sends FIN and the server does not close.
        client.Shutdown(SocketShutdown.Send);

        // Kernel fact: the server side sits in CLOSE_WAIT until the application closes it...
        await WaitUntil(() => KernelTcpTable.Count(KernelTcpState.CloseWait, localPort: serverPort, remotePort: clientPort) == 1);
        server.Close();
        await WaitUntil(() => KernelTcpTable.Count(KernelTcpState.CloseWait, localPort: serverPort) == 0);

        // ...and the client, which sent the first FIN, is the side that holds TIME_WAIT.
        await WaitUntil(() => KernelTcpTable.Count(KernelTcpState.TimeWait, localPort: clientPort, remotePort: serverPort) == 1);
        Assert.Equal(0, KernelTcpTable.Count(KernelTcpState.TimeWait, localPort: serverPort, remotePort: clientPort));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        // Kernel state changes asynchronously to the socket calls; allow the busy machine seconds.
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The kernel state was not reached within 10 s.");
            await Task.Delay(10);
        }
    }
}
