using System.Globalization;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Typed;

/// <summary>
/// The automatic conversions HOCON.md recommends when an application asks for a type: numbers and booleans
/// read as strings, strings read as numbers or booleans (<c>true yes on false no off</c>), and objects with
/// numeric keys read as lists. Null, objects and lists never convert to anything else.
/// </summary>
internal static class ValueConversions
{
    public static string? AsString(HoconValue value) => value is HoconObject or HoconArray or HoconNull ? null : value.ConcatenationText;

    public static bool TryGetLong(HoconValue value, out long result)
    {
        result = 0;
        var text = NumberText(value);
        if (text is null)
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result))
        {
            return true;
        }

        if (TryParseDouble(text, out var number) && Math.Floor(number) == number && number >= long.MinValue && number < long.MaxValue)
        {
            result = (long)number;
            return true;
        }

        return false;
    }

    public static bool TryGetDouble(HoconValue value, out double result)
    {
        result = 0;
        var text = NumberText(value);
        return text is not null && TryParseDouble(text, out result);
    }

    public static bool TryGetBoolean(HoconValue value, out bool result)
    {
        switch (value)
        {
            case HoconBoolean boolean:
                result = boolean.Value;
                return true;
            case HoconString { Value: "true" or "yes" or "on" }:
                result = true;
                return true;
            case HoconString { Value: "false" or "no" or "off" }:
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    /// <summary>Reads a list, or an object whose keys are non-negative integers as the list of its values in key order.</summary>
    public static IReadOnlyList<HoconValue>? AsList(HoconValue value)
    {
        if (value is HoconArray array)
        {
            return array;
        }

        if (value is not HoconObject obj)
        {
            return null;
        }

        var indexed = new List<KeyValuePair<int, HoconValue>>();
        foreach (var field in obj)
        {
            if (int.TryParse(field.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexed.Add(new KeyValuePair<int, HoconValue>(index, field.Value));
            }
        }

        if (indexed.Count == 0)
        {
            return null;
        }

        indexed.Sort((x, y) => x.Key.CompareTo(y.Key));
        var items = new HoconValue[indexed.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = indexed[i].Value;
        }

        return items;
    }

    private static string? NumberText(HoconValue value) => value switch
    {
        HoconNumber number => number.Text,
        HoconString text => text.Value.Trim(),
        _ => null,
    };

    private static bool TryParseDouble(string text, out double result) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out result)
        && double.IsFinite(result);
}
