namespace ActorTcp.Hocon.Typed;

/// <summary>
/// Sizes in bytes as HOCON.md defines them: a bare number is bytes, <c>kB MB GB …</c> are powers of ten,
/// <c>K Ki KiB M Mi MiB …</c> (and lowercase single letters) are powers of two, with the long forms.
/// Sizes that do not fit a 64-bit count (such as <c>1YB</c>) are reported as out of range.
/// </summary>
internal static class ByteSizeFormat
{
    public const string Expectation = "expected a size in bytes such as 512, 64KiB or 10MB";

    private static readonly Dictionary<string, decimal> _bytesPerUnit = BuildUnits();

    public static UnitParseResult TryParse(string text, out long bytes)
    {
        bytes = 0;
        if (!UnitFormat.TrySplit(text, out var number, out var unit))
        {
            return UnitParseResult.NotANumberWithUnit;
        }

        if (!_bytesPerUnit.TryGetValue(unit, out var perUnit))
        {
            return UnitParseResult.UnknownUnit;
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
