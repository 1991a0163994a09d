using ActorTcp.Connections;
using ActorTcp.Handlers;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Sockets;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Connections;

public sealed class TeardownTests
{
    /// <summary>One tick of the system scheduler: a timer fires at the first tick ending at or after its deadline.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task PeerHalfClose_HandlerNeverCloses_IsClosedWithinCloseWaitTimeout()
    {
        await using var harness = ConnectionHarness.Create(o => o.Teardown.CloseWaitTimeout = TimeSpan.FromMilliseconds(200));
        var (client, server) = await harness.ConnectAsync(new Handlers.Silent());
        using var _ = client;

        client.HalfClose();
        await server.ExpectStateAsync(LifecycleState.PeerClosed);
        await KernelSockets.ExpectAsync(KernelTcpState.CloseWait, harness.Port, 1);

        harness.Time.Advance(TimeSpan.FromMilliseconds(199));
        await server.ExpectNoMoreAsync(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, KernelSockets.Count(KernelTcpState.CloseWait, harness.Port));

        harness.Time.Advance(TimeSpan.FromMilliseconds(1) + Tick);
        var ended = await server.ExpectEndedAsync();
        Assert.Equal(new ConnectionClosed(CloseReason.CloseWaitTimeout, ClosedFirstBy.Peer), ended.Closed);
        await KernelSockets.ExpectAsync(KernelTcpState.CloseWait, harness.Port, 0);
        Assert.Equal(ClientOutcome.EndOfStream, await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task HandlerClose_GoodbyeAwarePeer_ClosesFirstAndHoldsTheTimeWait()
    {
        await using var harness = ConnectionHarness.Create(o => o.Teardown.PreferPeerClose = true);
        using var client = await GoodbyeAwareClient.ConnectAsync(harness.Port, "BYE");
        var server = await harness.AcceptAsync(new Handlers.ClosesOnQuit());

        await client.SendLineAsync("quit");
        await server.ExpectStateAsync(LifecycleState.CloseRequested);
        await client.Closed.WaitAsync(TestClient.DefaultTimeout);
        var ended = await server.ExpectEndedAsync();

        Assert.Equal(new ConnectionClosed(CloseReason.LocalClose, ClosedFirstBy.Peer), ended.Closed);
        await Eventually.TrueAsync(() => KernelSockets.Connections(harness.Port) == 0, "the server's socket is gone");
        Assert.Equal(0, KernelSockets.Count(KernelTcpState.TimeWait, harness.Port, [client.LocalPort]));
        Assert.Equal(1, KernelTcpTable.Count(KernelTcpState.TimeWait, localPort: client.LocalPort, remotePort: harness.Port));
    }

    [Fact]
    public async Task HandlerClose_PeerIgnoresGoodbye_FinFallbackEndsWithinGracePlusFinWait()
    {
        await using var harness = ConnectionHarness.Create(o =>
        {
            o.Teardown.PeerCloseGrace = TimeSpan.FromMilliseconds(300);
            o.Teardown.FinWaitTimeout = TimeSpan.FromMilliseconds(400);
            o.Teardown.OnGraceExpired = GraceExpiredAction.Fin;
        });
        var (client, server) = await harness.ConnectAsync(new Handlers.ClosesOnQuit());
        using var _ = client;

        await client.SendLineAsync("quit");
        Assert.Equal("BYE", await client.ReadLineAsync());
        await server.ExpectStateAsync(LifecycleState.CloseRequested);

        harness.Time.Advance(TimeSpan.FromMilliseconds(300) + Tick);
        await server.ExpectStateAsync(LifecycleState.Closing);
        Assert.Null(await client.ReadLineAsync());

        harness.Time.Advance(TimeSpan.FromMilliseconds(400) + Tick);
        var ended = await server.ExpectEndedAsync();
        Assert.Equal(new ConnectionClosed(CloseReason.FinWaitTimeout, ClosedFirstBy.Reset), ended.Closed);
        await Eventually.TrueAsync(() => KernelSockets.Connections(harness.Port) == 0, "the reset freed the server's socket");
    }

    [Fact]
    public async Task HandlerClose_PeerIgnoresGoodbye_RstFallbackResetsAfterGrace()
    {
        await using var harness = ConnectionHarness.Create(o => o.Teardown.OnGraceExpired = GraceExpiredAction.Rst);
        var (client, server) = await harness.ConnectAsync(new Handlers.ClosesOnQuit());
        using var _ = client;

        await client.SendLineAsync("quit");
        Assert.Equal("BYE", await client.ReadLineAsync());
        await server.ExpectStateAsync(LifecycleState.CloseRequested);
        harness.Time.Advance(harness.Options.Teardown.PeerCloseGrace + Tick);

        Assert.Equal(new ConnectionClosed(CloseReason.LocalClose, ClosedFirstBy.Reset), (await server.ExpectEndedAsync()).Closed);
        Assert.Equal(ClientOutcome.Reset, await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task CloseCommand_WithoutPreferPeerClose_SendsFinAndClosesOnThePeersFin()
    {
        await using var harness = ConnectionHarness.Create(o => o.Teardown.PreferPeerClose = false);
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);

        server.Tell(new ConnectionProtocol.Close(CloseReason.Drain));
        await server.ExpectStateAsync(LifecycleState.Closing);
        Assert.Null(await client.ReadLineAsync());
        client.Dispose();

        var ended = await server.ExpectEndedAsync();
        Assert.Equal(new ConnectionClosed(CloseReason.Drain, ClosedFirstBy.Local), ended.Closed);
        await server.ExpectNoMoreAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task PeerReset_IsRecordedAsPeerReset()
    {
        await using var harness = ConnectionHarness.Create();
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);

        client.Socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
        client.Dispose();

        Assert.Equal(new ConnectionClosed(CloseReason.PeerReset, ClosedFirstBy.Reset), (await server.ExpectEndedAsync()).Closed);
    }
}
