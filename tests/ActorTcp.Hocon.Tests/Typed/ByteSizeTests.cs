using System.Globalization;
using ActorTcp.Hocon.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace ActorTcp.Hocon.Tests.Typed;

public sealed class ByteSizeTests
{
    public static TheoryData<string, long> Units => new()
    {
        { "512", 512 },
        { "10B", 10 },
        { "10 b", 10 },
        { "1 byte", 1 },
        { "3 bytes", 3 },
        { "1kB", 1000 },
        { "2 kilobytes", 2000 },
        { "1MB", 1_000_000 },
        { "1GB", 1_000_000_000 },
        { "1TB", 1_000_000_000_000 },
        { "1PB", 1_000_000_000_000_000 },
        { "1EB", 1_000_000_000_000_000_000 },
        { "1K", 1024 },
        { "1k", 1024 },
        { "1Ki", 1024 },
        { "64KiB", 65536 },
        { "1 kibibyte", 1024 },
        { "1M", 1L << 20 },
        { "1m", 1L << 20 },
        { "1MiB", 1L << 20 },
        { "1 mebibytes", 1L << 20 },
        { "1G", 1L << 30 },
        { "1GiB", 1L << 30 },
        { "1T", 1L << 40 },
        { "1P", 1L << 50 },
        { "1E", 1L << 60 },
        { "0.5M", 1L << 19 },
        { "1.5 KiB", 1536 },
        { "128000b", 128000 },
    };

    [Theory]
    [MemberData(nameof(Units))]
    public void SizeUnits_ReadAsHoconDefinesThem(string written, long expected)
    {
        var config = TestHocon.Parse($"s = \"{written}\"");

        Assert.Equal(expected, config.GetBytes("s"));
    }

    [Theory]
    [InlineData("1KB")]
    [InlineData("1 kb")]
    [InlineData("1 MBytes")]
    public void UnitsOutsideTheList_AreRejected(string written)
    {
        var config = TestHocon.Parse($"s = \"{written}\"");

        var error = Assert.Throws<HoconValueException>(() => config.GetBytes("s"));

        Assert.Contains("units: B, kB, MB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1YB")]
    [InlineData("1 Zi")]
    [InlineData("16E")]
    public void SizesBeyondA64BitCount_AreOutOfRange(string written)
    {
        var config = TestHocon.Parse($"s = \"{written}\"");

        var error = Assert.Throws<HoconValueException>(() => config.GetBytes("s"));

        Assert.EndsWith($"that fits a 64-bit count, got \"{written}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadSize_NamesFileLineKeyAndExpectation()
    {
        var config = TestHocon.Parse("buffers {\n  receive = lots\n}");

        var error = Assert.Throws<HoconValueException>(() => config.GetBytes("buffers.receive"));

        Assert.Equal("test.conf:2:13: buffers.receive: expected a size in bytes such as 512, 64KiB or 10MB, got \"lots\"", error.Message);
    }

    [Fact]
    public void AnyWholeNumberOfKibibytes_IsThatTimes1024()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), count =>
        {
            var config = TestHocon.Parse($"s = {count.ToString(CultureInfo.InvariantCulture)}KiB");
            return config.GetBytes("s") == count * 1024L;
        }).QuickCheckThrowOnFailure();
    }
}
