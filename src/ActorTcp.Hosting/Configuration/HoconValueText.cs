using System.Globalization;

namespace ActorTcp.Hosting.Configuration;

/// <summary>
/// Reads configuration strings the way HOCON writes values: durations and sizes with units, booleans
/// as true/false/yes/no/on/off, enums in kebab-case. Configuration providers hand every value over as
/// text, so these rules apply equally to HOCON files, environment variables and the command line.
/// </summary>
internal static class HoconValueText
{
    public const string DurationExpectation = "expected a duration such as 500ms, 30s or 5m";
    public const string SizeExpectation = "expected a whole number or a size such as 512, 64KiB or 10MB";
    public const string BooleanExpectation = "expected one of true, false, yes, no, on, off";

    private static readonly Dictionary<string, decimal> _ticksPerDurationUnit = BuildDurationUnits();
    private static readonly Dictionary<string, decimal> _bytesPerSizeUnit = BuildSizeUnits();

    /// <summary>A bare number is milliseconds, as in HOCON.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (!TryScale(text, _ticksPerDurationUnit, "ms", out var ticks)
            || ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)decimal.Round(ticks));
        return true;
    }

    /// <summary>A bare number is a plain count (bytes for a size); the result must be whole and fit an int.</summary>
    public static bool TryParseSize(string text, out int value)
    {
        value = 0;
        if (!TryScale(text, _bytesPerSizeUnit, string.Empty, out var bytes)
            || bytes != decimal.Truncate(bytes) || bytes < int.MinValue || bytes > int.MaxValue)
        {
            return false;
        }

        value = (int)bytes;
        return true;
    }

    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE" or "YES" or "ON":
                value = true;
                return true;
            case "FALSE" or "NO" or "OFF":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Matches <c>length-prefixed</c> (and, for environment variables, <c>LengthPrefixed</c>) to the member name.</summary>
    public static bool TryParseEnum(Type enumType, string text, out object? value)
    {
        var wanted = text.Trim().Replace("-", string.Empty, StringComparison.Ordinal);
        var name = Enum.GetNames(enumType).FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
        value = name is null ? null : Enum.Parse(enumType, name);
        return name is not null;
    }

    /// <summary>The kebab-case names HOCON uses for <paramref name="enumType"/>'s members, e.g. <c>line, length-prefixed, raw</c>.</summary>
    public static string EnumExpectation(Type enumType) =>
        "expected one of " + string.Join(", ", Enum.GetNames(enumType).Select(Kebab));

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static bool TryScale(string text, Dictionary<string, decimal> perUnit, string bareUnit, out decimal scaled)
    {
        scaled = 0;
        var trimmed = text.Trim();
        var split = 0;
        while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] is '.' or '-' or '+'))
        {
            split++;
        }

        var unit = trimmed[split..].Trim();
        if (split == 0
            || !decimal.TryParse(trimmed.AsSpan(0, split), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || !perUnit.TryGetValue(unit.Length == 0 ? bareUnit : unit, out var factor))
        {
            return false;
        }

        try
        {
            scaled = number * factor;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static Dictionary<string, decimal> BuildDurationUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (var name in names)
            {
                units.Add(name, ticks);
            }
        }

        Add(0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }

    private static Dictionary<string, decimal> BuildSizeUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [string.Empty] = 1m,
            ["B"] = 1m,
            ["b"] = 1m,
            ["byte"] = 1m,
            ["bytes"] = 1m,
        };
        string[] decimalNames = ["kilo", "mega", "giga"];
        string[] binaryNames = ["kibi", "mebi", "gibi"];
        const string letters = "KMG";
        decimal power10 = 1m, power2 = 1m;
        for (var i = 0; i < letters.Length; i++)
        {
            power10 *= 1000m;
            power2 *= 1024m;
            var letter = letters[i].ToString();
            units.Add((i == 0 ? "k" : letter) + "B", power10);
            units.Add(decimalNames[i] + "byte", power10);
            units.Add(decimalNames[i] + "bytes", power10);
            units.Add(letter, power2);
            units.Add(letter.ToLowerInvariant(), power2);
            units.Add(letter + "i", power2);
            units.Add(letter + "iB", power2);
            units.Add(binaryNames[i] + "byte", power2);
            units.Add(binaryNames[i] + "bytes", power2);
        }

        return units;
    }
}
