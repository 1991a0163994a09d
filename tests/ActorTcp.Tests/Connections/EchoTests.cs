using System.Buffers.Binary;
using System.Text;
using ActorTcp.Connections;
using ActorTcp.Framing;
using ActorTcp.Handlers;
using ActorTcp.Teardown;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Connections;

public sealed class EchoTests
{
    [Fact]
    public async Task LineFraming_EchoesEachLine_AndClosesAfterThePeer()
    {
        await using var harness = ConnectionHarness.Create();
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
        using var _ = client;

        await client.SendAsync(Encoding.UTF8.GetBytes("hello\r\nwor"));
        await client.SendLineAsync("ld");
        Assert.Equal("hello", await client.ReadLineAsync());
        Assert.Equal("world", await client.ReadLineAsync());

        client.HalfClose();
        Assert.Null(await client.ReadLineAsync());
        var ended = await server.ExpectEndedAsync();
        Assert.Equal(new ConnectionClosed(CloseReason.PeerClosed, ClosedFirstBy.Peer), ended.Closed);
        Assert.Equal(2, ended.Final.FramesIn);
        Assert.Equal(2, ended.Final.FramesOut);
    }

    [Fact]
    public async Task PeerSendsThenHalfCloses_EchoesAreFlushedBeforeTheClose()
    {
        await using var harness = ConnectionHarness.Create();
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
        using var _ = client;

        await client.SendAsync(Encoding.UTF8.GetBytes("one\ntwo\nthree\n"));
        client.HalfClose();

        Assert.Equal("one", await client.ReadLineAsync());
        Assert.Equal("two", await client.ReadLineAsync());
        Assert.Equal("three", await client.ReadLineAsync());
        Assert.Null(await client.ReadLineAsync());
        Assert.Equal(new ConnectionClosed(CloseReason.PeerClosed, ClosedFirstBy.Peer), (await server.ExpectEndedAsync()).Closed);
    }

    [Fact]
    public async Task LengthPrefixedFraming_EchoesFramesWithTheirPrefix()
    {
        await using var harness = ConnectionHarness.Create(o =>
        {
            o.Framing.Mode = FramingMode.LengthPrefixed;
            o.Framing.LengthPrefixBytes = 2;
        });
        var (client, _) = await harness.ConnectAsync(EchoHandler.Instance);
        using var __ = client;
        var frame = new byte[] { 0, 3, 1, 2, 3, 0, 1, 9 };

        await client.SendAsync(frame[..4]);
        await client.SendAsync(frame[4..]);

        Assert.Equal(frame, await client.ReadExactlyAsync(frame.Length));
    }

    [Fact]
    public async Task RawFraming_EchoesTheBytes()
    {
        await using var harness = ConnectionHarness.Create(o => o.Framing.Mode = FramingMode.Raw);
        var (client, _) = await harness.ConnectAsync(EchoHandler.Instance);
        using var __ = client;
        var bytes = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();

        await client.SendAsync(bytes);

        Assert.Equal(bytes, await client.ReadExactlyAsync(bytes.Length));
    }

    [Fact]
    public async Task SendCommand_IsFramedAndAnsweredWithItsResult()
    {
        await using var harness = ConnectionHarness.Create();
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
        using var _ = client;

        server.Tell(new ConnectionProtocol.Send(Encoding.UTF8.GetBytes("pushed")));

        Assert.Equal(EnqueueResult.Accepted, await server.NextAsync());
        Assert.Equal("pushed", await client.ReadLineAsync());
    }

    [Fact]
    public async Task AbortCommand_ResetsTheConnection()
    {
        await using var harness = ConnectionHarness.Create();
        var (client, server) = await harness.ConnectAsync(EchoHandler.Instance);
        using var _ = client;

        server.Tell(ConnectionProtocol.Abort.Instance);

        Assert.Equal(new ConnectionClosed(CloseReason.Aborted, ClosedFirstBy.Reset), (await server.ExpectEndedAsync()).Closed);
        Assert.Equal(ClientOutcome.Reset, await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task LengthPrefixedEcho_FrameSplitAcrossManyReads_IsReassembled()
    {
        await using var harness = ConnectionHarness.Create(o => o.Framing.Mode = FramingMode.LengthPrefixed);
        var (client, _) = await harness.ConnectAsync(EchoHandler.Instance);
        using var __ = client;
        var payload = Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7)).ToArray();
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);

        foreach (var chunk in frame.Chunk(1500))
        {
            await client.SendAsync(chunk);
        }

        Assert.Equal(frame, await client.ReadExactlyAsync(frame.Length));
    }
}
