using ActorTcp.Handlers;
using ActorTcp.Teardown;
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
        var descriptorsBefore = OpenFileDescriptors.Count();
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
        await client.SendLineAsync("partial line without end");
        await Eventually.TrueAsync(() => server.Info.BytesIn > 0, "the server read the partial line");

        server.Stop();

        Assert.Equal(new ConnectionClosed(CloseReason.Aborted, ClosedFirstBy.Reset), (await server.ExpectEndedAsync()).Closed);
        Assert.Equal(ClientOutcome.Reset, await client.ReadUntilClosedAsync());
        client.Dispose();
        await server.ExpectNoMoreAsync(TimeSpan.FromMilliseconds(300));
        Assert.Equal(1, server.EndedCount);
        await Eventually.TrueAsync(() => OpenFileDescriptors.Count() == descriptorsBefore, "every descriptor is closed again");
    }

    [Fact]
    public async Task ManyEchoCycles_ReturnTheDescriptorCountToItsStart()
    {
        await using var harness = ConnectionHarness.Create();
        var descriptorsBefore = OpenFileDescriptors.Count();

        for (var cycle = 0; cycle < 50; cycle++)
        {
            var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
            await client.SendLineAsync("ping " + cycle);
            Assert.Equal("ping " + cycle, await client.ReadLineAsync());
            client.HalfClose();
            Assert.Null(await client.ReadLineAsync());
            client.Dispose();
            Assert.Equal(CloseReason.PeerClosed, (await server.ExpectEndedAsync()).Closed.Reason);
        }

        await Eventually.TrueAsync(() => OpenFileDescriptors.Count() == descriptorsBefore, "every descriptor is closed again");
        Assert.Equal(0, KernelSockets.Count(KernelTcpState.CloseWait, harness.Port));
        Assert.Equal(0, KernelSockets.Count(KernelTcpState.TimeWait, harness.Port));
    }
}
