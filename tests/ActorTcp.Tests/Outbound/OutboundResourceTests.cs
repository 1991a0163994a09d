using System.Net.Sockets;
using ActorTcp.Outbound;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Sockets;
using ActorTcp.Tests.Support;
using Xunit.Abstractions;
using static ActorTcp.Tests.Outbound.OutboundTestOptions;

namespace ActorTcp.Tests.Outbound;

/// <summary>
/// Every path of a dial releases its socket: refused, timed out, cancelled by a close, and a close
/// during the back-off. Counted on this process's descriptors and in the kernel's table, so the tests
/// run alone.
/// </summary>
[Collection(ProcessWideStateCollection.Name)]
public sealed class OutboundResourceTests(ITestOutputHelper output) : ActorTcp.TestKit.TestKit(output)
{
    private const int Seed = 11;

    [Fact]
    public async Task FiveHundredDialsToAClosedPort_ReleaseEveryDescriptor_AndWaitAsThePolicyDraws()
    {
        // Arrange: a closed port, a 1 ms back-off floor, and the runtime's one-time descriptors opened.
        using var port = new ClosablePort();
        await using var test = new ClientsUnderTest(Sys, Seed);
        var options = ClientOptions(o =>
        {
            o.Outbound.Reconnect.MinBackoff = TimeSpan.FromMilliseconds(1);
            o.Outbound.Reconnect.MaxBackoff = TimeSpan.FromMilliseconds(50);
            o.Outbound.Reconnect.MaxAttempts = 499;
        });
        await WarmUpAsync(test.Manager, port);
        var socketsBefore = SocketDescriptors.Count();
        var descriptorsBefore = DescriptorsButRuntimeFiles();
        var handler = new RecordingHandler();

        // Act: the first dial and 499 redials, the clock moved past each drawn delay.
        var upstream = test.Manager.ConnectTo(port.Target, options, handler);
        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 499; attempt++)
        {
            var redial = await handler.NextAsync<OutboundReconnecting>();
            Assert.Equal(attempt, redial.Attempt);
            delays.Add(redial.Delay);
            Advance(redial.Delay + Tick);
        }

        var stopped = await upstream.Completion.WaitAsync(TestClient.DefaultTimeout);

        // Assert: 500 refusals, delays exactly as the seeded policy draws them (each under its
        // ceiling), and every descriptor closed again.
        Assert.Equal(OutboundStopReason.GaveUp, stopped.Reason);
        Assert.Equal(500, handler.History.OfType<OutboundConnectFailure>().Count(f => f.Error == SocketError.ConnectionRefused));
        var policy = new ReconnectBackoff(options.Outbound.Reconnect.MinBackoff, options.Outbound.Reconnect.MaxBackoff, new Random(Seed));
        Assert.Equal(Enumerable.Range(1, 499).Select(policy.NextDelay), delays);
        Assert.All(delays.Select((delay, i) => (delay, ceiling: policy.Ceiling(i + 1))), d => Assert.InRange(d.delay, TimeSpan.Zero, d.ceiling));
        await Eventually.TrueAsync(() => SocketDescriptors.Count() == socketsBefore, $"the socket descriptor count returns to {socketsBefore}");
        await Eventually.TrueAsync(
            () => DescriptorsButRuntimeFiles().Order().SequenceEqual(descriptorsBefore.Order()),
            $"the open descriptors return to their start: [{string.Join(", ", descriptorsBefore)}]");
        Assert.Equal(0, KernelTcpTable.Count(KernelTcpState.SynSent, remotePort: port.Port));
    }

    [Fact]
    public async Task DialThatHangs_IsCutAtConnectTimeout_AndItsSocketReleased()
    {
        // Arrange: a listener whose accept queue is full, so the next SYN goes unanswered.
        using var port = new ClosablePort();
        using var filler = await FillAcceptQueueAsync(port);
        await using var test = new ClientsUnderTest(Sys, Seed);
        var socketsBefore = SocketDescriptors.Count();
        var handler = new RecordingHandler();
        var options = ClientOptions(o => o.Outbound.ConnectTimeout = TimeSpan.FromSeconds(3));
        var upstream = test.Manager.ConnectTo(port.Target, options, handler);
        await upstream.GetSnapshotAsync();
        await Eventually.TrueAsync(() => KernelTcpTable.Count(KernelTcpState.SynSent, remotePort: port.Port) == 1, "the dial waits in SYN_SENT");
        var stateWhileDialling = upstream.State;

        // Act
        Advance(options.Outbound.ConnectTimeout + Tick);
        var failure = await handler.NextAsync<OutboundConnectFailure>();
        await handler.NextAsync<OutboundReconnecting>();

        // Assert: the attempt failed as timed out, and its socket is gone from the process and the kernel.
        Assert.Equal(OutboundState.Connecting, stateWhileDialling);
        Assert.Equal(new OutboundConnectFailure(0, SocketError.TimedOut), failure);
        Assert.Equal(OutboundState.Backoff, upstream.State);
        await Eventually.TrueAsync(() => KernelTcpTable.Count(KernelTcpState.SynSent, remotePort: port.Port) == 0, "no socket waits in SYN_SENT");
        await Eventually.TrueAsync(() => SocketDescriptors.Count() == socketsBefore, $"the socket descriptor count returns to {socketsBefore}");
    }

    [Fact]
    public async Task CloseWhileDialling_CancelsTheDial_AndReleasesItsSocket()
    {
        // Arrange
        using var port = new ClosablePort();
        using var filler = await FillAcceptQueueAsync(port);
        await using var test = new ClientsUnderTest(Sys, Seed);
        var socketsBefore = SocketDescriptors.Count();
        var handler = new RecordingHandler();
        var upstream = test.Manager.ConnectTo(port.Target, ClientOptions(), handler);
        await Eventually.TrueAsync(() => KernelTcpTable.Count(KernelTcpState.SynSent, remotePort: port.Port) == 1, "the dial waits in SYN_SENT");

        // Act
        var stopped = await upstream.CloseAsync().WaitAsync(TestClient.DefaultTimeout);

        // Assert
        Assert.Equal(new OutboundStopped(OutboundStopReason.Closed, 0, 0), stopped);
        Assert.Equal(["stopped"], handler.Kinds());
        await Eventually.TrueAsync(() => KernelTcpTable.Count(KernelTcpState.SynSent, remotePort: port.Port) == 0, "no socket waits in SYN_SENT");
        await Eventually.TrueAsync(() => SocketDescriptors.Count() == socketsBefore, $"the socket descriptor count returns to {socketsBefore}");
    }

    [Fact]
    public async Task CloseDuringBackoff_StopsAtOnce_WithNoSocketLeft()
    {
        // Arrange
        using var port = new ClosablePort();
        await using var test = new ClientsUnderTest(Sys, Seed);
        await WarmUpAsync(test.Manager, port);
        var socketsBefore = SocketDescriptors.Count();
        var handler = new RecordingHandler();
        var upstream = test.Manager.ConnectTo(port.Target, ClientOptions(), handler);
        await handler.NextAsync<OutboundReconnecting>();
        var stateBeforeClose = upstream.State;

        // Act
        var stopped = await upstream.CloseAsync().WaitAsync(TestClient.DefaultTimeout);
        Advance(ClientOptions().Outbound.Reconnect.MaxBackoff + Tick);

        // Assert: no redial after the close, and nothing left open.
        Assert.Equal(OutboundState.Backoff, stateBeforeClose);
        Assert.Equal(OutboundStopReason.Closed, stopped.Reason);
        Assert.Single(handler.History.OfType<OutboundConnectFailure>());
        Assert.Equal(OutboundState.Stopped, upstream.State);
        await Eventually.TrueAsync(() => SocketDescriptors.Count() == socketsBefore, $"the socket descriptor count returns to {socketsBefore}");
    }

    [Fact]
    public async Task ActorSystemStoppingDuringBackoff_EndsTheOutboundConnectionAsTerminated()
    {
        // Arrange
        using var port = new ClosablePort();
        var test = new ClientsUnderTest(Sys, Seed);
        var handler = new RecordingHandler();
        var upstream = test.Manager.ConnectTo(port.Target, ClientOptions(o => o.Outbound.BufferWhileDisconnected = 100), handler);
        await handler.NextAsync<OutboundReconnecting>();
        Assert.Equal(OutboundSendResult.Buffered, await upstream.SendAsync("pending"u8.ToArray()));

        // Act
        await Sys.Terminate().WaitAsync(TestClient.DefaultTimeout);

        // Assert: the buffered frame is reported as never sent.
        Assert.Equal(new OutboundStopped(OutboundStopReason.Terminated, 1, 7), await upstream.Completion.WaitAsync(TestClient.DefaultTimeout));
        await test.DisposeAsync();
    }

    /// <summary>
    /// A few refused dials and redials first, so the descriptors the runtime opens once (its socket
    /// engine, assemblies mapped on first use) are in the baseline.
    /// </summary>
    private async Task WarmUpAsync(TcpClientManager clients, ClosablePort port)
    {
        var handler = new RecordingHandler();
        var once = clients.ConnectTo(port.Target, ClientOptions(o => o.Outbound.Reconnect.MaxAttempts = 2), handler);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            Advance((await handler.NextAsync<OutboundReconnecting>()).Delay + Tick);
        }

        Assert.Equal(OutboundStopReason.GaveUp, (await once.Completion.WaitAsync(TestClient.DefaultTimeout)).Reason);
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    /// <summary>
    /// What this process's descriptors point at (<c>/proc/self/fd</c>), leaving out the assembly and
    /// symbol files the runtime opens on first use (a stack trace formatted anywhere in the process
    /// opens a .pdb for good), which are not connections and never closed.
    /// </summary>
    private static List<string> DescriptorsButRuntimeFiles() =>
        [.. Directory.EnumerateFileSystemEntries("/proc/self/fd")
            .Select(Target)
            .Where(target => target is not null && !target.EndsWith(".pdb", StringComparison.Ordinal) && !target.EndsWith(".dll", StringComparison.Ordinal))
            .Select(target => target!)];

    private static string? Target(string descriptor)
    {
        try
        {
            return new FileInfo(descriptor).LinkTarget;
        }
        catch (IOException)
        {
            // Closed while the folder was read (the enumeration's own descriptor among them).
            return null;
        }
    }

    /// <summary>Listens with a backlog of 0 and fills it with one connection nobody accepts; the next SYN is dropped.</summary>
    private static async Task<Socket> FillAcceptQueueAsync(ClosablePort port)
    {
        port.Open(backlog: 0);
        var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await filler.ConnectAsync(System.Net.IPAddress.Loopback, port.Port).WaitAsync(TestClient.DefaultTimeout);
        return filler;
    }
}
