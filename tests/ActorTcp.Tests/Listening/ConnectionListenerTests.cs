using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Listening;
using ActorTcp.TestKit.VirtualTime;
using ActorTcp.Tests.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorTcp.Tests.Listening;

public sealed class ConnectionListenerTests
{
    [Fact]
    public async Task EmfileOnEveryAccept_RetriesFollowTheBackoffAndNeverSpin()
    {
        // Arrange: every accept fails with EMFILE, as it does while the process is out of descriptors;
        // the clock is virtual, so the back-off is observed exactly.
        var time = new VirtualTimeProvider();
        await using var system = ActorSystem.Create("listener", new ActorSystemSettings { TimeProvider = time });
        var baselineTimers = time.ActiveTimerCount;
        var attempts = new ConcurrentQueue<DateTimeOffset>();
        var listenSocket = ListenSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), 16);
        ValueTask<Socket> AcceptFails(Socket listener, CancellationToken ct)
        {
            attempts.Enqueue(time.GetUtcNow());
            throw new SocketException(24);
        }

        // Act
        system.ActorOf(ConnectionListener.Props(listenSocket, AcceptFails, time, NullLogger.Instance));
        await Eventually.TrueAsync(() => attempts.Count == 1 && time.ActiveTimerCount == baselineTimers + 1, "the first attempt failed and a retry is armed");
        var expected = new[] { 10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000 };
        foreach (var delay in expected)
        {
            var before = attempts.Count;
            time.Advance(TimeSpan.FromMilliseconds(delay) - TimeSpan.FromTicks(1));
            Assert.Equal(before, attempts.Count);
            time.Advance(TimeSpan.FromTicks(1));
            await Eventually.TrueAsync(() => attempts.Count == before + 1 && time.ActiveTimerCount == baselineTimers + 1, $"the retry after {delay} ms ran");
        }

        // Assert: each attempt came exactly one back-off after the previous one; 11 attempts in 4.29 s.
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToArray();
        Assert.Equal(expected.Select(d => (double)d), gaps);
        Assert.Equal(11, attempts.Count);
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
