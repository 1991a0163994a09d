namespace ActorTcp.Hocon.Typed;

/// <summary>
/// Durations as HOCON.md defines them: a bare number is milliseconds, units are exactly <c>ns us ms s m h d</c>
/// and their long forms (lowercase only), fractions are allowed, and <c>infinite</c> is
/// <see cref="Timeout.InfiniteTimeSpan"/>. Nanoseconds are truncated to .NET's 100 ns ticks.
/// <see cref="HoconConfig.GetDuration"/> reads with it; so can anything that receives a duration as text,
/// such as a binder of configuration keys.
/// </summary>
/// <example>
/// <code>
/// if (DurationFormat.TryParse("1.5 s", out var duration) == UnitParseResult.Parsed) { /* 00:00:01.5 */ }
/// </code>
/// </example>
public static class DurationFormat
{
    /// <summary>What a duration looks like, for error messages: <c>expected a duration such as 500ms, 30s or 5m</c>.</summary>
    public const string Expectation = "expected a duration such as 500ms, 30s or 5m";

    /// <summary>The units a duration may carry, for error messages.</summary>
    public const string Units = "ns, us, ms, s, m, h, d or their long forms";

    /// <summary>The word that reads as <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public const string Infinite = "infinite";

    private static readonly Dictionary<string, decimal> _ticksPerUnit = BuildUnits();

    /// <summary>Reads <paramref name="text"/> as a duration.</summary>
    /// <param name="text">A number with an optional unit, or <c>infinite</c>.</param>
    /// <param name="duration">The duration when the result is <see cref="UnitParseResult.Parsed"/>.</param>
    /// <returns>Whether it was read, and if not, whether the number, the unit or the range was wrong.</returns>
    public static UnitParseResult TryParse(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = default;
        if (text.AsSpan().Trim().SequenceEqual(Infinite))
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
