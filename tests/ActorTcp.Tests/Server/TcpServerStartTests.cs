using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Handlers;
using ActorTcp.Lifecycle;
using ActorTcp.Server;

using ActorTcp.TestKit;

namespace ActorTcp.Tests.Server;

/// <summary>The public entry point with the real connection actor.</summary>
public sealed class TcpServerStartTests
{
    [Fact]
    public async Task StartAsync_WithEchoHandler_ServesEveryConnectionAndReportsThem()
    {
        // Arrange
        await using var system = ActorSystem.Create("start-echo");
        await using var server = await TcpServer.StartAsync(system, Options(), () => EchoHandler.Instance);

        // Act
        var clients = new List<LoopbackClient>();
        for (var i = 0; i < 10; i++)
        {
            clients.Add(await LoopbackClient.ConnectAsync(server.Port));
        }

        // Assert
        for (var i = 0; i < clients.Count; i++)
        {
            Assert.Equal("echo " + i, await clients[i].EchoAsync("echo " + i));
        }

        await Eventually.TrueAsync(async () => (await server.GetStateCountsAsync())[LifecycleState.Established] == 10, "10 connections are established");
        var snapshot = await server.GetConnectionsAsync();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), snapshot.Select(c => c.Id));
        Assert.All(snapshot, c => Assert.Equal(LifecycleState.Established, c.State));
        clients.ForEach(c => c.Dispose());
        await Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 0, "every connection has ended after its peer closed");
    }

    [Fact]
    public async Task HandlerThrowsOnOneConnection_OnlyThatOneClosesAndFiftyOthersKeepEchoing()
    {
        // Arrange
        await using var system = ActorSystem.Create("start-handler-throws");
        await using var server = await TcpServer.StartAsync(system, Options(), () => new Connections.Handlers.ThrowsOnBoom());

        // Act and assert: one connection fails, and only it closes.
        await FailingConnectionScenario.OnlyTheFailingOneClosesAsync(server);
    }

    [Fact]
    public async Task StartAsync_WithInvalidOptions_ThrowsNamingTheKey()
    {
        await using var system = ActorSystem.Create("start-invalid");
        var options = new ActorTcpOptions();
        options.Listen.Backlog = 0;

        var error = await Assert.ThrowsAsync<ActorTcpConfigurationException>(() => TcpServer.StartAsync(system, options, () => EchoHandler.Instance));

        Assert.Contains("actortcp.listen.backlog", error.Message, StringComparison.Ordinal);
    }

    internal static ActorTcpOptions Options()
    {
        var options = new ActorTcpOptions();
        options.Listen.Host = "127.0.0.1";
        options.Listen.Port = 0;
        options.Drain.Timeout = TimeSpan.FromSeconds(5);
        return options;
    }
}
