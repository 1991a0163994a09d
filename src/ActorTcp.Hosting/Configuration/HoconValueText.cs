using System.Globalization;
using ActorTcp.Hocon.Typed;

namespace ActorTcp.Hosting.Configuration;

/// <summary>
/// Reads configuration strings the way HOCON writes values: durations and sizes with HOCON's units
/// (the formats of ActorTcp.Hocon, so a value reads the same in a file and in an environment variable),
/// booleans as true/false/yes/no/on/off, enums in kebab-case. Two edges are decided for options
/// rather than taken from HOCON: <c>infinite</c> is refused because every ActorTcp wait is bounded,
/// and a size must be a whole number of bytes because a fraction of one can only be a mistake.
/// </summary>
internal static class HoconValueText
{
    public const string DurationExpectation = DurationFormat.Expectation;
    public const string SizeExpectation = "expected a whole number or a size such as 512, 64KiB or 10MB";
    public const string BooleanExpectation = "expected one of true, false, yes, no, on, off";
    public const string NumberExpectation = "expected a number such as 0.1";

    public static bool TryParseDuration(string text, out TimeSpan duration, out string? problem)
    {
        problem = null;
        var result = DurationFormat.TryParse(text, out duration);
        if (result == UnitParseResult.Parsed && duration == Timeout.InfiniteTimeSpan)
        {
            problem = "every ActorTcp timeout is finite (turn a check off with its own setting instead); " + DurationExpectation;
            return false;
        }

        problem = result switch
        {
            UnitParseResult.Parsed => null,
            UnitParseResult.UnknownUnit => DurationExpectation + " (units: " + DurationFormat.Units + ")",
            UnitParseResult.OutOfRange => DurationExpectation + " that fits a TimeSpan",
            _ => DurationExpectation,
        };
        return problem is null;
    }

    /// <summary>A bare number is a plain count (bytes for a size); the result must be whole and fit an int.</summary>
    public static bool TryParseSize(string text, out int value, out string? problem)
    {
        value = 0;
        problem = ByteSizeFormat.TryParseWhole(text, out var bytes) switch
        {
            UnitParseResult.Parsed when bytes is < int.MinValue or > int.MaxValue => SizeExpectation + " of at most 2GiB - 1 (2147483647)",
            UnitParseResult.Parsed => null,
            UnitParseResult.UnknownUnit => SizeExpectation + " (units: " + ByteSizeFormat.Units + ")",
            UnitParseResult.NotWholeBytes => "expected a size that is a whole number of bytes, such as 512, 64KiB or 10MB",
            _ => SizeExpectation,
        };
        if (problem is null)
        {
            value = (int)bytes;
        }

        return problem is null;
    }

    /// <summary>A plain decimal number (a share or a ratio); NaN and the infinities are not numbers here.</summary>
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

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
}
