using ActorTcp.Handlers;
using ActorTcp.Teardown;
using ActorTcp.TestKit.Logging;
using ActorTcp.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Tests.Connections;

public sealed class ConnectionLoggingTests
{
    [Fact]
    public async Task PeerReset_IsLoggedAsAnAbnormalClose_WithoutAStackTrace()
    {
        var logs = new CapturingLoggerFactory();
        await using var harness = ConnectionHarness.Create(loggerFactory: logs);
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);

        client.Socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
        client.Dispose();
        await server.ExpectEndedAsync();

        var close = Assert.Single(logs.Entries, e => e.EventId.Name == "ConnectionClosedAbnormally");
        Assert.Equal(LogLevel.Information, close.Level);
        Assert.Null(close.Exception);
        Assert.Equal(server.Info.Id, close.Properties["ConnectionId"]);
        Assert.Equal(server.Info.RemoteEndPoint, close.Properties["RemoteEndPoint"]);
        Assert.Equal(CloseReason.PeerReset, close.Properties["CloseReason"]);
        Assert.Equal(ClosedFirstBy.Reset, close.Properties["ClosedFirstBy"]);
        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null);
    }

    [Fact]
    public async Task NormalClose_IsLoggedAtDebug()
    {
        var logs = new CapturingLoggerFactory();
        await using var harness = ConnectionHarness.Create(loggerFactory: logs);
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);

        client.HalfClose();
        await server.ExpectEndedAsync();
        client.Dispose();

        var close = Assert.Single(logs.Entries, e => e.EventId.Name == "ConnectionClosed");
        Assert.Equal(LogLevel.Debug, close.Level);
        Assert.Equal(CloseReason.PeerClosed, close.Properties["CloseReason"]);
    }

    [Fact]
    public async Task HandlerFailure_IsLoggedWithTheConnectionIdAndTheException()
    {
        var logs = new CapturingLoggerFactory();
        await using var harness = ConnectionHarness.Create(loggerFactory: logs);
        var (client, server) = await harness.ConnectAsync(new Handlers.ThrowsOnBoom());

        await client.SendLineAsync("boom");
        Assert.Null(await client.ReadLineAsync());
        client.Dispose();
        await server.ExpectEndedAsync();

        var failure = Assert.Single(logs.Entries, e => e.EventId.Name == "HandlerFailed");
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Equal(server.Info.Id, failure.Properties["ConnectionId"]);
    }
}
