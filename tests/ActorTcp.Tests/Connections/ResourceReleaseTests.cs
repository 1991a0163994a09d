using ActorTcp.Handlers;
using ActorTcp.Teardown;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Sockets;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Connections;

[Collection(ProcessWideStateCollection.Name)]
public sealed class ResourceReleaseTests
{
    [Fact]
    public async Task ActorStoppedFromOutside_ResetsTheSocket_AndEndsExactlyOnce()
    {
        await using var harness = ConnectionHarness.Create();
        await EchoOnceAsync(harness, 0);
        var descriptorsBefore = SocketDescriptors.Count();
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
        await client.SendLineAsync("partial line without end");
        await Eventually.TrueAsync(() => server.Info.BytesIn > 0, "the server read the partial line");

        server.Stop();

        Assert.Equal(new ConnectionClosed(CloseReason.Aborted, ClosedFirstBy.Reset), (await server.ExpectEndedAsync()).Closed);
        Assert.Equal(ClientOutcome.Reset, await client.ReadUntilClosedAsync());
        client.Dispose();
        await server.ExpectNoMoreAsync(TimeSpan.FromMilliseconds(300));
        Assert.Equal(1, server.EndedCount);
        Assert.Equal(0, harness.System.DeadLetterCount);
        await Eventually.TrueAsync(() => SocketDescriptors.Count() == descriptorsBefore, "every socket descriptor is closed again");
    }

    [Fact]
    public async Task ManyEchoCycles_ReturnTheSocketDescriptorCountToItsStart()
    {
        await using var harness = ConnectionHarness.Create();
        await EchoOnceAsync(harness, 0);
        var descriptorsBefore = SocketDescriptors.Count();
        var clientPorts = new List<int>();

        for (var cycle = 1; cycle <= 50; cycle++)
        {
            clientPorts.Add(await EchoOnceAsync(harness, cycle));
        }

        await Eventually.TrueAsync(() => SocketDescriptors.Count() == descriptorsBefore, "every socket descriptor is closed again");
        Assert.Equal(0, KernelSockets.Count(KernelTcpState.CloseWait, harness.Port, clientPorts));
        Assert.Equal(0, KernelSockets.Count(KernelTcpState.TimeWait, harness.Port, clientPorts));
    }

    /// <summary>
    /// One connect, echo, peer-close cycle. Run once before counting descriptors too: the runtime opens
    /// its socket event engine (epoll and a pipe) on the first asynchronous socket operation, for good.
    /// </summary>
    /// <returns>The client's port, to find the cycle's sockets in the kernel table.</returns>
    private static async Task<int> EchoOnceAsync(ConnectionHarness harness, int cycle)
    {
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
        var clientPort = client.LocalPort;
        await client.SendLineAsync("ping " + cycle);
        Assert.Equal("ping " + cycle, await client.ReadLineAsync());
        client.HalfClose();
        Assert.Null(await client.ReadLineAsync());
        client.Dispose();
        Assert.Equal(CloseReason.PeerClosed, (await server.ExpectEndedAsync()).Closed.Reason);
        return clientPort;
    }
}
