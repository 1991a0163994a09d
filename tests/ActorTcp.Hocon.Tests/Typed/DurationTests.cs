using System.Globalization;
using ActorTcp.Hocon.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace ActorTcp.Hocon.Tests.Typed;

public sealed class DurationTests
{
    public static TheoryData<string, long> Units => new()
    {
        { "1ns", 0 },
        { "1000 nanoseconds", 10 },
        { "3us", 30 },
        { "2 micros", 20 },
        { "5ms", 5 * TimeSpan.TicksPerMillisecond },
        { "5 milli", 5 * TimeSpan.TicksPerMillisecond },
        { "7 milliseconds", 7 * TimeSpan.TicksPerMillisecond },
        { "30s", 30 * TimeSpan.TicksPerSecond },
        { "1 second", TimeSpan.TicksPerSecond },
        { "5m", 5 * TimeSpan.TicksPerMinute },
        { "2 minutes", 2 * TimeSpan.TicksPerMinute },
        { "1h", TimeSpan.TicksPerHour },
        { "3 hours", 3 * TimeSpan.TicksPerHour },
        { "2d", 2 * TimeSpan.TicksPerDay },
        { "1 day", TimeSpan.TicksPerDay },
        { "0.5s", TimeSpan.TicksPerSecond / 2 },
        { "1.5 h", 90 * TimeSpan.TicksPerMinute },
        { "  250  ", 250 * TimeSpan.TicksPerMillisecond },
        { "-1s", -TimeSpan.TicksPerSecond },
        { "+2s", 2 * TimeSpan.TicksPerSecond },
    };

    [Theory]
    [MemberData(nameof(Units))]
    public void DurationUnits_ReadAsHoconDefinesThem(string written, long expectedTicks)
    {
        var config = TestHocon.Parse($"d = \"{written}\"");

        var duration = config.GetDuration("d");

        Assert.Equal(TimeSpan.FromTicks(expectedTicks), duration);
    }

    [Fact]
    public void BareNumber_IsMilliseconds()
    {
        var config = TestHocon.Parse("a = 1500\nb = 2.5");

        Assert.Equal(TimeSpan.FromMilliseconds(1500), config.GetDuration("a"));
        Assert.Equal(TimeSpan.FromTicks(25_000), config.GetDuration("b"));
    }

    [Fact]
    public void Infinite_IsTheInfiniteTimeSpan()
    {
        var config = TestHocon.Parse("a = infinite");

        Assert.Equal(Timeout.InfiniteTimeSpan, config.GetDuration("a"));
    }

    [Theory]
    [InlineData("5 S")]
    [InlineData("5 MS")]
    [InlineData("5 sec")]
    [InlineData("5 weeks")]
    public void UnitsOutsideTheList_AreRejected(string written)
    {
        var config = TestHocon.Parse($"d = \"{written}\"");

        var error = Assert.Throws<HoconValueException>(() => config.GetDuration("d"));

        Assert.Contains("units: ns, us, ms, s, m, h, d", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDuration_NamesFileLineColumnKeyAndExpectation()
    {
        var config = HoconConfig.Parse("actortcp {\n  heartbeat {\n    interval = banana\n  }\n}", new HoconParseOptions { SourceName = "actortcp.conf" });

        var error = Assert.Throws<HoconValueException>(() => config.GetDuration("actortcp.heartbeat.interval"));

        Assert.Equal("actortcp.conf:3:16: actortcp.heartbeat.interval: expected a duration such as 500ms, 30s or 5m, got \"banana\"", error.Message);
    }

    [Fact]
    public void DurationRead_IsCultureInvariant()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // A culture that writes one and a half as "1,5" (the invariant-globalization build has no de-DE).
            var commaDecimal = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            commaDecimal.NumberFormat.NumberDecimalSeparator = ",";
            commaDecimal.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = commaDecimal;
            var config = TestHocon.Parse("a = 1.5s");

            Assert.Equal(TimeSpan.FromMilliseconds(1500), config.GetDuration("a"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void AnyWholeNumberOfAnyUnit_ReadsAsThatManyUnits()
    {
        var units = new (string Name, long Ticks)[]
        {
            ("us", TimeSpan.TicksPerMicrosecond), ("ms", TimeSpan.TicksPerMillisecond), ("s", TimeSpan.TicksPerSecond),
            ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour), ("d", TimeSpan.TicksPerDay),
        };
        var cases = Gen.Zip(Gen.Choose(0, 100_000), Gen.Elements(units)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var (count, unit) = c;
            var config = TestHocon.Parse($"d = {count.ToString(CultureInfo.InvariantCulture)} {unit.Name}");
            return config.GetDuration("d") == TimeSpan.FromTicks(count * unit.Ticks);
        }).QuickCheckThrowOnFailure();
    }
}
