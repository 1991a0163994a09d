using System.Diagnostics.Metrics;
using ActorTcp.Host.Admin.Prometheus;
using ActorTcp.Host.Tests.Support;

namespace ActorTcp.Host.Tests;

public sealed class MeterCollectorTests
{
    // Each test has a meter of its own, so tests running side by side never see each other's measurements.
    private readonly string _meterName = "ActorTcp.Host.Tests." + Guid.NewGuid().ToString("N");

    [Fact]
    public void CounterUpDownCounterAndHistogram_AreCollectedAsCounterGaugeAndHistogram()
    {
        // Arrange
        using var collector = new MeterCollector(_meterName);
        using var meter = new Meter(_meterName);
        var closed = meter.CreateCounter<long>("test.closed", "{connection}", "Closed.");
        var open = meter.CreateUpDownCounter<long>("test.open", "{connection}", "Open.");
        var duration = meter.CreateHistogram<double>("test.duration", "s", "Lifetime.");

        // Act
        closed.Add(2, new KeyValuePair<string, object?>("reason", "Drain"));
        closed.Add(1, new KeyValuePair<string, object?>("reason", "Drain"));
        closed.Add(1, new KeyValuePair<string, object?>("reason", "PeerClosed"));
        open.Add(5);
        open.Add(-2);
        duration.Record(0.002);
        duration.Record(2);
        var families = collector.Collect().ToDictionary(f => f.Name);

        // Assert
        var closedFamily = families["test_closed_total"];
        Assert.Equal(MetricKind.Counter, closedFamily.Kind);
        Assert.Equal(3, closedFamily.Series.Single(s => s.Labels[0].Value == "Drain").Value);
        Assert.Equal(1, closedFamily.Series.Single(s => s.Labels[0].Value == "PeerClosed").Value);
        Assert.Equal(3, families["test_open"].Series.Single().Value);
        var histogram = families["test_duration_seconds"].Series.Single().Histogram!;
        Assert.Equal(2, histogram.Count);
        Assert.Equal(2.002, histogram.Sum, precision: 9);
        Assert.Equal(1, histogram.BucketCounts[histogram.UpperBounds.ToList().IndexOf(0.005)]);
        Assert.Equal(1, histogram.BucketCounts[histogram.UpperBounds.ToList().IndexOf(5)]);
    }

    [Fact]
    public void ZeroSeries_ListEveryStateBeforeItIsMeasured_AndGiveWayToMeasuredOnes()
    {
        // Arrange
        using var collector = new MeterCollector(_meterName).WithZeroSeries("test.connections", "state", ["Established", "Closing"]);
        using var meter = new Meter(_meterName);
        var connections = meter.CreateUpDownCounter<long>("test.connections");

        // Act
        connections.Add(1, new KeyValuePair<string, object?>("state", "Established"));
        var series = collector.Collect().Single().Series;

        // Assert
        Assert.Equal(2, series.Count);
        Assert.Equal(1, series.Single(s => s.Labels[0].Value == "Established").Value);
        Assert.Equal(0, series.Single(s => s.Labels[0].Value == "Closing").Value);
    }

    [Fact]
    public void ObservableGauge_IsReadAtEachCollect()
    {
        // Arrange
        using var collector = new MeterCollector(_meterName);
        using var meter = new Meter(_meterName);
        var reading = 7;
        meter.CreateObservableGauge("test.queue", () => reading);

        // Act
        var first = collector.Collect().Single().Series.Single().Value;
        reading = 9;
        var second = collector.Collect().Single().Series.Single().Value;

        // Assert
        Assert.Equal(7, first);
        Assert.Equal(9, second);
    }

    [Fact]
    public void OtherMeters_AreNotCollected()
    {
        // Arrange
        using var collector = new MeterCollector(_meterName);
        using var other = new Meter(_meterName + ".other");

        // Act
        other.CreateCounter<long>("test.other").Add(1);

        // Assert
        Assert.Empty(collector.Collect());
    }

    [Fact]
    public void CollectedFamilies_ParseAsPrometheusText()
    {
        // Arrange
        using var collector = new MeterCollector(_meterName);
        using var meter = new Meter(_meterName);
        meter.CreateCounter<long>("test.closed").Add(1, new KeyValuePair<string, object?>("closed.first-by", "Peer"));
        meter.CreateHistogram<double>("test.dwell", "s").Record(0.5, new KeyValuePair<string, object?>("reason", "x"));

        // Act
        using var text = new StringWriter();
        PrometheusTextWriter.Write(collector.Collect(), text);
        var parsed = PrometheusTextParser.Parse(text.ToString());

        // Assert
        Assert.Equal("Peer", parsed["test_closed_total"].Samples.Single().Labels["closed_first_by"]);
        Assert.Equal("histogram", parsed["test_dwell_seconds"].Type);
    }
}
