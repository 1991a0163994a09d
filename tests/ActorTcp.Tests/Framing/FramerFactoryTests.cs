using ActorTcp.Configuration;
using ActorTcp.Framing;

namespace ActorTcp.Tests.Framing;

public sealed class FramerFactoryTests
{
    [Theory]
    [InlineData(FramingMode.Line, typeof(LineFramer))]
    [InlineData(FramingMode.LengthPrefixed, typeof(LengthPrefixedFramer))]
    [InlineData(FramingMode.Raw, typeof(RawFramer))]
    public void Mode_SelectsItsCodec(FramingMode mode, Type expected)
    {
        // Arrange
        var options = new FramingOptions { Mode = mode, MaxFrameSize = 100, LengthPrefixBytes = 2 };

        // Act
        var codec = FramerFactory.Create(options);

        // Assert
        Assert.IsType(expected, codec);
        Assert.Equal(mode == FramingMode.Raw ? 0 : 101, codec.MaxPendingBytes);
    }
}
