using ActorTcp.Actors;
using ActorTcp.Handlers;
using ActorTcp.Server;
using ActorTcp.TestKit.Sockets;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Server;

[Collection(ProcessWideStateCollection.Name)]
public sealed class FileDescriptorTests
{
    [Fact]
    public async Task TwoThousandConnectEchoCloseCycles_OpenDescriptorsReturnToTheirStartingCount()
    {
        // Arrange: warm up, so descriptors the runtime opens once (epoll, thread pool) are in the baseline.
        await using var system = ActorSystem.Create("fd-cycles");
        await using var server = await TcpServer.StartAsync(system, TcpServerStartTests.Options(), () => EchoHandler.Instance);
        await RunCyclesAsync(server.Port, 40);
        await WaitUntilNoConnectionsAsync(server);
        CollectGarbage();
        var before = OpenFileDescriptors.Count();

        // Act: 2,000 cycles, 8 at a time.
        await RunCyclesAsync(server.Port, 2000);
        await WaitUntilNoConnectionsAsync(server);

        // Assert: every accepted socket was released by its actor, not by a finalizer.
        await Eventually.TrueAsync(() => OpenFileDescriptors.Count() <= before, $"the descriptor count returns to {before}");
        Assert.InRange(OpenFileDescriptors.Count(), before - 2, before);
    }

    /// <summary>Sockets other tests left to the finalizer are closed now, not in the middle of the measurement.</summary>
    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static async Task RunCyclesAsync(int port, int cycles)
    {
        const int Parallel = 8;
        var next = -1;
        var workers = Enumerable.Range(0, Parallel).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < cycles)
            {
                using var client = await LoopbackClient.ConnectAsync(port);
                Assert.Equal("cycle", await client.EchoAsync("cycle"));
            }
        });
        await Task.WhenAll(workers);
    }

    private static Task WaitUntilNoConnectionsAsync(TcpServer server) =>
        Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 0, "every connection has ended");
}
