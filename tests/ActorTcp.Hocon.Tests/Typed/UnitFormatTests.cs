using ActorTcp.Hocon.Typed;

namespace ActorTcp.Hocon.Tests.Typed;

/// <summary>The unit formats as a public API, for readers of configuration text other than <see cref="HoconConfig"/>.</summary>
public sealed class UnitFormatTests
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1.5 s", 1_500)]
    [InlineData("250", 250)]
    [InlineData("2 minutes", 120_000)]
    public void Duration_ReadsHoconUnits(string text, int milliseconds)
    {
        Assert.Equal(UnitParseResult.Parsed, DurationFormat.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("banana", UnitParseResult.NotANumberWithUnit)]
    [InlineData("5 fortnights", UnitParseResult.UnknownUnit)]
    [InlineData("5S", UnitParseResult.UnknownUnit)]
    [InlineData("99999999999d", UnitParseResult.OutOfRange)]
    public void Duration_SaysWhatWasWrong(string text, UnitParseResult expected) =>
        Assert.Equal(expected, DurationFormat.TryParse(text, out _));

    [Fact]
    public void Infinite_IsTheInfiniteTimeSpan()
    {
        Assert.Equal(UnitParseResult.Parsed, DurationFormat.TryParse(DurationFormat.Infinite, out var duration));
        Assert.Equal(Timeout.InfiniteTimeSpan, duration);
    }

    [Theory]
    [InlineData("1.5B", 1)]
    [InlineData("0.1KiB", 102)]
    [InlineData("0.5M", 524_288)]
    public void Size_TruncatesAFractionOfAByte_AsHoconSays(string text, long bytes)
    {
        Assert.Equal(UnitParseResult.Parsed, ByteSizeFormat.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("1.5B", UnitParseResult.NotWholeBytes, 0)]
    [InlineData("0.1KiB", UnitParseResult.NotWholeBytes, 0)]
    [InlineData("0.5M", UnitParseResult.Parsed, 524_288)]
    [InlineData("64KiB", UnitParseResult.Parsed, 65_536)]
    [InlineData("lots", UnitParseResult.NotANumberWithUnit, 0)]
    [InlineData("3 parsecs", UnitParseResult.UnknownUnit, 0)]
    public void WholeSize_RefusesAFractionOfAByte(string text, UnitParseResult expected, long bytes)
    {
        Assert.Equal(expected, ByteSizeFormat.TryParseWhole(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }
}
