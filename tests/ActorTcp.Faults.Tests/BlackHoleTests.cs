using System.Net;
using ActorTcp.Configuration;
using ActorTcp.Faults.Tests.Support;
using ActorTcp.Teardown;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Network;
using ActorTcp.TestKit.Sockets;

namespace ActorTcp.Faults.Tests;

[Collection(FaultsCollection.Name)]
public sealed class BlackHoleTests
{
    private static readonly TimeSpan UserTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task PeerStopsAcknowledgingDuringA10MBWrite_UserTimeoutEndsTheConnection()
    {
        var ended = await BlackHoleDuringBulkWrite(o => o.Tcp.UserTimeout = UserTimeout);

        // The kernel gave up on the unacknowledged data (ETIMEDOUT) within the user timeout + one tick.
        Assert.Equal(CloseReason.SocketError, ended.Closed.Reason);
        Assert.InRange(ended.After, TimeSpan.Zero, UserTimeout + FastHeartbeat.TickMargin);
    }

    [Fact]
    public async Task PeerStopsAcknowledgingDuringA10MBWrite_WithoutUserTimeout_TheHeartbeatEndsIt()
    {
        var ended = await BlackHoleDuringBulkWrite(o =>
        {
            // 0 leaves the kernel's default: retransmitting for about 15 minutes.
            o.Tcp.UserTimeout = TimeSpan.Zero;
            FastHeartbeat.Apply(o);
        });

        Assert.Equal(new ConnectionClosed(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset), ended.Closed);
        Assert.InRange(ended.After, TimeSpan.Zero, FastHeartbeat.Budget + FastHeartbeat.TickMargin);
    }

    private static async Task<(ConnectionClosed Closed, TimeSpan After)> BlackHoleDuringBulkWrite(Action<ActorTcpOptions> configure)
    {
        // Scenario: a peer in a namespace asks for 10 MB and reads it slowly; the slow-consumer
        // guard is set out of the way so only the fault under test can end the connection.
        using var peers = NetworkNamespace.Create();
        await using var server = await FaultServer.StartAsync(
            o =>
            {
                o.Write.SlowConsumerTimeout = TimeSpan.FromMinutes(5);
                configure(o);
            },
            () => new BulkWriter(),
            peers.HostAddress);
        using var socket = await peers.ConnectAsync(new IPEndPoint(peers.HostAddress, server.Port));
        using var stop = new CancellationTokenSource();
        var reader = new SlowReader();
        await socket.SendAsync("GO\n"u8.ToArray());
        var reading = reader.RunAsync(socket, stop.Token);
        await Eventually.TrueAsync(() => reader.Received >= 1024 * 1024, "the peer has read the first megabyte", Eventually.ProcessTimeout);

        // Fault: from now on the peer's acknowledgements vanish; the link stays up.
        var holeAt = server.Record.Clock.Elapsed;
        peers.BlackHole();

        // Kernel fact: the server's socket keeps bytes sent but never acknowledged (tx_queue)...
        var peerPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
        await Eventually.TrueAsync(
            () => KernelTcpTable.ReadAll().Any(s => s.LocalEndPoint.Port == server.Port && s.RemoteEndPoint.Port == peerPort && s.SendQueueBytes > 0)
                || !server.Record.Closed.IsEmpty,
            "the server holds unacknowledged bytes", Eventually.ProcessTimeout);
        Assert.True(server.Record.Closed.IsEmpty || server.Record.Closed.Single().At > holeAt, "The connection ended before the black hole.");

        // ...until the connection is ended, after which no socket is held for the peer.
        await Eventually.TrueAsync(() => !server.Record.Closed.IsEmpty, "the connection is closed", TimeSpan.FromSeconds(30));
        Assert.True(reader.Received < BulkWriter.TotalBytes, "The whole transfer completed before the black hole.");
        Assert.Empty(Kernel.HeldServerSockets(server.Port, remote => remote.Port == peerPort));
        await stop.CancelAsync();
        await reading;
        var closed = server.Record.Closed.Single();
        return (closed.Closed, closed.At - holeAt);
    }
}
