using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Faults.Tests.Support;
using ActorTcp.Heartbeats;
using ActorTcp.Outbound;
using ActorTcp.Teardown;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Network;
using ActorTcp.TestKit.Sockets;

namespace ActorTcp.Faults.Tests;

[Collection(FaultsCollection.Name)]
public sealed class OutboundTests
{
    private const int Queued = 50;

    [Fact]
    public async Task ServerKilledWithSigkillAndRestarted_ClientReconnectsAndLosesNothingBuffered()
    {
        // Scenario: a client with a 64 KiB send buffer connected to an echo server in another process.
        var first = await ChildServer.StartAsync();
        var port = first.Port;
        await using var system = ActorSystem.Create("faults-client");
        await using var clients = new TcpClientManager(system);
        var recorder = new OutboundRecorder();
        var upstream = clients.ConnectTo(new IPEndPoint(IPAddress.Loopback, port), ClientOptions(), recorder);
        ChildServer? second = null;
        try
        {
            await Eventually.TrueAsync(() => recorder.Count("connected") == 1, "the client is connected", Eventually.ProcessTimeout);
            Assert.Equal(OutboundSendResult.Accepted, await upstream.SendAsync("before"u8.ToArray()));
            await Eventually.TrueAsync(() => recorder.Frames.Contains("before"), "the first frame is echoed", Eventually.ProcessTimeout);

            // Fault: the server process is killed; the kernel closes its sockets, no drain, no goodbye.
            first.Kill();
            await Eventually.TrueAsync(() => recorder.Count("disconnected") == 1, "the client noticed the loss", Eventually.ProcessTimeout);

            // Sends while there is no server are held within the buffer...
            for (var i = 0; i < Queued; i++)
            {
                Assert.Equal(OutboundSendResult.Buffered, await upstream.SendAsync(Encoding.UTF8.GetBytes($"queued {i}")));
            }

            // Kernel fact: nothing listens on the port while the server is down, and the client holds
            // no socket to it in ESTABLISHED or CLOSE_WAIT.
            Assert.DoesNotContain(KernelTcpTable.ReadAll(), s => s.State == KernelTcpState.Listen && s.LocalEndPoint.Port == port);
            Assert.DoesNotContain(KernelTcpTable.ReadAll(), s => s.RemoteEndPoint.Port == port && s.State is KernelTcpState.Established or KernelTcpState.CloseWait);

            // ...and once the server is back on the same port, the client reconnects and every one arrives, in order.
            second = await ChildServer.StartAsync(port);
            await Eventually.TrueAsync(() => recorder.Count("connected") == 2, "the client reconnected", TimeSpan.FromSeconds(30));
            var expected = Enumerable.Range(0, Queued).Select(i => $"queued {i}").ToList();
            await Eventually.TrueAsync(() => recorder.Frames.Count(f => f.StartsWith("queued", StringComparison.Ordinal)) == Queued, "every buffered frame is echoed", Eventually.ProcessTimeout);
            Assert.Equal(expected, recorder.Frames.Where(f => f.StartsWith("queued", StringComparison.Ordinal)));
            Assert.Equal(["disconnected", "reconnecting", "connected"], KindsAfterFirstConnect(recorder));
        }
        finally
        {
            first.Dispose();
            second?.Dispose();
        }
    }

    [Fact]
    public async Task PeerInANamespaceWhoseLinkGoesDown_IsDetectedWithinTheHeartbeatBudgetAndRedialled()
    {
        // Scenario: the client dials a server in a namespace that answers pings, with an active heartbeat.
        using var peers = NetworkNamespace.Create();
        using var listener = peers.OpenTcpSocket();
        listener.Bind(new IPEndPoint(peers.PeerAddress, 0));
        listener.Listen();
        var serverPort = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using var stop = new CancellationTokenSource();
        var accepted = AcceptAndAnswerPings(listener, stop.Token);
        await using var system = ActorSystem.Create("faults-client");
        await using var clients = new TcpClientManager(system);
        var recorder = new OutboundRecorder();
        clients.ConnectTo(new IPEndPoint(peers.PeerAddress, serverPort), ClientOptions(FastHeartbeat.Apply), recorder);
        await Eventually.TrueAsync(() => recorder.Count("connected") == 1, "the client is connected", Eventually.ProcessTimeout);

        // Answered pings keep it connected for longer than the budget.
        await Task.Delay(FastHeartbeat.Budget + FastHeartbeat.Interval);
        Assert.Equal(0, recorder.Count("disconnected"));
        var clientPort = KernelTcpTable.ReadAll().First(s => s.RemoteEndPoint.Port == serverPort && s.State == KernelTcpState.Established).LocalEndPoint.Port;

        // Fault: the link goes down mid-connection: no FIN, no RST.
        var downAt = recorder.Clock.Elapsed;
        peers.TakeLinkDown();

        // The client declares the peer dead within interval + max-missed × timeout (+ one tick) and redials.
        await Eventually.TrueAsync(() => recorder.Count("reconnecting") >= 1, "the client is redialling", FastHeartbeat.Budget + TimeSpan.FromSeconds(20));
        Assert.Equal(new ConnectionClosed(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset), Assert.Single(recorder.Disconnects));
        Assert.InRange(recorder.FirstAt("disconnected", downAt) - downAt, TimeSpan.Zero, FastHeartbeat.Budget + FastHeartbeat.TickMargin);
        Assert.Equal(["disconnected", "reconnecting"], KindsAfterFirstConnect(recorder).Take(2));

        // Kernel fact: the client's dead connection is gone from /proc/net/tcp (reset, not left ESTABLISHED).
        Assert.DoesNotContain(KernelTcpTable.ReadAll(), s => s.LocalEndPoint.Port == clientPort && s.RemoteEndPoint.Port == serverPort && Kernel.Held.Contains(s.State));
        await stop.CancelAsync();
        await accepted;
    }

    private static ActorTcpOptions ClientOptions(Action<ActorTcpOptions>? configure = null)
    {
        var options = new ActorTcpOptions();
        options.Heartbeat.Mode = HeartbeatMode.Off;
        options.Outbound.BufferWhileDisconnected = 64 * 1024;
        options.Outbound.ConnectTimeout = TimeSpan.FromSeconds(2);
        options.Outbound.Reconnect.MinBackoff = TimeSpan.FromMilliseconds(100);
        options.Outbound.Reconnect.MaxBackoff = TimeSpan.FromSeconds(1);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>The event kinds after the first connect, without closes and failed dials (their number depends on timing).</summary>
    private static List<string> KindsAfterFirstConnect(OutboundRecorder recorder) =>
        recorder.Events.Select(e => e.Kind).SkipWhile(k => k != "connected").Skip(1)
            .Where(k => k is "disconnected" or "reconnecting" or "connected")
            .Aggregate(new List<string>(), (kinds, kind) =>
            {
                // Several redials in a row read as one "reconnecting".
                if (kinds.Count == 0 || kinds[^1] != kind)
                {
                    kinds.Add(kind);
                }

                return kinds;
            });

    private static async Task AcceptAndAnswerPings(Socket listener, CancellationToken stop)
    {
        var sockets = new List<Socket>();
        var peers = new List<Task>();
        try
        {
            while (true)
            {
                var socket = await listener.AcceptAsync(stop);
                sockets.Add(socket);
                peers.Add(PongingPeer.RunAsync(socket, stop));
            }
        }
        catch (OperationCanceledException)
        {
            // The test is over.
        }

        await Task.WhenAll(peers);
        sockets.ForEach(socket => socket.Dispose());
    }
}
