using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ActorTcp.Host.Admin.Prometheus;

/// <summary>
/// Listens to every instrument of one meter (by name) and keeps what Prometheus scrapes: counter totals,
/// gauge values (an <c>UpDownCounter</c> is a gauge of its running sum) and histogram buckets, one
/// series per distinct tag set, tags becoming labels. Observable instruments are read at each scrape.
/// </summary>
/// <example>
/// <code>
/// using var collector = new MeterCollector("ActorTcp");
/// PrometheusTextWriter.Write(collector.Collect(), Console.Out);
/// </code>
/// </example>
internal sealed class MeterCollector : IDisposable
{
    /// <summary>Histogram bounds when an instrument advises none: seconds from a millisecond to a day, for lifetimes and dwell times.</summary>
    public static readonly IReadOnlyList<double> DefaultBounds =
        [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600, 14400, 86400];

    private readonly string _meterName;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, InstrumentAggregate> _instruments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Tag, string[] Values)> _zeroSeries = new(StringComparer.Ordinal);

    /// <summary>Starts listening to the meter named <paramref name="meterName"/>, including instruments created later.</summary>
    public MeterCollector(string meterName)
    {
        _meterName = meterName;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>((instrument, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>
    /// Makes instrument <paramref name="instrument"/> show a zero series for each of <paramref name="values"/>
    /// of tag <paramref name="tag"/> until it has measured one, so a scrape lists every connection state
    /// from the start rather than only those seen so far.
    /// </summary>
    public MeterCollector WithZeroSeries(string instrument, string tag, IEnumerable<string> values)
    {
        lock (_zeroSeries)
        {
            _zeroSeries[instrument] = (tag, values.ToArray());
        }

        return this;
    }

    /// <summary>The current state of every instrument seen so far, ordered by name.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        _listener.RecordObservableInstruments();
        return _instruments
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => entry.Value.Snapshot(ZeroSeriesOf(entry.Key)))
            .ToList();
    }

    public void Dispose() => _listener.Dispose();

    private (string Tag, string[] Values)? ZeroSeriesOf(string instrument)
    {
        lock (_zeroSeries)
        {
            return _zeroSeries.TryGetValue(instrument, out var series) ? series : null;
        }
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (instrument.Meter.Name != _meterName)
        {
            return;
        }

        // A server started again makes its instruments anew: they carry on the series of the same name.
        var aggregate = _instruments.GetOrAdd(instrument.Name, _ => InstrumentAggregate.For(instrument, DefaultBounds));
        listener.EnableMeasurementEvents(instrument, aggregate);
    }
}
