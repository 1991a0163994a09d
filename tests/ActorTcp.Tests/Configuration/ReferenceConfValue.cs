using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorTcp.Tests.Configuration;

/// <summary>Turns a reference.conf value into the CLR type of the options property it sets.</summary>
public static partial class ReferenceConfValue
{
    public static object? Convert(string value, Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null)
        {
            return value == "null" ? null : Convert(value, nullable);
        }

        if (type == typeof(string))
        {
            return value.Length >= 2 && value[0] == '"' && value[^1] == '"'
                ? value[1..^1]
                : throw new FormatException($"Strings are quoted: {value}");
        }

        if (type == typeof(bool))
        {
            return value switch
            {
                "on" or "true" or "yes" => true,
                "off" or "false" or "no" => false,
                _ => throw new FormatException($"Not a boolean: {value}"),
            };
        }

        if (type == typeof(int))
        {
            return Size(value);
        }

        if (type == typeof(TimeSpan))
        {
            return Duration(value);
        }

        if (type.IsEnum)
        {
            return Enum.Parse(type, value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true);
        }

        throw new NotSupportedException($"No reference.conf conversion for {type.Name}.");
    }

    private static int Size(string value)
    {
        var match = SizePattern().Match(value);
        if (!match.Success)
        {
            throw new FormatException($"Not a size: {value}");
        }

        var number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "" or "B" => number,
            "KiB" => number * 1024,
            "MiB" => number * 1024 * 1024,
            _ => throw new FormatException($"Unknown size unit in {value}"),
        };
    }

    private static TimeSpan Duration(string value)
    {
        var match = DurationPattern().Match(value);
        if (!match.Success)
        {
            throw new FormatException($"Not a duration with a unit: {value}");
        }

        var number = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "s" => TimeSpan.FromSeconds(number),
            "m" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            "d" => TimeSpan.FromDays(number),
            _ => throw new FormatException($"Unknown duration unit in {value}"),
        };
    }

    [GeneratedRegex(@"^(\d+)(B|KiB|MiB)?$")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^(\d+)(ms|s|m|h|d)$")]
    private static partial Regex DurationPattern();
}
