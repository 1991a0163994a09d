using System.Globalization;

namespace ActorTcp.Host.Admin.Prometheus;

/// <summary>
/// Writes metric families in the Prometheus text exposition format (version 0.0.4): a <c># HELP</c> and
/// a <c># TYPE</c> line per family, then one sample per line; histograms as cumulative
/// <c>_bucket{le="..."}</c> samples ending in <c>le="+Inf"</c>, then <c>_sum</c> and <c>_count</c>.
/// </summary>
/// <example>
/// <code>
/// # HELP actortcp_connections_closed_total Connections closed, by reason and by the side that closed first.
/// # TYPE actortcp_connections_closed_total counter
/// actortcp_connections_closed_total{reason="Drain",closed_first_by="Peer"} 100
/// </code>
/// </example>
internal static class PrometheusTextWriter
{
    /// <summary>The content type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Writes every family to <paramref name="output"/>.</summary>
    public static void Write(IEnumerable<MetricFamily> families, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var family in families)
        {
            output.Write("# HELP ");
            output.Write(family.Name);
            output.Write(' ');
            output.Write(EscapeHelp(family.Help));
            output.Write('\n');
            output.Write("# TYPE ");
            output.Write(family.Name);
            output.Write(' ');
            output.Write(family.Kind switch
            {
                MetricKind.Counter => "counter",
                MetricKind.Gauge => "gauge",
                _ => "histogram",
            });
            output.Write('\n');
            foreach (var series in family.Series)
            {
                if (family.Kind == MetricKind.Histogram && series.Histogram is { } histogram)
                {
                    WriteHistogram(family.Name, series.Labels, histogram, output);
                }
                else
                {
                    WriteSample(output, family.Name, series.Labels, null, Number(series.Value));
                }
            }
        }
    }

    /// <summary>A sample value: integers without a fraction, <c>+Inf</c>, <c>-Inf</c> and <c>NaN</c> as the format spells them.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Escapes a label value: backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static void WriteHistogram(string name, IReadOnlyList<KeyValuePair<string, string>> labels, HistogramValue histogram, TextWriter output)
    {
        long cumulative = 0;
        for (var i = 0; i < histogram.UpperBounds.Count; i++)
        {
            cumulative += histogram.BucketCounts[i];
            WriteSample(output, name + "_bucket", labels, Number(histogram.UpperBounds[i]), cumulative.ToString(CultureInfo.InvariantCulture));
        }

        WriteSample(output, name + "_bucket", labels, "+Inf", histogram.Count.ToString(CultureInfo.InvariantCulture));
        WriteSample(output, name + "_sum", labels, null, Number(histogram.Sum));
        WriteSample(output, name + "_count", labels, null, histogram.Count.ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteSample(TextWriter output, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, string value)
    {
        output.Write(name);
        if (labels.Count > 0 || le is not null)
        {
            output.Write('{');
            var first = true;
            foreach (var (label, text) in labels)
            {
                WriteLabel(output, ref first, label, text);
            }

            if (le is not null)
            {
                WriteLabel(output, ref first, "le", le);
            }

            output.Write('}');
        }

        output.Write(' ');
        output.Write(value);
        output.Write('\n');
    }

    private static void WriteLabel(TextWriter output, ref bool first, string name, string value)
    {
        if (!first)
        {
            output.Write(',');
        }

        first = false;
        output.Write(name);
        output.Write("=\"");
        output.Write(EscapeLabelValue(value));
        output.Write('"');
    }
}
