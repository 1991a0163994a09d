using System.Globalization;

namespace ActorTcp.Load.Cli;

/// <summary>Durations written the HOCON way: <c>500ms</c>, <c>30s</c>, <c>2m</c>.</summary>
internal static class Duration
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    public static TimeSpan Parse(string text)
    {
        if (text.EndsWith("ms", StringComparison.Ordinal))
        {
            return TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture));
        }

        if (text.EndsWith('s'))
        {
            return TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture));
        }

        if (text.EndsWith('m'))
        {
            return TimeSpan.FromMinutes(double.Parse(text[..^1], CultureInfo.InvariantCulture));
        }

        throw new FormatException($"'{text}' is not a duration such as 500ms, 30s or 2m");
    }
}
