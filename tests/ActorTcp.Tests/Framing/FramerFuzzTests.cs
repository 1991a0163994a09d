using System.Buffers.Binary;
using ActorTcp.Framing;
using FsCheck;
using FsCheck.Fluent;

namespace ActorTcp.Tests.Framing;

/// <summary>
/// Random byte streams, cut into reads at random points and each read into random segments, must
/// give exactly the reference model's frames or a protocol error: no other exception, and never
/// more left unconsumed than the framer's <see cref="IFramer.MaxPendingBytes"/> (so never more
/// than max-frame-size plus one read in the connection's buffer).
/// </summary>
public sealed class FramerFuzzTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly Gen<int[]> Sizes = Gen.ArrayOf(Gen.Choose(1, 9)).Where(a => a.Length > 0);

    [Fact]
    public void LineFramer_OnRandomStreams_MatchesTheModelOrReportsAProtocolError()
    {
        // Arrange: mostly short lines over a small alphabet, so delimiters, CRs and oversize lines all occur.
        var cases =
            from max in Gen.Choose(1, 12)
            from stream in Gen.ArrayOf(Gen.Elements("abc\r\n\n"u8.ToArray()))
            from reads in Sizes
            from cuts in Sizes
            select (max, stream, reads, cuts);

        // Act + Assert
        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var framer = new LineFramer(c.max);
            var outcome = FramerHarness.Run(framer, Reads(c.stream, c.reads), c.cuts);
            var (frames, error) = FramingModel.Lines(c.stream, c.max);
            AssertMatches(framer, outcome, frames, error);
        }));
    }

    [Fact]
    public void LengthPrefixedFramer_OnRandomStreams_MatchesTheModelOrReportsAProtocolError()
    {
        // Arrange: well-formed frames (some over the limit) followed by random garbage.
        var cases =
            from max in Gen.Choose(1, 24)
            from prefix in Gen.Elements(1, 2, 4)
            from payloads in Gen.ArrayOf(Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n)))
            from garbage in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>())
            from reads in Sizes
            from cuts in Sizes
            select (max, prefix, stream: Encode(payloads, prefix).Concat(garbage).ToArray(), reads, cuts);

        // Act + Assert
        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var framer = new LengthPrefixedFramer(c.max, c.prefix);
            var outcome = FramerHarness.Run(framer, Reads(c.stream, c.reads), c.cuts);
            var (frames, error) = FramingModel.LengthPrefixed(c.stream, c.max, c.prefix);
            AssertMatches(framer, outcome, frames, error);
        }));
    }

    [Fact]
    public void RawFramer_OnRandomStreams_HandsOnEveryReadInChunksOfAtMostMaxFrameSize()
    {
        // Arrange
        var cases =
            from max in Gen.Choose(1, 12)
            from stream in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>())
            from reads in Sizes
            from cuts in Sizes
            select (max, stream, reads, cuts);

        // Act + Assert
        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var framer = new RawFramer(c.max);
            var reads = Reads(c.stream, c.reads);
            var outcome = FramerHarness.Run(framer, reads, c.cuts);
            AssertMatches(framer, outcome, FramingModel.Raw(reads, c.max), error: false);
        }));
    }

    private static void AssertMatches(IFramer framer, FramingOutcome outcome, List<byte[]> frames, bool error)
    {
        Assert.Equal(error, outcome.ProtocolError);
        Assert.Equal(frames, outcome.Frames);
        Assert.InRange(outcome.MostPending, 0, framer.MaxPendingBytes);
    }

    private static List<byte[]> Reads(byte[] stream, int[] sizes)
    {
        var reads = new List<byte[]>();
        for (int offset = 0, i = 0; offset < stream.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], stream.Length - offset);
            reads.Add(stream[offset..(offset + size)]);
            offset += size;
        }

        return reads;
    }

    private static byte[] Encode(byte[][] payloads, int prefix)
    {
        var stream = new List<byte>();
        Span<byte> header = stackalloc byte[4];
        foreach (var payload in payloads)
        {
            BinaryPrimitives.WriteUInt32BigEndian(header, (uint)payload.Length);
            stream.AddRange(header[(4 - prefix)..].ToArray());
            stream.AddRange(payload);
        }

        return stream.ToArray();
    }
}
