using System.Globalization;

namespace ActorTcp.Hocon.Typed;

/// <summary>
/// HOCON.md's "units format": optional whitespace, a number, optional whitespace, an optional unit made of
/// letters, optional whitespace. Numbers are read culture-invariantly as decimals, so that fractions such
/// as <c>0.5M</c> are exact.
/// </summary>
internal static class UnitFormat
{
    public static bool TrySplit(string text, out decimal number, out string unit)
    {
        var span = text.AsSpan().Trim();
        var unitStart = span.Length;
        while (unitStart > 0 && char.IsLetter(span[unitStart - 1]))
        {
            unitStart--;
        }

        unit = new string(span[unitStart..]);
        var digits = span[..unitStart].TrimEnd();
        number = 0;
        return digits.Length > 0
            && (char.IsAsciiDigit(digits[^1]) || digits[^1] == '.')
            && decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number);
    }

    public static bool TryScale(decimal number, decimal multiplier, out long result)
    {
        result = 0;
        try
        {
            var scaled = decimal.Truncate(number * multiplier);
            if (scaled < long.MinValue || scaled > long.MaxValue)
            {
                return false;
            }

            result = (long)scaled;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
