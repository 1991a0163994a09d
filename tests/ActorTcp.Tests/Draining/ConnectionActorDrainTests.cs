using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Handlers;
using ActorTcp.Server;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Sockets;
using ActorTcp.Teardown;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Draining;

/// <summary>Drain through the public entry point, with the real connection actor and its teardown policy.</summary>
public sealed class ConnectionActorDrainTests
{
    [Fact]
    public async Task TwoHundredGoodbyeAwareClients_AllClosedByThePeerFirstAndNoTimeWaitOnTheServerPort()
    {
        // Arrange: clients that close as soon as they read the goodbye.
        await using var system = ActorSystem.Create("drain-real-peer-first");
        await using var server = await TcpServer.StartAsync(system, Options(), () => EchoHandler.Instance);
        var clients = new List<GoodbyeAwareClient>();
        for (var i = 0; i < 200; i++)
        {
            clients.Add(await GoodbyeAwareClient.ConnectAsync(server.Port));
        }

        await Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 200, "200 connections are registered");

        // Act
        var report = await server.DrainAsync(TimeSpan.FromSeconds(20));

        // Assert: the peers closed first, so they hold the TIME_WAIT sockets and the server holds none.
        await Task.WhenAll(clients.Select(c => c.Closed));
        var clientPorts = clients.Select(c => c.LocalPort).ToArray();
        Assert.Equal(200, report.Connections);
        Assert.Equal(200, report.PeerClosedFirst);
        Assert.Equal(0, report.AbortedAtDeadline);
        Assert.Equal(0, ServerSideSockets.Count(KernelTcpState.TimeWait, server.Port, clientPorts));
        Assert.Equal(0, ServerSideSockets.Count(KernelTcpState.CloseWait, server.Port, clientPorts));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task ClientsIgnoringGoodbye_DrainEndsByTheFallbackWithinGracePlusFinWait()
    {
        // Arrange: clients that never read and never close; grace and fin-wait are short.
        var grace = TimeSpan.FromMilliseconds(300);
        var finWait = TimeSpan.FromMilliseconds(300);
        await using var system = ActorSystem.Create("drain-real-fallback");
        await using var server = await TcpServer.StartAsync(system, Options(o =>
        {
            o.Teardown.PeerCloseGrace = grace;
            o.Teardown.FinWaitTimeout = finWait;
            o.Teardown.OnGraceExpired = GraceExpiredAction.Fin;
        }), () => EchoHandler.Instance);
        var clients = new List<TestClient>();
        for (var i = 0; i < 20; i++)
        {
            clients.Add(await TestClient.ConnectAsync(server.Port));
        }

        await Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 20, "20 connections are registered");

        // Act
        var report = await server.DrainAsync(TimeSpan.FromSeconds(20));

        // Assert: the connections' own fallback ended them, long before the drain deadline.
        Assert.Equal(20, report.Connections);
        Assert.Equal(0, report.PeerClosedFirst);
        Assert.Equal(20, report.LocalClosedFirst + report.Reset);
        Assert.Equal(0, report.AbortedAtDeadline);
        Assert.InRange(report.Elapsed, grace, grace + finWait + TimeSpan.FromSeconds(3));
        Assert.Empty(await server.GetConnectionsAsync());
        clients.ForEach(c => c.Dispose());
    }

    private static ActorTcpOptions Options(Action<ActorTcpOptions>? configure = null)
    {
        var options = new ActorTcpOptions();
        options.Listen.Host = "127.0.0.1";
        options.Listen.Port = 0;
        configure?.Invoke(options);
        return options;
    }
}
