namespace ActorTcp.Hocon.Typed;

/// <summary>
/// Sizes in bytes as HOCON.md defines them: a bare number is bytes, <c>kB MB GB …</c> are powers of ten,
/// <c>K Ki KiB M Mi MiB …</c> (and lowercase single letters) are powers of two, with the long forms.
/// Sizes that do not fit a 64-bit count (such as <c>1YB</c>) are reported as out of range.
/// <see cref="HoconConfig.GetBytes"/> reads with it; so can anything that receives a size as text.
/// </summary>
/// <example>
/// <code>
/// ByteSizeFormat.TryParse("0.5M", out var bytes);       // Parsed, 524288
/// ByteSizeFormat.TryParse("1.5B", out bytes);           // Parsed, 1 (HOCON truncates)
/// ByteSizeFormat.TryParseWhole("1.5B", out bytes);      // NotWholeBytes
/// </code>
/// </example>
public static class ByteSizeFormat
{
    /// <summary>What a size looks like, for error messages: <c>expected a size in bytes such as 512, 64KiB or 10MB</c>.</summary>
    public const string Expectation = "expected a size in bytes such as 512, 64KiB or 10MB";

    /// <summary>The units a size may carry, for error messages.</summary>
    public const string Units = "B, kB, MB, GB… or K, KiB, M, MiB…";

    private static readonly Dictionary<string, decimal> _bytesPerUnit = BuildUnits();

    /// <summary>Reads <paramref name="text"/> as a size in bytes; a fraction of a byte is truncated, as HOCON.md says.</summary>
    /// <param name="text">A number with an optional unit.</param>
    /// <param name="bytes">The size when the result is <see cref="UnitParseResult.Parsed"/>.</param>
    /// <returns>Whether it was read, and if not, whether the number, the unit or the range was wrong.</returns>
    public static UnitParseResult TryParse(string text, out long bytes) => Parse(text, truncate: true, out bytes);

    /// <summary>
    /// Reads <paramref name="text"/> as a whole number of bytes: like <see cref="TryParse"/>, but a size with a
    /// fraction of a byte (<c>1.5</c>, <c>0.1KiB</c>) is <see cref="UnitParseResult.NotWholeBytes"/> rather than
    /// truncated, for settings where such a value can only be a mistake.
    /// </summary>
    /// <param name="text">A number with an optional unit.</param>
    /// <param name="bytes">The size when the result is <see cref="UnitParseResult.Parsed"/>.</param>
    /// <returns>Whether it was read, and if not, why.</returns>
    public static UnitParseResult TryParseWhole(string text, out long bytes) => Parse(text, truncate: false, out bytes);

    private static UnitParseResult Parse(string text, bool truncate, out long bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        if (!UnitFormat.TrySplit(text, out var number, out var unit))
        {
            return UnitParseResult.NotANumberWithUnit;
        }

        if (!_bytesPerUnit.TryGetValue(unit, out var perUnit))
        {
            return UnitParseResult.UnknownUnit;
        }

        if (!truncate && decimal.Truncate(number * perUnit) != number * perUnit)
        {
            return UnitParseResult.NotWholeBytes;
        }

        return UnitFormat.TryScale(number, perUnit, out bytes) ? UnitParseResult.Parsed : UnitParseResult.OutOfRange;
    }

    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [string.Empty] = 1m,
            ["B"] = 1m,
            ["b"] = 1m,
            ["byte"] = 1m,
            ["bytes"] = 1m,
        };
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        const string letters = "KMGTPEZY";
        decimal power10 = 1m, power2 = 1m;
        for (var i = 0; i < letters.Length; i++)
        {
            power10 *= 1000m;
            power2 *= 1024m;
            var letter = letters[i];
            var shortDecimal = (letter == 'K' ? "k" : letter.ToString()) + "B";
            units.Add(shortDecimal, power10);
            units.Add(decimalNames[i] + "byte", power10);
            units.Add(decimalNames[i] + "bytes", power10);
            units.Add(letter.ToString(), power2);
            units.Add(char.ToLowerInvariant(letter).ToString(), power2);
            units.Add(letter + "i", power2);
            units.Add(letter + "iB", power2);
            units.Add(binaryNames[i] + "byte", power2);
            units.Add(binaryNames[i] + "bytes", power2);
        }

        return units;
    }
}
