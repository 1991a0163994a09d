using System.Buffers;
using ActorTcp.Framing;

namespace ActorTcp.Tests.Framing;

public sealed class LineFramerTests
{
    [Fact]
    public void LfAndCrLfLines_AreFramedWithoutTheirDelimiters()
    {
        // Arrange
        var framer = new LineFramer(64);

        // Act
        var outcome = FramerHarness.Run(framer, [Segments.Ascii("one\ntwo\r\nthree\n")]);

        // Assert
        Assert.Equal(["one", "two", "three"], outcome.Frames.Select(f => Segments.Text(new(f))));
        Assert.False(outcome.ProtocolError);
    }

    [Fact]
    public void EmptyLines_AreEmptyFrames()
    {
        // Arrange
        var framer = new LineFramer(8);
        var buffer = Segments.Of("\n\r\n");

        // Act
        var first = framer.TryReadFrame(ref buffer, out var frame1);
        var second = framer.TryReadFrame(ref buffer, out var frame2);
        var third = framer.TryReadFrame(ref buffer, out _);

        // Assert
        Assert.Equal((FramingStatus.Frame, FramingStatus.Frame, FramingStatus.Incomplete), (first, second, third));
        Assert.True(frame1.IsEmpty && frame2.IsEmpty);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void CarriageReturnInsideALine_IsPayload()
    {
        // Arrange
        var framer = new LineFramer(8);
        var buffer = Segments.Of("a\rb\r\r\n");

        // Act
        var status = framer.TryReadFrame(ref buffer, out var frame);

        // Assert
        Assert.Equal(FramingStatus.Frame, status);
        Assert.Equal("a\rb\r", Segments.Text(frame));
    }

    [Fact]
    public void SplitAtEveryByteBoundary_YieldsTheSameFrames()
    {
        // Arrange
        var bytes = Segments.Ascii("alpha\r\n\nbeta\ngam\rma\r\n");
        var framer = new LineFramer(16);

        for (var at = 0; at <= bytes.Length; at++)
        {
            // Act: the same bytes as two segments, and as two separate reads.
            var asSegments = FramerHarness.Run(framer, [bytes], [at == 0 ? bytes.Length : at, bytes.Length]);
            var asReads = FramerHarness.Run(framer, [bytes[..at], bytes[at..]]);

            // Assert
            string[] expected = ["alpha", "", "beta", "gam\rma"];
            Assert.Equal(expected, asSegments.Frames.Select(f => Segments.Text(new(f))));
            Assert.Equal(expected, asReads.Frames.Select(f => Segments.Text(new(f))));
        }
    }

    [Fact]
    public void OneBytePerSegment_YieldsTheSameFrames()
    {
        // Arrange
        var framer = new LineFramer(16);
        var buffer = Segments.OneBytePerSegment(Segments.Ascii("ab\r\ncd\n"));

        // Act
        framer.TryReadFrame(ref buffer, out var first);
        var firstText = Segments.Text(first);
        framer.TryReadFrame(ref buffer, out var second);

        // Assert
        Assert.Equal(("ab", "cd"), (firstText, Segments.Text(second)));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void PartialLine_IsIncompleteLeavesTheBufferAndIsAPendingFrame()
    {
        // Arrange
        var framer = new LineFramer(16);
        var buffer = Segments.Of("abc");

        // Act
        var status = framer.TryReadFrame(ref buffer, out _);

        // Assert
        Assert.Equal(FramingStatus.Incomplete, status);
        Assert.Equal(3, buffer.Length);
        Assert.True(framer.HasPartialFrame(buffer));
        Assert.False(framer.HasPartialFrame(ReadOnlySequence<byte>.Empty));
    }

    [Theory]
    [InlineData("abcd", FramingStatus.Incomplete)]
    [InlineData("abcd\r", FramingStatus.Incomplete)]
    [InlineData("abcd\r\n", FramingStatus.Frame)]
    [InlineData("abcd\n", FramingStatus.Frame)]
    [InlineData("abcde", FramingStatus.ProtocolError)]
    [InlineData("abcd\rx", FramingStatus.ProtocolError)]
    [InlineData("abcde\n", FramingStatus.ProtocolError)]
    [InlineData("abcde\r\n", FramingStatus.ProtocolError)]
    public void LineAgainstAFourByteLimit_IsRejectedAsSoonAsItCannotFit(string input, FramingStatus expected)
    {
        // Arrange
        var framer = new LineFramer(4);
        var buffer = Segments.Of(input);

        // Act
        var status = framer.TryReadFrame(ref buffer, out _);

        // Assert
        Assert.Equal(expected, status);
        Assert.Equal(5, framer.MaxPendingBytes);
    }

    [Fact]
    public void Encode_AppendsLfAndRejectsLineBreaksAndOversize()
    {
        // Arrange
        var framer = new LineFramer(4);
        var output = new ArrayBufferWriter<byte>();

        // Act
        framer.Encode(Segments.Ascii("hi"), output);

        // Assert
        Assert.Equal("hi\n", Segments.Text(new(output.WrittenMemory)));
        Assert.Equal(3, framer.GetEncodedLength(2));
        Assert.Throws<ArgumentException>(() => framer.Encode(Segments.Ascii("a\nb"), output));
        Assert.Throws<ArgumentException>(() => framer.Encode(Segments.Ascii("abcde"), output));
    }
}
