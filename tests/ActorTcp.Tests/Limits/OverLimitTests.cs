using System.Net;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Lifecycle;
using ActorTcp.Limits;
using ActorTcp.Server;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Logging;
using ActorTcp.TestKit.VirtualTime;
using ActorTcp.Tests.Server;
using ClientOutcome = ActorTcp.Tests.Support.ClientOutcome;

namespace ActorTcp.Tests.Limits;

public sealed class OverLimitTests
{
    [Fact]
    public async Task FiftyFirstConnection_WithRefuse_ReadsTheRefusalLineThenEndOfStream()
    {
        // Arrange: 50 connections fill the server.
        await using var system = ActorSystem.Create("limits-refuse");
        using var rejections = new RejectionRecorder();
        await using var server = TestServers.Start(system, TestServers.Options(o =>
        {
            o.Limits.MaxConnections = 50;
            o.Limits.OverLimit = OverLimitAction.Refuse;
            o.Limits.Refusal = "BUSY try later";
        }), metrics: rejections.Metrics);
        var clients = await ConnectAsync(server.Port, 50);
        await WaitForOpenAsync(server, 50);

        // Act
        using var refused = await LoopbackClient.ConnectAsync(server.Port);

        // Assert: the refusal, then FIN; the 50 keep echoing.
        Assert.Equal("BUSY try later", await refused.ReadLineAsync());
        Assert.Null(await refused.ReadLineAsync());
        Assert.Equal(["max-connections"], rejections.Reasons);
        await AssertAllEchoAsync(clients);
        await AfterOneClosesANewOneIsAcceptedAsync(server, clients);
    }

    [Fact]
    public async Task FiftyFirstConnection_WithRst_IsReset()
    {
        // Arrange
        await using var system = ActorSystem.Create("limits-rst");
        using var rejections = new RejectionRecorder();
        await using var server = TestServers.Start(system, TestServers.Options(o =>
        {
            o.Limits.MaxConnections = 50;
            o.Limits.OverLimit = OverLimitAction.Rst;
        }), metrics: rejections.Metrics);
        var clients = await ConnectAsync(server.Port, 50);
        await WaitForOpenAsync(server, 50);

        // Act
        var outcome = await ConnectAndReadUntilClosedAsync(server.Port);

        // Assert: a reset, not an orderly end of stream.
        Assert.Equal(ClientOutcome.Reset, outcome);
        Assert.Equal(["max-connections"], rejections.Reasons);
        await AssertAllEchoAsync(clients);
        await AfterOneClosesANewOneIsAcceptedAsync(server, clients);
    }

    [Fact]
    public async Task PerAddressLimit_RefusesOnlyTheAddressAtItsLimit()
    {
        // Arrange: two connections from 127.0.0.2 reach the per-address limit.
        await using var system = ActorSystem.Create("limits-per-ip");
        using var rejections = new RejectionRecorder();
        await using var server = TestServers.Start(system, TestServers.Options(o =>
        {
            o.Limits.MaxConnectionsPerIp = 2;
            o.Limits.Refusal = "BUSY";
        }), metrics: rejections.Metrics);
        var second = IPAddress.Parse("127.0.0.2");
        var third = IPAddress.Parse("127.0.0.3");
        using var a1 = await LoopbackClient.ConnectAsync(server.Port, second);
        using var a2 = await LoopbackClient.ConnectAsync(server.Port, second);
        await WaitForOpenAsync(server, 2);

        // Act
        using var a3 = await LoopbackClient.ConnectAsync(server.Port, second);
        using var b1 = await LoopbackClient.ConnectAsync(server.Port, third);

        // Assert
        Assert.Equal("BUSY", await a3.ReadLineAsync());
        Assert.Null(await a3.ReadLineAsync());
        Assert.Equal(["max-connections-per-ip"], rejections.Reasons);
        Assert.Equal("from .3", await b1.EchoAsync("from .3"));
        Assert.Equal("from .2", await a1.EchoAsync("from .2"));
        var open = await server.GetConnectionsAsync();
        Assert.Equal(2, open.Count(c => c.RemoteEndPoint.Address.Equals(second)));
        Assert.Equal(1, open.Count(c => c.RemoteEndPoint.Address.Equals(third)));
    }

    /// <summary>
    /// Connects and reads until the server ends the connection. The kernel completes the handshake
    /// before the server accepts, so a reset may already be there when the connect completes.
    /// </summary>
    [Fact]
    public async Task RefusalFlood_IsLoggedOncePerIntervalWithTheCountOfTheRest()
    {
        // Arrange: one connection fills the server; the clock is virtual, so the log interval is exact.
        var time = new VirtualTimeProvider();
        await using var system = ActorSystem.Create("limits-log", new ActorSystemSettings { TimeProvider = time });
        var logs = new CapturingLoggerFactory();
        using var rejections = new RejectionRecorder();
        var options = TestServers.Options(o =>
        {
            o.Limits.MaxConnections = 1;
            o.Limits.OverLimit = OverLimitAction.Rst;
        });
        await using var server = TcpServer.Start(system, options, TestConnectionActor.Props, rejections.Metrics, ownsMetrics: false, loggerFactory: logs);
        // Declared after the server, so disposed before it on every path: the test connection actor
        // waits for its peer's FIN when drained, and the virtual clock would never end that wait.
        using var admitted = await LoopbackClient.ConnectAsync(server.Port);
        await WaitForOpenAsync(server, 1);

        // Act: 20 refusals within one instant, then one more after the interval.
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(ClientOutcome.Reset, await ConnectAndReadUntilClosedAsync(server.Port));
        }

        await Eventually.TrueAsync(() => rejections.Reasons.Count == 20, "20 refusals are measured");
        time.Advance(ConnectionManager.RejectionLogInterval);
        Assert.Equal(ClientOutcome.Reset, await ConnectAndReadUntilClosedAsync(server.Port));
        await Eventually.TrueAsync(() => rejections.Reasons.Count == 21, "21 refusals are measured");

        // Assert: every refusal is counted on the meter, but only two lines are logged.
        var lines = logs.Entries.Where(entry => entry.EventId.Name == "ConnectionRejected").ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(0L, lines[0].Properties["RefusedSinceLastLine"]);
        Assert.Equal(19L, lines[1].Properties["RefusedSinceLastLine"]);

    }

    private static async Task<ClientOutcome> ConnectAndReadUntilClosedAsync(int port)
    {
        try
        {
            using var client = await LoopbackClient.ConnectAsync(port);
            return await client.ReadUntilClosedAsync();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return ClientOutcome.Reset;
        }
    }

    private static async Task<List<LoopbackClient>> ConnectAsync(int port, int count)
    {
        var clients = new List<LoopbackClient>(count);
        for (var i = 0; i < count; i++)
        {
            clients.Add(await LoopbackClient.ConnectAsync(port));
        }

        return clients;
    }

    private static Task WaitForOpenAsync(ActorTcp.Server.TcpServer server, int count) =>
        Eventually.TrueAsync(
            async () => (await server.GetStateCountsAsync())[LifecycleState.Established] == count,
            $"{count} connections are open");

    private static async Task AssertAllEchoAsync(List<LoopbackClient> clients)
    {
        for (var i = 0; i < clients.Count; i++)
        {
            Assert.Equal("still here " + i, await clients[i].EchoAsync("still here " + i));
        }
    }

    private static async Task AfterOneClosesANewOneIsAcceptedAsync(ActorTcp.Server.TcpServer server, List<LoopbackClient> clients)
    {
        clients[0].Dispose();
        await WaitForOpenAsync(server, 49);

        using var replacement = await LoopbackClient.ConnectAsync(server.Port);

        Assert.Equal("welcome", await replacement.EchoAsync("welcome"));
        foreach (var client in clients.Skip(1))
        {
            client.Dispose();
        }
    }
}
