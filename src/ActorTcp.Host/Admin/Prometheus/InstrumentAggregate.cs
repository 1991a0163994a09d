using System.Diagnostics.Metrics;
using System.Globalization;

namespace ActorTcp.Host.Admin.Prometheus;

/// <summary>
/// The running state of one instrument: per tag set, a sum (counters, up-down counters), a last value
/// (gauges, observable instruments, which report totals) or histogram buckets.
/// </summary>
internal sealed class InstrumentAggregate
{
    private readonly string _name;
    private readonly string _help;
    private readonly MetricKind _kind;
    private readonly bool _reportsTotals;
    private readonly double[] _bounds;
    private readonly Dictionary<string, SeriesState> _series = new(StringComparer.Ordinal);

    private InstrumentAggregate(string name, string help, MetricKind kind, bool reportsTotals, double[] bounds)
    {
        _name = name;
        _help = help;
        _kind = kind;
        _reportsTotals = reportsTotals;
        _bounds = bounds;
    }

    /// <summary>The aggregate for <paramref name="instrument"/>, with <paramref name="defaultBounds"/> unless it advises its own.</summary>
    public static InstrumentAggregate For(Instrument instrument, IReadOnlyList<double> defaultBounds)
    {
        var definition = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : instrument.GetType();
        var (kind, reportsTotals) = definition switch
        {
            _ when definition == typeof(Counter<>) => (MetricKind.Counter, false),
            _ when definition == typeof(ObservableCounter<>) => (MetricKind.Counter, true),
            _ when definition == typeof(UpDownCounter<>) => (MetricKind.Gauge, false),
            _ when definition == typeof(Histogram<>) => (MetricKind.Histogram, false),
            _ => (MetricKind.Gauge, true),
        };
        var bounds = instrument switch
        {
            Histogram<double> { Advice.HistogramBucketBoundaries: { } advised } => advised.ToArray(),
            Histogram<long> { Advice.HistogramBucketBoundaries: { } advised } => advised.Select(b => (double)b).ToArray(),
            _ => defaultBounds.ToArray(),
        };
        var help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;
        return new InstrumentAggregate(PrometheusNames.Metric(instrument.Name, instrument.Unit, kind), help, kind, reportsTotals, bounds);
    }

    /// <summary>Adds one measurement.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = labels.Length == 0 ? string.Empty : string.Join('\u0001', labels.Select(l => l.Key + "=" + l.Value));
        lock (_series)
        {
            if (!_series.TryGetValue(key, out var series))
            {
                series = new SeriesState(labels, _kind == MetricKind.Histogram ? new long[_bounds.Length + 1] : null);
                _series.Add(key, series);
            }

            if (_kind == MetricKind.Histogram)
            {
                var bucket = Array.BinarySearch(_bounds, value);
                series.Buckets![bucket >= 0 ? bucket : ~bucket]++;
                series.Sum += value;
                series.Count++;
            }
            else if (_reportsTotals)
            {
                series.Value = value;
            }
            else
            {
                series.Value += value;
            }
        }
    }

    /// <summary>The family as it stands, with a zero series for each value of <paramref name="zeroSeries"/> not yet measured.</summary>
    public MetricFamily Snapshot((string Tag, string[] Values)? zeroSeries)
    {
        var series = new List<MetricSeries>();
        lock (_series)
        {
            foreach (var state in _series.Values)
            {
                series.Add(new MetricSeries(
                    state.Labels,
                    state.Value,
                    state.Buckets is null ? null : new HistogramValue(_bounds, state.Buckets.ToArray(), state.Sum, state.Count)));
            }
        }

        if (zeroSeries is var (tag, values))
        {
            var label = PrometheusNames.Label(tag);
            foreach (var value in values)
            {
                if (!series.Any(s => s.Labels.Count == 1 && s.Labels[0].Key == label && s.Labels[0].Value == value))
                {
                    series.Add(new MetricSeries([new(label, value)], 0));
                }
            }
        }

        return new MetricFamily(_name, _kind, _help, series);
    }

    private static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return [];
        }

        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new(PrometheusNames.Label(tags[i].Key), Convert.ToString(tags[i].Value, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return labels;
    }

    private sealed class SeriesState(KeyValuePair<string, string>[] labels, long[]? buckets)
    {
        public KeyValuePair<string, string>[] Labels { get; } = labels;

        public long[]? Buckets { get; } = buckets;

        public double Value { get; set; }

        public double Sum { get; set; }

        public long Count { get; set; }
    }
}
