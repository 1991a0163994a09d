namespace ActorTcp.Hocon.Typed;

/// <summary>
/// Durations as HOCON.md defines them: a bare number is milliseconds, units are exactly <c>ns us ms s m h d</c>
/// and their long forms (lowercase only), fractions are allowed, and <c>infinite</c> is
/// <see cref="Timeout.InfiniteTimeSpan"/>. Nanoseconds are truncated to .NET's 100 ns ticks.
/// </summary>
internal static class DurationFormat
{
    public const string Expectation = "expected a duration such as 500ms, 30s or 5m";

    private static readonly Dictionary<string, decimal> _ticksPerUnit = BuildUnits();

    public static UnitParseResult TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.AsSpan().Trim().SequenceEqual("infinite"))
        {
            duration = Timeout.InfiniteTimeSpan;
            return UnitParseResult.Parsed;
        }

        if (!UnitFormat.TrySplit(text, out var number, out var unit))
        {
            return UnitParseResult.NotANumberWithUnit;
        }

        if (!_ticksPerUnit.TryGetValue(unit, out var perUnit))
        {
            return UnitParseResult.UnknownUnit;
        }

        if (!UnitFormat.TryScale(number, perUnit, out var ticks))
        {
            return UnitParseResult.OutOfRange;
        }

        duration = TimeSpan.FromTicks(ticks);
        return UnitParseResult.Parsed;
    }

    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        Add(units, TimeSpan.TicksPerMillisecond, string.Empty);
        Add(units, 0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(units, TimeSpan.TicksPerMicrosecond, "us", "micro", "micros", "microsecond", "microseconds");
        Add(units, TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(units, TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(units, TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(units, TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(units, TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }

    private static void Add(Dictionary<string, decimal> units, decimal ticks, params string[] names)
    {
        foreach (var name in names)
        {
            units.Add(name, ticks);
        }
    }
}
