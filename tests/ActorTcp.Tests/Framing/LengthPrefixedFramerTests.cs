using System.Buffers;
using ActorTcp.Framing;

namespace ActorTcp.Tests.Framing;

public sealed class LengthPrefixedFramerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void EncodedFrames_DecodeBackAtEveryByteBoundary(int prefixBytes)
    {
        // Arrange
        var framer = new LengthPrefixedFramer(200, prefixBytes);
        var output = new ArrayBufferWriter<byte>();
        byte[][] payloads = [[], [1], [1, 2, 3], Enumerable.Range(0, 200).Select(i => (byte)i).ToArray()];
        foreach (var payload in payloads)
        {
            framer.Encode(payload, output);
        }

        var bytes = output.WrittenSpan.ToArray();
        for (var at = 0; at <= bytes.Length; at++)
        {
            // Act
            var outcome = FramerHarness.Run(framer, [bytes[..at], bytes[at..]], [1, 3, 7]);

            // Assert
            Assert.False(outcome.ProtocolError);
            Assert.Equal(payloads, outcome.Frames);
        }
    }

    [Theory]
    [InlineData(1, new byte[] { 0x03, 9, 9, 9 })]
    [InlineData(2, new byte[] { 0x00, 0x03, 9, 9, 9 })]
    [InlineData(4, new byte[] { 0x00, 0x00, 0x00, 0x03, 9, 9, 9 })]
    public void Prefix_IsBigEndian(int prefixBytes, byte[] bytes)
    {
        // Arrange
        var framer = new LengthPrefixedFramer(16, prefixBytes);
        var buffer = Segments.OneBytePerSegment(bytes);

        // Act
        var status = framer.TryReadFrame(ref buffer, out var frame);

        // Assert
        Assert.Equal(FramingStatus.Frame, status);
        Assert.Equal(new byte[] { 9, 9, 9 }, frame.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void DeclaredLengthAboveMax_IsAProtocolErrorBeforeAnyPayloadArrives()
    {
        // Arrange: a hostile 4 GiB length with no payload behind it.
        var framer = new LengthPrefixedFramer(1024, 4);
        var buffer = Segments.Of(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF });

        // Act
        var status = framer.TryReadFrame(ref buffer, out _);

        // Assert
        Assert.Equal(FramingStatus.ProtocolError, status);
    }

    [Fact]
    public void DeclaredLengthEqualToMax_IsAccepted()
    {
        // Arrange
        var framer = new LengthPrefixedFramer(3, 2);
        var buffer = Segments.Of(new byte[] { 0, 3, 1, 2, 3, 0, 4 });

        // Act
        var first = framer.TryReadFrame(ref buffer, out var frame);
        var second = framer.TryReadFrame(ref buffer, out _);

        // Assert
        Assert.Equal(FramingStatus.Frame, first);
        Assert.Equal(3, frame.Length);
        Assert.Equal(FramingStatus.ProtocolError, second);
    }

    [Fact]
    public void PartialPrefixOrPayload_IsIncompleteAndPending()
    {
        // Arrange
        var framer = new LengthPrefixedFramer(16, 4);
        var partialPrefix = Segments.Of(new byte[] { 0, 0 });
        var partialPayload = Segments.Of(new byte[] { 0, 0, 0, 5, 1, 2 });

        // Act
        var onPrefix = framer.TryReadFrame(ref partialPrefix, out _);
        var onPayload = framer.TryReadFrame(ref partialPayload, out _);

        // Assert
        Assert.Equal((FramingStatus.Incomplete, FramingStatus.Incomplete), (onPrefix, onPayload));
        Assert.True(framer.HasPartialFrame(partialPrefix) && framer.HasPartialFrame(partialPayload));
        Assert.Equal(6, partialPayload.Length);
    }

    [Theory]
    [InlineData(1, 1000, 255)]
    [InlineData(2, 1000, 1001)]
    [InlineData(4, 1000, 1003)]
    public void MaxPendingBytes_IsPrefixPlusLargestDeclarableFrameMinusOne(int prefixBytes, int max, int expected)
    {
        // Arrange + Act
        var framer = new LengthPrefixedFramer(max, prefixBytes);

        // Assert
        Assert.Equal(expected, framer.MaxPendingBytes);
    }

    [Fact]
    public void Encode_RejectsPayloadsTheLimitOrPrefixCannotCarry()
    {
        // Arrange
        var framer = new LengthPrefixedFramer(1000, 1);
        var output = new ArrayBufferWriter<byte>();

        // Act + Assert
        Assert.Throws<ArgumentException>(() => framer.Encode(new byte[256], output));
        Assert.Throws<ArgumentException>(() => new LengthPrefixedFramer(10, 2).Encode(new byte[11], output));
        Assert.Equal(0, output.WrittenCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LengthPrefixedFramer(10, 3));
    }
}
