using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Lifecycle;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Sockets;
using ActorTcp.TestKit.VirtualTime;
using ActorTcp.Tests.Server;


namespace ActorTcp.Tests.Draining;

/// <summary>
/// Drain as the manager runs it, with the test connection actor (goodbye line, then wait for the
/// peer's FIN); the connection actor's own grace and fin-wait fallbacks are not involved here.
/// </summary>
public sealed class DrainTests
{
    [Fact]
    public async Task TwoHundredClientsCloseOnGoodbye_AllClosedByThePeerFirstAndNoTimeWaitOnTheServerPort()
    {
        // Arrange: 200 clients that close as soon as they read the goodbye.
        await using var system = ActorSystem.Create("drain-peer-first");
        await using var server = TestServers.Start(system);
        var clients = new List<LoopbackClient>();
        for (var i = 0; i < 200; i++)
        {
            clients.Add(await LoopbackClient.ConnectAsync(server.Port));
        }

        await Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 200, "200 connections are registered");
        var clientPorts = clients.Select(c => c.LocalPort).ToArray();
        var closeOnGoodbye = clients.Select(async client =>
        {
            var line = await client.ReadLineAsync();
            client.Dispose();
            return line;
        }).ToArray();

        // Act
        var report = await server.DrainAsync(TimeSpan.FromSeconds(20));

        // Assert: every connection closed after its peer, so the peers hold the TIME_WAIT sockets.
        Assert.All(await Task.WhenAll(closeOnGoodbye), line => Assert.Equal("BYE", line));
        Assert.Equal(200, report.Connections);
        Assert.Equal(200, report.PeerClosedFirst);
        Assert.Equal(0, report.LocalClosedFirst + report.Reset + report.AbortedAtDeadline);
        Assert.Equal(0, ServerSideSockets.Count(KernelTcpState.TimeWait, server.Port, clientPorts));
        Assert.Equal(0, ServerSideSockets.Count(KernelTcpState.CloseWait, server.Port, clientPorts));
        Assert.Empty(await server.GetConnectionsAsync());
    }

    [Fact]
    public async Task Drained_TheListeningSocketIsClosedAndASecondDrainGetsTheSameReport()
    {
        // Arrange
        await using var system = ActorSystem.Create("drain-empty");
        await using var server = TestServers.Start(system);

        // Act
        var first = await server.DrainAsync(TimeSpan.FromSeconds(5));
        var second = await server.DrainAsync(TimeSpan.FromSeconds(5));

        // Assert: nobody listens on the port any more.
        Assert.Equal(0, first.Connections);
        Assert.Same(first, second);
        var refused = await Assert.ThrowsAsync<SocketException>(() => LoopbackClient.ConnectAsync(server.Port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task ClientsIgnoringGoodbye_AreResetExactlyAtTheDrainDeadline()
    {
        // Arrange: a virtual clock drives the drain deadline; five clients close on the goodbye and
        // five ignore it.
        var time = new VirtualTimeProvider();
        var tick = TimeSpan.FromMilliseconds(10);
        await using var system = ActorSystem.Create("drain-deadline", new ActorSystemSettings { TimeProvider = time, SchedulerTickDuration = tick });
        var server = TestServers.Start(system);
        var clients = new List<LoopbackClient>();
        for (var i = 0; i < 10; i++)
        {
            clients.Add(await LoopbackClient.ConnectAsync(server.Port));
        }

        await Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 10, "10 connections are registered");
        var polite = clients.Take(5).Select(async client =>
        {
            await client.ReadLineAsync();
            client.Dispose();
        }).ToArray();
        var ignoring = clients.Skip(5).ToArray();

        // Act
        var drain = server.DrainAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(polite);
        await Eventually.TrueAsync(
            async () => (await server.GetStateCountsAsync())[LifecycleState.CloseRequested] == 5 && (await server.GetConnectionsAsync()).Count == 5,
            "the polite five are gone and the other five wait for their peer");
        time.Advance(TimeSpan.FromSeconds(30) - tick);
        Assert.False(drain.IsCompleted);
        time.Advance(tick + tick);
        var report = await drain;

        // Assert
        Assert.Equal(10, report.Connections);
        Assert.Equal(5, report.PeerClosedFirst);
        Assert.Equal(5, report.Reset);
        Assert.Equal(5, report.AbortedAtDeadline);
        Assert.InRange(report.Elapsed, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30) + tick + tick);
        foreach (var client in ignoring)
        {
            Assert.Equal("BYE", await client.ReadLineAsync());
            var reset = await Assert.ThrowsAsync<SocketException>(client.ReadToEndAsync);
            Assert.Equal(SocketError.ConnectionReset, reset.SocketErrorCode);
            client.Dispose();
        }

        await server.DisposeAsync();
    }
}
