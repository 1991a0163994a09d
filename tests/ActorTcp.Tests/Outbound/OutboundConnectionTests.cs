using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorTcp.Actors;
using ActorTcp.Handlers;
using ActorTcp.Heartbeats;
using ActorTcp.Outbound;
using ActorTcp.Server;
using ActorTcp.Teardown;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Logging;
using ActorTcp.TestKit.Sockets;
using ActorTcp.Tests.Support;
using Xunit.Abstractions;
using static ActorTcp.Tests.Outbound.OutboundTestOptions;

namespace ActorTcp.Tests.Outbound;

/// <summary>
/// Outbound connections on real loopback sockets. The client's actor system runs on the kit's virtual
/// clock (connect timeouts, back-off, heartbeats move only when the test advances it); servers run in
/// an actor system of their own on the real clock.
/// </summary>
public sealed class OutboundConnectionTests(ITestOutputHelper output) : ActorTcp.TestKit.TestKit(output)
{
    [Fact]
    public async Task ServerRestart_ClientReconnectsWithinMaxBackoffOfThePortComingBack()
    {
        // Arrange: a client connected to an echo server.
        await using var serverSystem = ActorSystem.Create("restarting-server");
        var first = await TcpServer.StartAsync(serverSystem, ServerOptions(), () => EchoHandler.Instance);
        var port = first.Port;
        await using var test = new ClientsUnderTest(Sys);
        var clients = test.Manager;
        var handler = new RecordingHandler();
        var upstream = clients.ConnectTo("127.0.0.1:" + port, ClientOptions(o => o.Outbound.BufferWhileDisconnected = 1024), handler);
        await handler.NextAsync<RecordingHandler.Connected>();
        Assert.Equal(OutboundSendResult.Accepted, await upstream.SendAsync("before"u8.ToArray()));
        Assert.Equal("before", (await handler.NextAsync<RecordingHandler.Frame>()).Text);

        // Act 1: the server stops (goodbye, the client closes), and redials find the port closed.
        await first.DisposeAsync();
        var lost = await handler.NextAsync<RecordingHandler.Disconnected>();
        var redial = await handler.NextAsync<OutboundReconnecting>();
        Advance(redial.Delay + Tick);
        Assert.Equal(SocketError.ConnectionRefused, (await handler.NextAsync<OutboundConnectFailure>()).Error);
        var pending = await handler.NextAsync<OutboundReconnecting>();
        Assert.Equal(OutboundState.Backoff, upstream.State);
        Assert.Equal(OutboundSendResult.Buffered, await upstream.SendAsync("while-down"u8.ToArray()));

        // Act 2: a new server on the same port; the client may wait at most max-backoff for its redial.
        await using var second = await TcpServer.StartAsync(serverSystem, ServerOptions(port), () => EchoHandler.Instance);
        Advance(ClientOptions().Outbound.Reconnect.MaxBackoff + Tick);
        await handler.NextAsync<RecordingHandler.Connected>();

        // Assert: the server's goodbye made the client close first, the redials were numbered, the
        // handler saw disconnected, reconnecting, connected in that order, and the frame sent while
        // the server was down reached the new one (its echo comes back).
        Assert.Equal(new ConnectionClosed(CloseReason.LocalClose, ClosedFirstBy.Local), lost.Closed);
        Assert.Equal((1, 2), (redial.Attempt, pending.Attempt));
        Assert.InRange(pending.Delay, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
        var kinds = handler.Kinds().SkipWhile(k => k != "disconnected").Where(k => k is "disconnected" or "reconnecting" or "connected").ToList();
        Assert.Equal(["disconnected", "reconnecting", "reconnecting", "connected"], kinds);
        Assert.Equal(OutboundState.Connected, upstream.State);
        Assert.Equal("while-down", (await handler.NextAsync<RecordingHandler.Frame>()).Text);
        Assert.Equal(OutboundSendResult.Accepted, await upstream.SendAsync("after"u8.ToArray()));
        Assert.Equal("after", (await handler.NextAsync<RecordingHandler.Frame>()).Text);
        Assert.Equal(2, (await upstream.GetSnapshotAsync()).Connects);
    }

    [Fact]
    public async Task ServerThatNeverAnswersPings_IsDeclaredDeadAfterTheHeartbeatBudget_AndRedialled()
    {
        // Arrange: active heartbeat, ping after 1 s of silence, dead after 2 × 500 ms more.
        using var port = new ClosablePort();
        port.Open();
        await using var test = new ClientsUnderTest(Sys);
        var clients = test.Manager;
        var handler = new RecordingHandler();
        var upstream = clients.ConnectTo(port.Target, ClientOptions(o =>
        {
            o.Heartbeat.Mode = HeartbeatMode.Active;
            o.Heartbeat.Interval = TimeSpan.FromSeconds(1);
            o.Heartbeat.Timeout = TimeSpan.FromMilliseconds(500);
            o.Heartbeat.MaxMissed = 2;
        }), handler);
        var silent = await port.AcceptAsync();
        await handler.NextAsync<RecordingHandler.Connected>();

        // Act: run the clock up to just before the budget (interval + max-missed × timeout), then past
        // it; each ping is read before the clock moves on, so the client has re-armed its timer.
        Advance(TimeSpan.FromSeconds(1) + Tick);
        var pings = (await ClosablePort.ReadLinesAsync(silent, 1)).ToList();
        Advance(TimeSpan.FromMilliseconds(500));
        pings.AddRange(await ClosablePort.ReadLinesAsync(silent, 1));
        var aliveBeforeBudget = upstream.State;
        Advance(TimeSpan.FromMilliseconds(500));
        var dead = await handler.NextAsync<RecordingHandler.Disconnected>();
        var redial = await handler.NextAsync<OutboundReconnecting>();
        Advance(redial.Delay + Tick);
        await port.AcceptAsync();
        await handler.NextAsync<RecordingHandler.Connected>();

        // Assert: two pings went unanswered, the peer was reset as dead, and the client dialled again.
        Assert.Equal(["PING", "PING"], pings);
        Assert.Equal(OutboundState.Connected, aliveBeforeBudget);
        Assert.Equal(new ConnectionClosed(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset), dead.Closed);
        Assert.Equal(1, redial.Attempt);
        var reset = await Assert.ThrowsAsync<SocketException>(async () => await ClosablePort.ReadLinesAsync(silent, 1));
        Assert.Equal(SocketError.ConnectionReset, reset.SocketErrorCode);
        await upstream.CloseAsync(CloseMode.Abort);
    }

    [Fact]
    public async Task SendsWhileDisconnected_AreBufferedWithinTheLimit_AndDeliveredInOrderAfterTheConnect()
    {
        // Arrange: nothing listens yet; 16 bytes may wait for the connect.
        using var port = new ClosablePort();
        await using var test = new ClientsUnderTest(Sys);
        var clients = test.Manager;
        var handler = new RecordingHandler();
        var upstream = clients.ConnectTo(port.Target, ClientOptions(o => o.Outbound.BufferWhileDisconnected = 16), handler);
        var redial = await handler.NextAsync<OutboundReconnecting>();

        // Act: two sends fit, the third would pass the limit.
        var results = new[]
        {
            await upstream.SendAsync("first"u8.ToArray()),
            await upstream.SendAsync("second"u8.ToArray()),
            await upstream.SendAsync("too-much"u8.ToArray()),
        };
        var waiting = await upstream.GetSnapshotAsync();
        port.Open();
        Advance(redial.Delay + Tick);
        var server = await port.AcceptAsync();
        await handler.NextAsync<RecordingHandler.Connected>();
        Assert.Equal(OutboundSendResult.Accepted, await upstream.SendAsync("third"u8.ToArray()));
        var received = await ClosablePort.ReadLinesAsync(server, 3);

        // Assert: the refused send was reported, the buffered ones arrived first and in order.
        Assert.Equal([OutboundSendResult.Buffered, OutboundSendResult.Buffered, OutboundSendResult.NotConnected], results);
        Assert.Equal((OutboundState.Backoff, 2, 11L), (waiting.State, waiting.BufferedFrames, waiting.BufferedBytes));
        Assert.Equal(["first", "second", "third"], received);
        Assert.Equal(0, (await upstream.GetSnapshotAsync()).BufferedFrames);
        await upstream.CloseAsync(CloseMode.Abort);
    }

    [Fact]
    public async Task SendsWhileDisconnected_WithoutBuffer_AreRejected_AndBufferedFramesNeverSentAreReported()
    {
        // Arrange: two clients of a closed port, one without a buffer (the default), one with.
        using var port = new ClosablePort();
        await using var test = new ClientsUnderTest(Sys);
        var clients = test.Manager;
        var unbufferedHandler = new RecordingHandler();
        var bufferedHandler = new RecordingHandler();
        var unbuffered = clients.ConnectTo(port.Target, ClientOptions(), unbufferedHandler);
        var buffered = clients.ConnectTo(port.Target, ClientOptions(o => o.Outbound.BufferWhileDisconnected = 1024), bufferedHandler);
        await unbufferedHandler.NextAsync<OutboundReconnecting>();
        await bufferedHandler.NextAsync<OutboundReconnecting>();

        // Act: send on both, then close both before any connect.
        var rejected = await unbuffered.SendAsync("lost?"u8.ToArray());
        var held = await buffered.SendAsync("held"u8.ToArray());
        var unbufferedEnd = await unbuffered.CloseAsync();
        var bufferedEnd = await buffered.CloseAsync();

        // Assert: the caller heard of the rejection at once; the frame that waited is counted at the end.
        Assert.Equal(OutboundSendResult.NotConnected, rejected);
        Assert.Equal(OutboundSendResult.Buffered, held);
        Assert.Equal(new OutboundStopped(OutboundStopReason.Closed, 0, 0), unbufferedEnd);
        Assert.Equal(new OutboundStopped(OutboundStopReason.Closed, 1, 4), bufferedEnd);
        Assert.Equal(bufferedEnd, await bufferedHandler.NextAsync<OutboundStopped>());
        Assert.Equal(OutboundSendResult.Closed, await buffered.SendAsync("late"u8.ToArray()));
    }

    [Fact]
    public async Task ClientClosingByChoice_SendsTheFirstFin_SoTheTimeWaitIsOnTheClient()
    {
        // Arrange
        await using var serverSystem = ActorSystem.Create("fin-server");
        await using var server = await TcpServer.StartAsync(serverSystem, ServerOptions(), () => EchoHandler.Instance);
        await using var test = new ClientsUnderTest(Sys);
        var clients = test.Manager;
        var handler = new RecordingHandler();
        var upstream = clients.ConnectTo("127.0.0.1:" + server.Port, ClientOptions(), handler);
        var connected = await handler.NextAsync<RecordingHandler.Connected>();
        var clientPort = connected.LocalEndPoint.Port;

        // Act
        var stopped = await upstream.CloseAsync();

        // Assert: closed locally and first by us; the kernel keeps TIME_WAIT on the client's port only.
        Assert.Equal(OutboundStopReason.Closed, stopped.Reason);
        Assert.Equal(new ConnectionClosed(CloseReason.LocalClose, ClosedFirstBy.Local), (await handler.NextAsync<RecordingHandler.Disconnected>()).Closed);
        await Eventually.TrueAsync(
            () => KernelSockets.Count(KernelTcpState.TimeWait, clientPort, [server.Port]) == 1, "the client's socket is in TIME_WAIT");
        Assert.Equal(0, KernelSockets.Count(KernelTcpState.TimeWait, server.Port, [clientPort]));
        Assert.Equal(OutboundState.Stopped, upstream.State);
        Assert.DoesNotContain("reconnecting", handler.Kinds());
    }

    [Fact]
    public async Task IPv6LiteralAndResolvedName_BothConnect()
    {
        // Arrange: an echo server on ::1 and one on 127.0.0.1.
        await using var serverSystem = ActorSystem.Create("dual-stack");
        await using var v6 = await TcpServer.StartAsync(serverSystem, ServerOptions(host: "::1"), () => EchoHandler.Instance);
        await using var v4 = await TcpServer.StartAsync(serverSystem, ServerOptions(), () => EchoHandler.Instance);
        await using var test = new ClientsUnderTest(Sys);
        var clients = test.Manager;
        var v6Handler = new RecordingHandler();
        var nameHandler = new RecordingHandler();

        // Act
        var literal = clients.ConnectTo("[::1]:" + v6.Port, ClientOptions(), v6Handler);
        var named = clients.ConnectTo(new DnsEndPoint("localhost", v4.Port), ClientOptions(), nameHandler);
        var v6Connected = await v6Handler.NextAsync<RecordingHandler.Connected>();
        var nameConnected = await nameHandler.NextAsync<RecordingHandler.Connected>();

        // Assert
        Assert.Equal(IPAddress.IPv6Loopback, v6Connected.RemoteEndPoint.Address);
        Assert.Equal(v4.Port, nameConnected.RemoteEndPoint.Port);
        Assert.Equal("[::1]:" + v6.Port, literal.Target);
        Assert.Equal(OutboundSendResult.Accepted, await literal.SendAsync(Encoding.UTF8.GetBytes("over v6")));
        Assert.Equal("over v6", (await v6Handler.NextAsync<RecordingHandler.Frame>()).Text);
        Assert.Equal(OutboundSendResult.Accepted, await named.SendAsync(Encoding.UTF8.GetBytes("by name")));
        Assert.Equal("by name", (await nameHandler.NextAsync<RecordingHandler.Frame>()).Text);
    }

    [Fact]
    public async Task EveryRedialFailing_GivesUpAfterMaxAttempts()
    {
        // Arrange
        using var port = new ClosablePort();
        await using var test = new ClientsUnderTest(Sys);
        var clients = test.Manager;
        var handler = new RecordingHandler();
        var upstream = clients.ConnectTo(port.Target, ClientOptions(o => o.Outbound.Reconnect.MaxAttempts = 3), handler);

        // Act
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var redial = await handler.NextAsync<OutboundReconnecting>();
            Assert.Equal(attempt, redial.Attempt);
            Advance(redial.Delay + Tick);
        }

        var stopped = await upstream.Completion.WaitAsync(TestClient.DefaultTimeout);

        // Assert: one first dial and three redials, each refused, then the end.
        Assert.Equal(new OutboundStopped(OutboundStopReason.GaveUp, 0, 0), stopped);
        Assert.Equal(4, handler.History.OfType<OutboundConnectFailure>().Count());
        Assert.Equal(stopped, await handler.NextAsync<OutboundStopped>());
        Assert.Equal(OutboundState.Stopped, upstream.State);
    }

    [Fact]
    public async Task BadTargetOrOptions_AreRejectedBeforeAnythingIsDialled()
    {
        // Arrange
        await using var test = new ClientsUnderTest(Sys);
        var options = ClientOptions(o => o.Outbound.Reconnect.MaxBackoff = TimeSpan.FromMilliseconds(1));

        // Act
        var badTarget = Assert.Throws<FormatException>(() => test.Manager.ConnectTo("no-port", ClientOptions(), new RecordingHandler()));
        var badOptions = Assert.Throws<ActorTcp.Configuration.ActorTcpConfigurationException>(
            () => test.Manager.ConnectTo("127.0.0.1:9", options, new RecordingHandler()));

        // Assert
        Assert.Contains("no-port", badTarget.Message, StringComparison.Ordinal);
        Assert.Equal("actortcp.outbound.reconnect.max-backoff", badOptions.Key);
        Assert.Empty(test.Manager.Connections);
    }

    [Fact]
    public async Task ObserverThatThrows_IsLogged_AndTheRedialsGoOn()
    {
        // Arrange
        using var port = new ClosablePort();
        var logs = new CapturingLoggerFactory();
        var clients = new TcpClientManager(Sys, logs, () => new Random(3));
        var handler = new ThrowingObserver();
        var upstream = clients.ConnectTo(port.Target, ClientOptions(), handler);

        // Act: the observer throws at the first redial; the clock passes the longest possible delay.
        await Eventually.TrueAsync(() => handler.Calls == 1, "the observer was told of the first redial");
        Advance(ClientOptions().Outbound.Reconnect.MinBackoff + Tick);

        // Assert
        await Eventually.TrueAsync(() => handler.Calls == 2, "the second redial was scheduled all the same");
        Assert.Contains(logs.Entries, e => e.EventId.Id == 307 && e.Exception is InvalidOperationException);
        await upstream.CloseAsync();
        await clients.DisposeAsync();
    }

    private sealed class ThrowingObserver : IConnectionHandler, IOutboundConnectionObserver
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void OnConnected(IConnectionContext connection)
        {
        }

        public void OnFrame(IConnectionContext connection, System.Buffers.ReadOnlySequence<byte> frame)
        {
        }

        public void OnPeerClosed(IConnectionContext connection)
        {
        }

        public void OnWritingSuspended(IConnectionContext connection)
        {
        }

        public void OnWritingResumed(IConnectionContext connection)
        {
        }

        public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
        {
        }

        public void OnReconnecting(OutboundReconnecting reconnecting)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("observer bug");
        }
    }
}
