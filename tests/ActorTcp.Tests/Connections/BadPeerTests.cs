using System.Text;
using ActorTcp.Connections;
using ActorTcp.Framing;
using ActorTcp.Handlers;
using ActorTcp.Teardown;
using ActorTcp.TestKit;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Connections;

public sealed class BadPeerTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task HandlerThrows_OnlyThatConnectionClosesWithHandlerFailed()
    {
        await using var harness = ConnectionHarness.Create();
        var (failing, failingServer) = await harness.ConnectAsync(new Handlers.ThrowsOnBoom());
        var (healthy, _) = await harness.ConnectAsync(new Handlers.ThrowsOnBoom());
        using var _ = healthy;

        await failing.SendLineAsync("hi");
        Assert.Equal("hi", await failing.ReadLineAsync());
        await failing.SendLineAsync("boom");
        Assert.Null(await failing.ReadLineAsync());
        failing.Dispose();

        var ended = await failingServer.ExpectEndedAsync();
        Assert.Equal(new ConnectionClosed(CloseReason.HandlerFailed, ClosedFirstBy.Local), ended.Closed);
        await healthy.SendLineAsync("still here");
        Assert.Equal("still here", await healthy.ReadLineAsync());
    }

    [Fact]
    public async Task HandlerThrows_PeerNeverCloses_IsResetAfterTheShortFinWait()
    {
        await using var harness = ConnectionHarness.Create(o => o.Teardown.HandlerFailedFinWait = TimeSpan.FromMilliseconds(100));
        var (client, server) = await harness.ConnectAsync(new Handlers.ThrowsOnBoom());
        using var _ = client;

        await client.SendLineAsync("boom");
        await server.ExpectStateAsync(ActorTcp.Lifecycle.LifecycleState.Closing);
        harness.Time.Advance(TimeSpan.FromMilliseconds(100) + Tick);

        Assert.Equal(new ConnectionClosed(CloseReason.FinWaitTimeout, ClosedFirstBy.Reset), (await server.ExpectEndedAsync()).Closed);
    }

    [Fact]
    public async Task LineOverMaxFrameSize_IsAProtocolError_ResetByDefault()
    {
        await using var harness = ConnectionHarness.Create(o => o.Framing.MaxFrameSize = 16);
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
        using var _ = client;

        await client.SendAsync(Encoding.UTF8.GetBytes(new string('x', 100)));

        Assert.Equal(new ConnectionClosed(CloseReason.ProtocolError, ClosedFirstBy.Reset), (await server.ExpectEndedAsync()).Closed);
        Assert.Equal(ClientOutcome.Reset, await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task GarbageOnLengthPrefixed_IsAProtocolError_ClosedWithFinWhenConfigured()
    {
        await using var harness = ConnectionHarness.Create(o =>
        {
            o.Framing.Mode = FramingMode.LengthPrefixed;
            o.Framing.MaxFrameSize = 1024;
            o.Teardown.ProtocolError = BadPeerAction.Fin;
        });
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        garbage[0] = 0xFF;

        await client.SendAsync(garbage);
        Assert.Equal(ClientOutcome.EndOfStream, await client.ReadUntilClosedAsync());
        client.Dispose();

        Assert.Equal(new ConnectionClosed(CloseReason.ProtocolError, ClosedFirstBy.Local), (await server.ExpectEndedAsync()).Closed);
    }

    [Fact]
    public async Task FrameNeverCompleted_IsAProtocolErrorAfterFrameTimeout()
    {
        await using var harness = ConnectionHarness.Create(o => o.Framing.FrameTimeout = TimeSpan.FromSeconds(1));
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
        using var _ = client;

        await client.SendAsync(Encoding.UTF8.GetBytes("never ends"));
        await Eventually.TrueAsync(() => server.Info.BytesIn == 10, "the partial line was read");
        harness.Time.Advance(TimeSpan.FromMilliseconds(999));
        await server.ExpectNoMoreAsync(TimeSpan.FromMilliseconds(100));

        // The byte count is stamped just before the frame timer is armed, so the arming may land after
        // the clock moved: a tick or two more then fires it.
        ConnectionProtocol.Ended? ended = null;
        harness.Time.Advance(TimeSpan.FromMilliseconds(1) + Tick);
        for (var nudge = 0; ended is null && nudge < 50; nudge++)
        {
            try
            {
                ended = await server.ExpectEndedAsync(TimeSpan.FromMilliseconds(200));
            }
            catch (TimeoutException)
            {
                harness.Time.Advance(Tick);
            }
        }

        Assert.NotNull(ended);
        Assert.Equal(new ConnectionClosed(CloseReason.ProtocolError, ClosedFirstBy.Reset), ended.Closed);
    }

    [Fact]
    public async Task PeerThatReadsLate_WritingSuspendsThenResumes_AndEveryFrameArrivesInOrder()
    {
        await using var harness = ConnectionHarness.Create(o =>
        {
            o.Framing.MaxFrameSize = 2048;
            o.Write.HighWatermark = 16 * 1024;
            o.Write.LowWatermark = 4 * 1024;
            o.Tcp.SendBufferSize = 4096;
        });
        var burst = new Handlers.Burst(frames: 17);
        var (client, server) = await harness.ConnectAsync(burst, clientReceiveBuffer: 4096);
        using var _ = client;

        await client.SendLineAsync("go");
        await Eventually.TrueAsync(() => burst.Suspensions == 1, "the burst crossed the high watermark");
        for (var i = 0; i < 17; i++)
        {
            Assert.Equal(i.ToString("D1000", System.Globalization.CultureInfo.InvariantCulture), await client.ReadLineAsync());
        }

        await Eventually.TrueAsync(() => burst.Resumptions == 1, "the drained queue resumed writing");
        await Eventually.TrueAsync(() => server.Info.WriteQueueBytes == 0, "the queue is empty once the last send completed");
    }

    [Fact]
    public async Task PeerThatNeverReads_QueueStopsAtTheWatermark_AndIsClosedAsSlowConsumer()
    {
        await using var harness = ConnectionHarness.Create(o =>
        {
            o.Framing.MaxFrameSize = 2048;
            o.Write.HighWatermark = 16 * 1024;
            o.Write.LowWatermark = 4 * 1024;
            o.Write.SlowConsumerTimeout = TimeSpan.FromSeconds(1);
            o.Tcp.SendBufferSize = 4096;
        });
        var flooder = new Handlers.Flooder();
        var (client, server) = await harness.ConnectAsync(flooder, clientReceiveBuffer: 4096);
        using var _ = client;
        var capacity = 16 * 1024 + 2048 + 1;

        await client.SendLineAsync("flood");
        await WhenKernelBuffersAreFullAsync(server);

        Assert.InRange(flooder.MaxQueued, 16 * 1024, capacity);
        Assert.True(server.Info.WriteQueueBytes > 4 * 1024, "the queue stays above its low watermark, so writing stays suspended");
        Assert.True(flooder.Suspensions >= 1);
        Assert.Contains(EnqueueResult.Suspended, flooder.Results);
        Assert.Contains(EnqueueResult.Refused, flooder.Results);

        harness.Time.Advance(TimeSpan.FromSeconds(1) + Tick);
        Assert.Equal(new ConnectionClosed(CloseReason.SlowConsumer, ClosedFirstBy.Reset), (await server.ExpectEndedAsync()).Closed);
        Assert.Equal(ClientOutcome.Reset, await client.ReadUntilClosedAsync());
    }

    /// <summary>Waits until the kernel stops taking bytes: the bytes handed to it stay the same over several polls.</summary>
    private static async Task WhenKernelBuffersAreFullAsync(ServerConnection server)
    {
        var stablePolls = 0;
        var last = -1L;
        await Eventually.TrueAsync(
            () =>
            {
                var sent = server.Info.BytesOut;
                stablePolls = sent == last && server.Info.WriteQueueBytes > 0 ? stablePolls + 1 : 0;
                last = sent;
                return stablePolls >= 20;
            },
            "the kernel's buffers are full");
    }
}
