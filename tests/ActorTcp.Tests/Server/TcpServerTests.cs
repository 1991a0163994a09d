using System.Text;
using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Connections;
using ActorTcp.Lifecycle;
using ActorTcp.Server;

using ActorTcp.TestKit;

namespace ActorTcp.Tests.Server;

public sealed class TcpServerTests
{
    [Fact]
    public async Task PortZero_ReportsTheBoundPortAndAcceptsOnIt()
    {
        await using var system = ActorSystem.Create("port-zero");

        await using var server = TestServers.Start(system);
        using var client = await LoopbackClient.ConnectAsync(server.Port);

        Assert.NotEqual(0, server.Port);
        Assert.Equal(server.Port, server.EndPoint.Port);
        Assert.Equal("hello", await client.EchoAsync("hello"));
    }

    [Fact]
    public async Task ManyConnections_GetDistinctIncreasingIdsAndAppearInSnapshotAndCounts()
    {
        // Arrange
        await using var system = ActorSystem.Create("registry");
        await using var server = TestServers.Start(system);
        var clients = new List<LoopbackClient>();
        for (var i = 0; i < 20; i++)
        {
            clients.Add(await LoopbackClient.ConnectAsync(server.Port));
        }

        await Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 20, "20 connections are registered");

        // Act
        await clients[0].EchoAsync("counted");
        var all = await server.GetConnectionsAsync();
        var counts = await server.GetStateCountsAsync();

        // Assert: ids 1..20, each client's own local port is a registered remote end point.
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), all.Select(c => c.Id));
        var clientPorts = clients.Select(c => ((System.Net.IPEndPoint)c.Socket.LocalEndPoint!).Port).Order();
        Assert.Equal(clientPorts, all.Select(c => c.RemoteEndPoint.Port).Order());
        Assert.All(all, c => Assert.Equal(server.Port, c.LocalEndPoint.Port));
        Assert.Equal(20, counts[LifecycleState.Established]);
        Assert.Equal(0, counts[LifecycleState.CloseRequested]);
        Assert.Contains(all, c => c.BytesIn == "counted\n".Length);
        Assert.Equal(20, (await server.GetConnectionsAsync(LifecycleState.Established)).Count);
        Assert.Empty(await server.GetConnectionsAsync(LifecycleState.Closing));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task CommandsById_ReachTheConnectionOrSayThereIsNone()
    {
        // Arrange
        await using var system = ActorSystem.Create("commands");
        await using var server = TestServers.Start(system);
        using var first = await LoopbackClient.ConnectAsync(server.Port);
        using var second = await LoopbackClient.ConnectAsync(server.Port);
        await Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 2, "both connections are registered");
        var ids = (await server.GetConnectionsAsync()).Select(c => c.Id).ToArray();
        var firstId = (await server.GetConnectionsAsync()).Single(c => c.RemoteEndPoint.Equals(first.Socket.LocalEndPoint)).Id;
        var secondId = ids.Single(id => id != firstId);

        // Act and assert: send to one, broadcast to both.
        Assert.Equal(EnqueueResult.Accepted, await server.SendAsync(firstId, Encoding.UTF8.GetBytes("direct\n")));
        Assert.Equal("direct", await first.ReadLineAsync());
        Assert.Equal(2, await server.BroadcastAsync(Encoding.UTF8.GetBytes("everyone\n")));
        Assert.Equal("everyone", await first.ReadLineAsync());
        Assert.Equal("everyone", await second.ReadLineAsync());

        // Unknown ids are reported, not swallowed.
        var missing = await Assert.ThrowsAsync<ConnectionNotFoundException>(() => server.SendAsync(999, new byte[] { 1 }));
        Assert.Equal(999, missing.ConnectionId);
        Assert.False(await server.CloseAsync(999));

        // Close gracefully (goodbye, then the client's FIN ends it) and abort (reset).
        Assert.True(await server.CloseAsync(firstId));
        Assert.Equal("BYE", await first.ReadLineAsync());
        first.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        Assert.True(await server.CloseAsync(secondId, CloseMode.Abort));
        var reset = await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(second.ReadToEndAsync);
        Assert.Equal(System.Net.Sockets.SocketError.ConnectionReset, reset.SocketErrorCode);
        await Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 0, "both connections are gone");
        await Assert.ThrowsAsync<ConnectionNotFoundException>(() => server.SendAsync(firstId, new byte[] { 1 }));
    }

    [Fact]
    public async Task GracefulClose_RegistryShowsCloseRequestedUntilThePeerCloses()
    {
        // Arrange: the real connection actor, which tells its manager nothing between start and end.
        await using var system = ActorSystem.Create("registry-states");
        await using var server = await TcpServer.StartAsync(system, TestServers.Options(), () => Handlers.EchoHandler.Instance);
        using var client = await LoopbackClient.ConnectAsync(server.Port);
        Assert.Equal("hello", await client.EchoAsync("hello"));
        var id = (await server.GetConnectionsAsync()).Single().Id;

        // Act: close the TIME_WAIT-aware way; the connection waits for the peer's FIN after its goodbye.
        Assert.True(await server.CloseAsync(id));
        Assert.Equal("BYE", await client.ReadLineAsync());

        // Assert: the registry reads the state the connection publishes, and forgets it once closed.
        await Eventually.TrueAsync(
            async () => (await server.GetConnectionsAsync(LifecycleState.CloseRequested)).SingleOrDefault()?.Id == id,
            "the connection is listed as CloseRequested");
        Assert.Equal(1, (await server.GetStateCountsAsync())[LifecycleState.CloseRequested]);
        Assert.Empty(await server.GetConnectionsAsync(LifecycleState.Established));
        client.Dispose();
        await Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 0, "the connection is gone");
        Assert.Equal(0, (await server.GetStateCountsAsync()).Values.Sum());
    }

    [Fact]
    public async Task ConnectionActorThrows_OnlyThatConnectionStopsAndFiftyOthersKeepEchoing()
    {
        // Arrange
        await using var system = ActorSystem.Create("supervision");
        await using var server = TestServers.Start(system);

        // Act and assert: one connection fails, and only it closes.
        await FailingConnectionScenario.OnlyTheFailingOneClosesAsync(server);
    }

    [Fact]
    public async Task InvalidOptions_AreRejectedBeforeAnythingIsBound()
    {
        await using var system = ActorSystem.Create("bad-options");
        var options = TestServers.Options(o => o.Limits.MaxConnections = 0);

        var error = Assert.Throws<ActorTcpConfigurationException>(() => TestServers.Start(system, options));

        Assert.Contains("max-connections", error.Message, StringComparison.Ordinal);
    }
}
