using System.Buffers;
using ActorTcp.Framing;

namespace ActorTcp.Tests.Framing;

public sealed class RawFramerTests
{
    [Fact]
    public void WhateverArrived_IsHandedOnInChunksOfAtMostMaxFrameSize()
    {
        // Arrange
        var framer = new RawFramer(4);
        var bytes = Enumerable.Range(0, 10).Select(i => (byte)i).ToArray();

        // Act
        var outcome = FramerHarness.Run(framer, [bytes], [3]);

        // Assert
        Assert.Equal([bytes[..4], bytes[4..8], bytes[8..]], outcome.Frames);
        Assert.Equal(0, outcome.MostPending);
    }

    [Fact]
    public void EmptyBuffer_IsIncompleteAndNeverAPendingFrame()
    {
        // Arrange
        var framer = new RawFramer(4);
        var buffer = ReadOnlySequence<byte>.Empty;

        // Act
        var status = framer.TryReadFrame(ref buffer, out _);

        // Assert
        Assert.Equal(FramingStatus.Incomplete, status);
        Assert.False(framer.HasPartialFrame(Segments.Of("abc")));
    }

    [Fact]
    public void Encode_WritesThePayloadAsIs()
    {
        // Arrange
        var framer = new RawFramer(4);
        var output = new ArrayBufferWriter<byte>();

        // Act
        framer.Encode(new byte[] { 1, 2 }, output);

        // Assert
        Assert.Equal(new byte[] { 1, 2 }, output.WrittenSpan.ToArray());
        Assert.Throws<ArgumentException>(() => framer.Encode(new byte[5], output));
    }
}
