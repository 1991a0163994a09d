using System.Net;
using System.Net.Sockets;
using ActorTcp.Faults.Tests.Support;
using ActorTcp.Teardown;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Network;

namespace ActorTcp.Faults.Tests;

[Collection(FaultsCollection.Name)]
public sealed class SilentDeathTests
{
    private const int Peers = 100;

    [Fact]
    public async Task HundredIdlePeers_LinkTakenDown_AreEachResetWithHeartbeatTimeoutWithinTheBudget()
    {
        // Scenario: 100 idle peers in a namespace, answering pings, on a server with an active heartbeat.
        using var peers = NetworkNamespace.Create();
        await using var server = await FaultServer.StartAsync(
            o =>
            {
                FastHeartbeat.Apply(o);
            },
            host: peers.HostAddress);
        using var stop = new CancellationTokenSource();
        var sockets = new List<Socket>();
        for (var i = 0; i < Peers; i++)
        {
            sockets.Add(await peers.ConnectAsync(new IPEndPoint(peers.HostAddress, server.Port)));
        }

        var answering = sockets.Select(socket => PongingPeer.RunAsync(socket, stop.Token)).ToList();
        await Eventually.TrueAsync(() => server.Record.Connected.Count == Peers, "every peer is connected", Eventually.ProcessTimeout);

        // Answering pings keeps them open for longer than the budget.
        await Task.Delay(FastHeartbeat.Budget + FastHeartbeat.Interval);
        Assert.Empty(server.Record.Closed);

        // Fault: the link goes down: no FIN, no RST, no answer — the peers lost power.
        var downAt = server.Record.Clock.Elapsed;
        peers.TakeLinkDown();

        // Every connection is closed as a dead peer, within the budget (+ one tick) of the link going down.
        await Eventually.TrueAsync(() => server.Record.Closed.Count == Peers, "every connection is closed", FastHeartbeat.Budget + TimeSpan.FromSeconds(20));
        Assert.All(server.Record.Closed, closed =>
        {
            Assert.Equal(new ConnectionClosed(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset), closed.Closed);
            Assert.InRange(closed.At - downAt, TimeSpan.Zero, FastHeartbeat.Budget + FastHeartbeat.TickMargin);
        });

        // Kernel fact: /proc/net/tcp holds no ESTABLISHED, CLOSE_WAIT or FIN_WAIT socket on the server port for them.
        Assert.Empty(Kernel.HeldServerSockets(server.Port, remote => remote.Address.Equals(peers.PeerAddress)));
        await stop.CancelAsync();
        await Task.WhenAll(answering);
    }
}
