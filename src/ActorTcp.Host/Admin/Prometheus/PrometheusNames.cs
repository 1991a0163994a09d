using System.Text;

namespace ActorTcp.Host.Admin.Prometheus;

/// <summary>
/// Turns OpenTelemetry-style instrument names and units into Prometheus names, the way the OpenTelemetry
/// Prometheus exporter does: invalid characters become <c>_</c>, the unit is appended in words
/// (<c>s</c> → <c>_seconds</c>, <c>By</c> → <c>_bytes</c>; annotations such as <c>{connection}</c> are
/// dropped) unless the name already says it, and counters end in <c>_total</c>.
/// </summary>
internal static class PrometheusNames
{
    private static readonly Dictionary<string, string> _unitWords = new(StringComparer.Ordinal)
    {
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["us"] = "microseconds",
        ["ns"] = "nanoseconds",
        ["min"] = "minutes",
        ["h"] = "hours",
        ["By"] = "bytes",
        ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes",
        ["1"] = "ratio",
        ["%"] = "percent",
    };

    /// <summary>The exposed name of an instrument, e.g. <c>actortcp.connection.duration</c> in <c>s</c> → <c>actortcp_connection_duration_seconds</c>.</summary>
    public static string Metric(string instrument, string? unit, MetricKind kind)
    {
        var name = Sanitize(instrument, allowColon: true);
        if (unit is not null && _unitWords.TryGetValue(unit, out var word) && !name.Split('_').Contains(word))
        {
            name += "_" + word;
        }

        return kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    /// <summary>A tag name as a label name: <c>closed.first-by</c> → <c>closed_first_by</c>.</summary>
    public static string Label(string tag) => Sanitize(tag, allowColon: false);

    private static string Sanitize(string text, bool allowColon)
    {
        var name = new StringBuilder(text.Length + 1);
        foreach (var c in text)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            var next = valid ? c : '_';
            if (next != '_' || name.Length == 0 || name[^1] != '_')
            {
                name.Append(next);
            }
        }

        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            name.Insert(0, '_');
        }

        return name.ToString();
    }
}
