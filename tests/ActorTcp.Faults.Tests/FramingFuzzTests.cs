using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ActorTcp.Configuration;
using ActorTcp.Faults.Tests.Support;
using ActorTcp.Framing;
using ActorTcp.Teardown;
using ActorTcp.TestKit;
using FsCheck;
using FsCheck.Fluent;

namespace ActorTcp.Faults.Tests;

/// <summary>
/// Random byte streams, written to a real server in random pieces, must come out as exactly the
/// reference model's frames — followed by a close with ProtocolError where the model finds an
/// error, or by an ordinary close where it does not — with nothing logged at Error and no other close
/// reason (a framer that threw would close with HandlerFailed or log the exception), and the
/// server's kernel socket released after every close. The same pieces
/// fed to the framer directly never leave more unconsumed than max-frame-size plus the framing's
/// own bytes, so a connection never buffers more than that plus one read.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class FramingFuzzTests
{
    private const int MaxFrameSize = 16;

    /// <summary>The most bytes framing adds to a payload: a 4-byte length prefix, or "\r\n".</summary>
    private const int MostFramingBytes = 4;

    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(60);
    private static readonly Gen<int[]> PieceSizes = Gen.ArrayOf(Gen.Choose(1, 9)).Where(sizes => sizes.Length > 0);
    private static readonly Gen<byte> AnyByte = ArbMap.Default.GeneratorFor<byte>();

    [Fact]
    public async Task LineFraming_RandomStreamsInRandomPieces_GiveTheModelsFramesOrAProtocolError()
    {
        // Mostly short lines over a small alphabet, so delimiters, CRs and oversize lines all occur.
        var cases =
            from stream in Gen.ArrayOf(Gen.Elements("ab\r\n\n"u8.ToArray()))
            from pieces in PieceSizes
            select (stream, pieces);
        await CheckAgainstServer(FramingMode.Line, 4, cases, c => FramingModel.Lines(c.stream, MaxFrameSize));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task LengthPrefixedFraming_RandomStreamsInRandomPieces_GiveTheModelsFramesOrAProtocolError(int prefixBytes)
    {
        // Well-formed frames, some over the limit, then random garbage.
        var cases =
            from payloads in Gen.ArrayOf(Gen.Choose(0, MaxFrameSize + 8).SelectMany(n => Gen.ArrayOf(AnyByte, n)))
            from garbage in Gen.ArrayOf(AnyByte)
            from pieces in PieceSizes
            select (stream: Encode(payloads, prefixBytes).Concat(garbage).ToArray(), pieces);
        await CheckAgainstServer(FramingMode.LengthPrefixed, prefixBytes, cases, c => FramingModel.LengthPrefixed(c.stream, MaxFrameSize, prefixBytes));
    }

    [Fact]
    public async Task RawFraming_RandomStreamsInRandomPieces_ArriveWholeInChunksOfAtMostMaxFrameSize()
    {
        // Raw frames are whatever each read holds, so the model is the stream itself, in chunks no larger than the limit.
        var cases =
            from stream in Gen.ArrayOf(AnyByte)
            from pieces in PieceSizes
            select (stream, pieces);
        var options = Framing(FramingMode.Raw, 4);
        await using var server = await FaultServer.StartAsync(o => o.Framing = options);

        await Task.Run(() => Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (frames, closed) = Exchange(server, c.stream, c.pieces).GetAwaiter().GetResult();

            Assert.Equal(CloseReason.PeerClosed, closed.Reason);
            Assert.Equal(c.stream, frames.SelectMany(frame => frame).ToArray());
            Assert.All(frames, frame => Assert.InRange(frame.Length, 1, MaxFrameSize));
            Assert.Equal(0, FramerPending(FramerFactory.Create(options), c.stream, c.pieces).MostPending);
        })));
        Assert.Empty(server.Logs.Errors);
    }

    private static async Task CheckAgainstServer(
        FramingMode mode, int prefixBytes, Gen<(byte[] stream, int[] pieces)> cases, Func<(byte[] stream, int[] pieces), (List<byte[]> Frames, bool Error)> model)
    {
        var options = Framing(mode, prefixBytes);
        await using var server = await FaultServer.StartAsync(o => o.Framing = options);

        await Task.Run(() => Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (expectedFrames, expectedError) = model(c);

            // Through a real connection.
            var (frames, closed) = Exchange(server, c.stream, c.pieces).GetAwaiter().GetResult();
            Assert.Equal(expectedError ? CloseReason.ProtocolError : CloseReason.PeerClosed, closed.Reason);
            Assert.Equal(expectedFrames, frames);

            // Straight into the framer, with the same pieces as reads.
            var framer = FramerFactory.Create(options);
            var direct = FramerPending(framer, c.stream, c.pieces);
            Assert.Equal(expectedError, direct.Error);
            Assert.Equal(expectedFrames, direct.Frames);
            Assert.InRange(direct.MostPending, 0, framer.MaxPendingBytes);
            Assert.InRange(framer.MaxPendingBytes, 0, MaxFrameSize + MostFramingBytes);
        })));
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>
    /// Writes <paramref name="stream"/> in pieces of the cycled <paramref name="sizes"/>, pausing
    /// between them so they tend to arrive as separate reads, then half-closes; returns the frames the
    /// server's handler saw and how the connection ended.
    /// </summary>
    private static async Task<(List<byte[]> Frames, ConnectionClosed Closed)> Exchange(FaultServer server, byte[] stream, int[] sizes)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        var port = ((IPEndPoint)client.LocalEndPoint!).Port;
        try
        {
            foreach (var piece in Pieces(stream, sizes))
            {
                await client.SendAsync(piece);
                await Task.Delay(1);
            }

            client.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The server reset the connection on a protocol error while the rest was being written.
        }

        await Eventually.TrueAsync(() => server.Record.Closed.Any(c => c.RemoteEndPoint.Port == port), "the connection is closed", Eventually.ProcessTimeout);

        // Kernel fact: after the close the server holds no socket for this client (no CLOSE_WAIT, no LAST_ACK).
        await Eventually.TrueAsync(() => Kernel.HeldServerSockets(server.Port, remote => remote.Port == port).Count == 0, "the server's socket is released", Eventually.ProcessTimeout);
        var closed = server.Record.Closed.Last(c => c.RemoteEndPoint.Port == port).Closed;
        var frames = server.Record.Frames.TryRemove(port, out var received) ? received.ToList() : [];
        return (frames, closed);
    }

    /// <summary>Plays the connection's read loop over the framer alone: each piece is one read.</summary>
    private static (List<byte[]> Frames, bool Error, long MostPending) FramerPending(IFramer framer, byte[] stream, int[] sizes)
    {
        var frames = new List<byte[]>();
        var pending = Array.Empty<byte>();
        long mostPending = 0;
        foreach (var piece in Pieces(stream, sizes))
        {
            var buffer = new ReadOnlySequence<byte>([.. pending, .. piece]);
            FramingStatus status;
            while ((status = framer.TryReadFrame(ref buffer, out var frame)) == FramingStatus.Frame)
            {
                frames.Add(frame.ToArray());
            }

            if (status == FramingStatus.ProtocolError)
            {
                return (frames, true, mostPending);
            }

            pending = buffer.ToArray();
            mostPending = Math.Max(mostPending, pending.Length);
        }

        return (frames, false, mostPending);
    }

    private static IEnumerable<byte[]> Pieces(byte[] stream, int[] sizes)
    {
        for (int offset = 0, i = 0; offset < stream.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], stream.Length - offset);
            yield return stream[offset..(offset + size)];
            offset += size;
        }
    }

    private static FramingOptions Framing(FramingMode mode, int prefixBytes) =>
        new() { Mode = mode, MaxFrameSize = MaxFrameSize, LengthPrefixBytes = prefixBytes };

    private static byte[] Encode(byte[][] payloads, int prefixBytes)
    {
        var stream = new List<byte>();
        var header = new byte[4];
        foreach (var payload in payloads)
        {
            BinaryPrimitives.WriteUInt32BigEndian(header, (uint)payload.Length);
            stream.AddRange(header[(4 - prefixBytes)..]);
            stream.AddRange(payload);
        }

        return [.. stream];
    }
}
