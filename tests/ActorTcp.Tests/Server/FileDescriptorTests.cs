using ActorTcp.Actors;
using ActorTcp.Handlers;
using ActorTcp.Server;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Sockets;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Server;

[Collection(ProcessWideStateCollection.Name)]
public sealed class FileDescriptorTests
{
    [Fact]
    public async Task TwoThousandConnectEchoCloseCycles_SocketDescriptorsReturnToTheirStartingCount()
    {
        // Arrange: warm up, so descriptors the runtime opens once (epoll, thread pool) are in the baseline.
        await using var system = ActorSystem.Create("fd-cycles");
        await using var server = await TcpServer.StartAsync(system, TcpServerStartTests.Options(), () => EchoHandler.Instance);
        await RunCyclesAsync(server.Port, 40);
        await WaitUntilNoConnectionsAsync(server);
        CollectGarbage();
        var socketsBefore = SocketDescriptors.Count();
        var allBefore = OpenFileDescriptors.Count();

        // Act: 2,000 cycles, 8 at a time. One in ten clients closes with FIN and the rest with RST, so
        // both release paths run while the kernel's table does not fill with 2,000 client TIME_WAIT
        // sockets that port-based counts elsewhere could trip over.
        await RunCyclesAsync(server.Port, 2000);
        await WaitUntilNoConnectionsAsync(server);

        // Assert: every accepted socket was released by its actor, not by a finalizer. Sockets are
        // counted apart because the runtime maps assemblies lazily (the reset path loads
        // System.Net.NameResolution, two descriptors), which is not a leak.
        await Eventually.TrueAsync(() => SocketDescriptors.Count() == socketsBefore, $"the socket descriptor count returns to {socketsBefore}");
        Assert.InRange(OpenFileDescriptors.Count(), allBefore - 2, allBefore + 4);
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
            int cycle;
            while ((cycle = Interlocked.Increment(ref next)) < cycles)
            {
                var client = await LoopbackClient.ConnectAsync(port);
                Assert.Equal("cycle", await client.EchoAsync("cycle"));
                if (cycle % 10 == 0)
                {
                    client.Dispose();
                }
                else
                {
                    client.Abort();
                }
            }
        });
        await Task.WhenAll(workers);
    }

    private static Task WaitUntilNoConnectionsAsync(TcpServer server) =>
        Eventually.TrueAsync(async () => (await server.GetConnectionsAsync()).Count == 0, "every connection has ended");
}
