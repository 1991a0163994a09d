using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ActorTcp.Configuration;
using ActorTcp.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Host.Configuration;

/// <summary>
/// Writes the options as HOCON, every key with its effective value and, when it was not a default,
/// where it was written; the admin token is masked.
/// </summary>
internal static class ResolvedConfigurationWriter
{
    private const string Indent = "  ";

    /// <summary>The HOCON text of <paramref name="options"/>.</summary>
    public static string Write(ActorTcpOptions options, IConfigurationRoot configuration)
    {
        var text = new StringBuilder();
        text.AppendLine("# The configuration serve runs with; a comment says where a value was set (otherwise it is a default).");
        text.Append(ActorTcpOptions.Section).AppendLine(" {");
        WriteGroup(options, ActorTcpOptions.Section, 1, configuration, text);
        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>A duration in the largest HOCON unit that writes it exactly, e.g. <c>30s</c>, <c>5m</c>, <c>1500ms</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        (long Ticks, string Unit)[] units =
        [
            (TimeSpan.TicksPerDay, "d"), (TimeSpan.TicksPerHour, "h"), (TimeSpan.TicksPerMinute, "m"),
            (TimeSpan.TicksPerSecond, "s"), (TimeSpan.TicksPerMillisecond, "ms"), (TimeSpan.TicksPerMicrosecond, "us"),
        ];
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        foreach (var (ticks, unit) in units)
        {
            if (value.Ticks % ticks == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{value.Ticks / ticks}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value.Ticks * 100}ns");
    }

    private static void WriteGroup(object group, string groupKey, int depth, IConfigurationRoot configuration, StringBuilder text)
    {
        var indent = string.Concat(Enumerable.Repeat(Indent, depth));
        foreach (var property in group.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name is not { } name)
            {
                continue;
            }

            var key = groupKey + "." + name;
            var value = property.GetValue(group);
            if (value is not null && property.PropertyType.IsClass && property.PropertyType != typeof(string))
            {
                text.Append(indent).Append(name).AppendLine(" {");
                WriteGroup(value, key, depth + 1, configuration, text);
                text.Append(indent).AppendLine("}");
                continue;
            }

            var written = key == "actortcp.admin.token" && value is string { Length: > 0 } ? "\"***\"" : Hocon(value);
            text.Append(indent).Append(name).Append(" = ").Append(written);
            if (ConfigurationKeyOrigin.Find(configuration, key) is { } origin)
            {
                text.Append("  # ").Append(origin);
            }

            text.AppendLine();
        }
    }

    private static string Hocon(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "on" : "off",
        TimeSpan t => Duration(t),
        Enum e => Kebab(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value.ToString()),
    };

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
