using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Listening;
using ActorTcp.TestKit;
using ActorTcp.TestKit.VirtualTime;
using ActorTcp.Tests.Server;


namespace ActorTcp.Tests.Listening;

public sealed class ConnectionListenerTests
{
    private const string RetryScheduled = "AcceptRetryScheduled";

    [Fact]
    public async Task EmfileOnEveryAccept_RetriesFollowTheBackoffAndNeverSpin()
    {
        // Arrange: every accept fails with EMFILE, as it does while the process is out of descriptors.
        // The clock is virtual; it moves only once the listener has armed its retry (the debug event
        // is logged right after arming), so each wait is observed exactly.
        var time = new VirtualTimeProvider();
        await using var system = ActorSystem.Create("listener", new ActorSystemSettings { TimeProvider = time });
        var attempts = new ConcurrentQueue<DateTimeOffset>();
        var log = new RecordingLogger();
        var listenSocket = ListenSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), 16);
        ValueTask<Socket> AcceptFails(Socket listener, CancellationToken ct)
        {
            attempts.Enqueue(time.GetUtcNow());
            throw new SocketException(24);
        }

        // Act: move the clock to each retry's due time, a millisecond short first.
        system.ActorOf(ConnectionListener.Props(listenSocket, AcceptFails, log));
        await Eventually.TrueAsync(() => !attempts.IsEmpty, "the listener made its first attempt");
        var expected = new[] { 10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000 };
        var scheduledDelays = new List<TimeSpan>();
        foreach (var delay in expected.Select(ms => TimeSpan.FromMilliseconds(ms)))
        {
            var made = attempts.Count;
            await Eventually.TrueAsync(() => log.Count(RetryScheduled) == made, $"retry {made} is armed");
            scheduledDelays.Add((TimeSpan)log.Events.Last(e => e.EventName == RetryScheduled).Properties["RetryDelay"]!);
            Assert.Equal(made, attempts.Count);
            time.Advance(delay - TimeSpan.FromMilliseconds(1));
            Assert.Equal(made, attempts.Count);
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Eventually.TrueAsync(() => attempts.Count == made + 1, $"attempt {made + 1} is made when its retry is due");
        }

        await Eventually.TrueAsync(() => log.Count(RetryScheduled) == expected.Length + 1, "the last failure is answered with a retry");

        // Assert: 11 attempts in 4.27 virtual seconds, each after its back-off; a busy loop would have
        // made more attempts without the clock moving. One warning a second at most
        // (failures 1, 8, 9, 10 and 11, at 0, 1.27, 2.27, 3.27 and 4.27 s).
        Assert.Equal(expected.Length + 1, attempts.Count);
        Assert.Equal(expected.Select(ms => TimeSpan.FromMilliseconds(ms)), scheduledDelays);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalMilliseconds);
        Assert.Equal(expected.Select(ms => (double)ms), gaps);
        Assert.Equal([1L, 8L, 9L, 10L, 11L], log.Events.Where(e => e.EventName == "AcceptRetrying").Select(e => (long)e.Properties["FailureCount"]!));
    }

    [Fact]
    public async Task AcceptFailsForGood_ListenerIsRestartedOnTheSamePortAndServes()
    {
        // Arrange: the first accept fails with an error that is not transient.
        await using var system = ActorSystem.Create("listener-restart");
        var calls = 0;
        ValueTask<Socket> FailOnce(Socket listener, CancellationToken ct) =>
            Interlocked.Increment(ref calls) == 1
                ? ValueTask.FromException<Socket>(new SocketException((int)SocketError.InvalidArgument))
                : listener.AcceptAsync(ct);
        await using var server = TestServers.Start(system, accept: FailOnce);

        // Act
        await Eventually.TrueAsync(() => Volatile.Read(ref calls) >= 2, "the restarted listener accepts again");
        using var client = await LoopbackClient.ConnectAsync(server.Port);

        // Assert
        Assert.Equal("after restart", await client.EchoAsync("after restart"));
        Assert.Single(await server.GetConnectionsAsync());
    }
}
