using ActorTcp.Configuration;
using ActorTcp.Connections;
using ActorTcp.Handlers;
using ActorTcp.Heartbeats;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;
using ActorTcp.TestKit;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Connections;

public sealed class HeartbeatTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromMilliseconds(500);
    private const double Spread = 0.2;

    /// <summary>The policy the harness's connections run, to know each one's ping lead.</summary>
    private static readonly HeartbeatPolicy Policy = CreatePolicy();

    private static HeartbeatPolicy CreatePolicy()
    {
        var options = new ActorTcpOptions();
        Configure(options);
        return new HeartbeatPolicy(options.Heartbeat);
    }

    [Fact]
    public async Task ActiveHeartbeat_SilentPeer_GetsPingsAtTheIntervalAndIsResetAfterMaxMissed()
    {
        await using var harness = CreateHarness();
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
        using var _ = client;

        await ExpectPingsThenResetAsync(harness, client, server, silentSoFar: TimeSpan.Zero);
        Assert.Equal(ClientOutcome.Reset, await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task ActiveHeartbeat_CountsSilenceFromTheAccept_NotFromTheActorsStart()
    {
        await using var harness = CreateHarness();
        using var client = await TestClient.ConnectAsync(harness.Port);
        var acceptedAt = harness.Time.GetTimestamp();

        // The accepted connection waits half an interval for its actor (a backlog of new connections).
        harness.Time.Advance(Interval / 2);
        var server = await harness.AcceptAsync(EchoHandler.Instance, openedTimestamp: acceptedAt);

        await ExpectPingsThenResetAsync(harness, client, server, silentSoFar: Interval / 2);
    }

    [Fact]
    public async Task ActiveHeartbeat_SilentPeer_IsResetAtTheBudgetItself_NotAtTheEndOfTheSchedulerTick()
    {
        // Arrange: the connection opens 3 ms into a 10 ms scheduler tick, so its budget ends 3 ms
        // into one too (the virtual clock and the scheduler start together).
        await using var harness = CreateHarness();
        using var client = await TestClient.ConnectAsync(harness.Port);
        harness.Time.Advance(TimeSpan.FromMilliseconds(3));
        var server = await harness.AcceptAsync(EchoHandler.Instance);
        var budget = Interval + (PingTimeout * 2);

        // Act: both pings (each read proves the check before it was handled), then up to the budget.
        harness.Time.Advance(Interval);
        Assert.Equal("PING", await client.ReadLineAsync());
        harness.Time.Advance(PingTimeout + Tick);
        Assert.Equal("PING", await client.ReadLineAsync());
        harness.Time.Advance(budget - Interval - PingTimeout - Tick - TimeSpan.FromMilliseconds(1));
        await server.ExpectNoMoreAsync(TimeSpan.FromMilliseconds(200));
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));

        // Assert: reset at the budget, 7 ms before the tick it falls in has ended.
        var ended = await server.ExpectEndedAsync();
        Assert.Equal(new ConnectionClosed(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset), ended.Closed);
    }

    [Fact]
    public async Task ActiveHeartbeat_LongInterval_PingsWaitForTheSharedGrid_WhileTheResetStaysExact()
    {
        // Arrange: a 30 s interval with a 3 s spread puts the checks that cannot end the connection
        // on a 100 ms grid shared by all connections. The clock is moved (in whole milliseconds, the
        // resolution of exact wakes) so that the first connection's ping falls due 50 ms before a
        // boundary of that grid, or up to a millisecond more.
        var interval = TimeSpan.FromSeconds(30);
        var timeout = TimeSpan.FromSeconds(1);
        var step = TimeSpan.FromMilliseconds(100);
        var options = new ActorTcpOptions();
        void Configure(ActorTcpOptions o)
        {
            o.Heartbeat.Mode = HeartbeatMode.Active;
            o.Heartbeat.Interval = interval;
            o.Heartbeat.Timeout = timeout;
            o.Heartbeat.MaxMissed = 2;
            o.Heartbeat.PingSpread = 0.1;
        }

        Configure(options);
        var policy = new HeartbeatPolicy(options.Heartbeat);
        Assert.Equal(step, policy.Grid.Step);
        await using var harness = ConnectionHarness.Create(Configure);
        using var client = await TestClient.ConnectAsync(harness.Port);
        var pingDue = interval - policy.PingLead(1);
        var dueOnClock = harness.Time.GetTimestamp() + pingDue.Ticks;
        var toHalfStepBefore = TimeSpan.FromTicks((((step.Ticks / 2) - (dueOnClock % step.Ticks)) + step.Ticks) % step.Ticks);
        harness.Time.Advance(TimeSpan.FromMilliseconds(Math.Floor(toHalfStepBefore.TotalMilliseconds)));
        var server = await harness.AcceptAsync(EchoHandler.Instance);
        Assert.Equal(1, server.Info.Id);
        var budget = interval + (timeout * 2);
        Assert.True(
            policy.Grid.RoundUp(budget, harness.Time.GetTimestamp(), harness.Time) - budget >= Tick * 2,
            "the budget is not on a boundary, so a rounded reset would be late by two ticks or more");

        // Act + Assert: no ping two ticks after it fell due, where it would go without the grid...
        var elapsed = pingDue + (Tick * 2);
        harness.Time.Advance(elapsed);
        Assert.Null(await ReadLineOrNullAsync(client, TimeSpan.FromMilliseconds(200)));

        // ...but within two ticks of the boundary, 50 ms after it fell due (or up to 1 ms more);
        harness.Time.Advance(step / 2);
        elapsed += step / 2;
        Assert.Equal("PING", await client.ReadLineAsync());

        // the second ping, at most a step after interval + timeout;
        var secondPingBy = interval + timeout + step + (Tick * 2);
        harness.Time.Advance(secondPingBy - elapsed);
        elapsed = secondPingBy;
        Assert.Equal("PING", await client.ReadLineAsync());

        // and the reset at the budget itself, off the grid.
        harness.Time.Advance(budget - TimeSpan.FromMilliseconds(1) - elapsed);
        await server.ExpectNoMoreAsync(TimeSpan.FromMilliseconds(200));
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var ended = await server.ExpectEndedAsync();
        Assert.Equal(new ConnectionClosed(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset), ended.Closed);
    }

    /// <summary>
    /// With the peer silent for <paramref name="silentSoFar"/> already: no ping before the interval
    /// less the connection's lead is up, a ping just after it, another one at interval + timeout, and
    /// the reset at the budget (interval + 2 × timeout), not a lead earlier.
    /// </summary>
    private static async Task ExpectPingsThenResetAsync(ConnectionHarness harness, TestClient client, ServerConnection server, TimeSpan silentSoFar)
    {
        var lead = Policy.PingLead(server.Info.Id);
        Assert.InRange(lead, Tick * 2, Interval * Spread);

        harness.Time.Advance(Interval - lead - silentSoFar - Tick);
        Assert.Null(await ReadLineOrNullAsync(client, TimeSpan.FromMilliseconds(200)));
        harness.Time.Advance(Tick + Tick);
        Assert.Equal("PING", await client.ReadLineAsync());

        harness.Time.Advance(lead + PingTimeout - Tick - Tick);
        Assert.Null(await ReadLineOrNullAsync(client, TimeSpan.FromMilliseconds(200)));
        harness.Time.Advance(Tick + Tick);
        Assert.Equal("PING", await client.ReadLineAsync());
        harness.Time.Advance(PingTimeout - Tick - Tick);
        await server.ExpectNoMoreAsync(TimeSpan.FromMilliseconds(200));
        harness.Time.Advance(Tick + Tick);
        var ended = await server.ExpectEndedAsync();
        Assert.Equal(new ConnectionClosed(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset), ended.Closed);
    }

    [Fact]
    public async Task ActiveHeartbeat_PeerAnsweringPongs_StaysConnectedAcrossManyIntervals()
    {
        await using var harness = CreateHarness();
        using var client = await PongingClient.ConnectAsync(harness.Port);
        var server = await harness.AcceptAsync(EchoHandler.Instance);

        // Ten intervals in 100 ms steps; after each step every ping the server sent has reached the
        // peer, been answered and the pong read, so the server's clock never runs ahead of the peer's
        // answers by more than a step. The timer ticks of a step are in the connection's mailbox when
        // Advance returns; the reply to an empty frame sent after them proves they were handled, and
        // every other frame out is a ping (the client sends only pongs, which are not echoed).
        var probes = 0;
        for (var step = 0; step < 100; step++)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(100));
            server.Tell(new ConnectionProtocol.Send(ReadOnlyMemory<byte>.Empty));
            Assert.Equal(EnqueueResult.Accepted, await server.NextAsync());
            probes++;
            await Eventually.TrueAsync(
                () => server.Info.FramesOut - probes == client.Pings && server.Info.FramesIn == client.Pings,
                "every ping so far was answered");
        }

        // At most one ping per interval less the connection's lead: the peer's pong restarts the silence.
        var mostPings = (int)(TimeSpan.FromSeconds(10) / (Interval - Policy.PingLead(server.Info.Id)));
        Assert.InRange(client.Pings, 5, mostPings);
        Assert.Equal(LifecycleState.Established, server.Info.State);
        await server.ExpectNoMoreAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task PeerPing_IsAnsweredWithPong_AndNotPassedToTheHandler()
    {
        await using var harness = CreateHarness();
        var (client, _) = await harness.ConnectAsync(EchoHandler.Instance);
        using var __ = client;

        await client.SendLineAsync("PING");
        await client.SendLineAsync("PONG");
        await client.SendLineAsync("data");

        Assert.Equal("PONG", await client.ReadLineAsync());
        Assert.Equal("data", await client.ReadLineAsync());
    }

    [Fact]
    public async Task PassiveHeartbeat_SilentPeer_IsClosedWithIdleTimeout()
    {
        await using var harness = ConnectionHarness.Create(o =>
        {
            o.Heartbeat.Mode = HeartbeatMode.Passive;
            o.Heartbeat.IdleTimeout = TimeSpan.FromSeconds(2);
        });
        using var client = await GoodbyeAwareClient.ConnectAsync(harness.Port);
        var server = await harness.AcceptAsync(EchoHandler.Instance);

        harness.Time.Advance(TimeSpan.FromSeconds(2) + Tick);
        await client.Closed.WaitAsync(TestClient.DefaultTimeout);

        Assert.Equal(new ConnectionClosed(CloseReason.IdleTimeout, ClosedFirstBy.Peer), (await server.ExpectEndedAsync()).Closed);
    }

    private static ConnectionHarness CreateHarness() => ConnectionHarness.Create(Configure);

    private static void Configure(ActorTcpOptions o)
    {
        o.Heartbeat.Mode = HeartbeatMode.Active;
        o.Heartbeat.Interval = Interval;
        o.Heartbeat.Timeout = PingTimeout;
        o.Heartbeat.MaxMissed = 2;
        o.Heartbeat.PingSpread = Spread;
    }

    private static async Task<string?> ReadLineOrNullAsync(TestClient client, TimeSpan wait)
    {
        try
        {
            return await client.ReadLineAsync(wait);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
