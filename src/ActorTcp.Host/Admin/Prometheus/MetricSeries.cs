namespace ActorTcp.Host.Admin.Prometheus;

/// <summary>One labelled series of a <see cref="MetricFamily"/>.</summary>
/// <param name="Labels">Label names and values, in the order they are written.</param>
/// <param name="Value">The counter's or gauge's value (unused for histograms).</param>
/// <param name="Histogram">The distribution, for histograms only.</param>
internal sealed record MetricSeries(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramValue? Histogram = null);
