using ActorTcp.Host.Admin.Prometheus;
using ActorTcp.Host.Tests.Support;

namespace ActorTcp.Host.Tests;

public sealed class PrometheusTextWriterTests
{
    [Fact]
    public void CounterWithLabels_IsWrittenWithHelpTypeAndEscapedLabelValues()
    {
        // Arrange
        var family = new MetricFamily("actortcp_connections_closed_total", MetricKind.Counter, "Connections closed.\nBy reason.",
        [
            new MetricSeries([new("reason", "Drain"), new("closed_first_by", "Peer")], 100),
            new MetricSeries([new("reason", "a \"quoted\" back\\slash\nnewline"), new("closed_first_by", "Local")], 1),
        ]);

        // Act
        var text = Write(family);
        var parsed = PrometheusTextParser.Parse(text);

        // Assert
        Assert.Contains("# HELP actortcp_connections_closed_total Connections closed.\\nBy reason.\n", text, StringComparison.Ordinal);
        Assert.Contains("actortcp_connections_closed_total{reason=\"Drain\",closed_first_by=\"Peer\"} 100\n", text, StringComparison.Ordinal);
        var closed = parsed["actortcp_connections_closed_total"];
        Assert.Equal("counter", closed.Type);
        Assert.Equal("a \"quoted\" back\\slash\nnewline", closed.Samples[1].Labels["reason"]);
    }

    [Fact]
    public void Histogram_IsWrittenAsCumulativeBucketsEndingInInfThenSumAndCount()
    {
        // Arrange: 1 value up to 0.1, 2 up to 1, 1 above every bound.
        var family = new MetricFamily("actortcp_connection_duration_seconds", MetricKind.Histogram, "How long connections lived.",
        [
            new MetricSeries([], 0, new HistogramValue([0.1, 1], [1, 2, 1], Sum: 12.5, Count: 4)),
        ]);

        // Act
        var text = Write(family);
        var parsed = PrometheusTextParser.Parse(text);

        // Assert
        Assert.Equal(
            """
            # HELP actortcp_connection_duration_seconds How long connections lived.
            # TYPE actortcp_connection_duration_seconds histogram
            actortcp_connection_duration_seconds_bucket{le="0.1"} 1
            actortcp_connection_duration_seconds_bucket{le="1"} 3
            actortcp_connection_duration_seconds_bucket{le="+Inf"} 4
            actortcp_connection_duration_seconds_sum 12.5
            actortcp_connection_duration_seconds_count 4

            """.ReplaceLineEndings("\n"),
            text);
        Assert.Equal("histogram", parsed["actortcp_connection_duration_seconds"].Type);
    }

    [Fact]
    public void HistogramWithLabels_PutsLeAfterTheSeriesLabels()
    {
        // Arrange
        var family = new MetricFamily("latency_seconds", MetricKind.Histogram, "Latency.",
        [
            new MetricSeries([new("route", "/a")], 0, new HistogramValue([1], [0, 0], 0, 0)),
        ]);

        // Act
        var text = Write(family);

        // Assert
        Assert.Contains("latency_seconds_bucket{route=\"/a\",le=\"1\"} 0\n", text, StringComparison.Ordinal);
        PrometheusTextParser.Parse(text);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(42d, "42")]
    [InlineData(0.25, "0.25")]
    [InlineData(1e-7, "1E-07")]
    public void Number_IsWrittenAsTheFormatSpellsIt(double value, string expected) =>
        Assert.Equal(expected, PrometheusTextWriter.Number(value));

    [Theory]
    [InlineData("actortcp.connections.closed", "{connection}", "counter", "actortcp_connections_closed_total")]
    [InlineData("actortcp.connection.duration", "s", "histogram", "actortcp_connection_duration_seconds")]
    [InlineData("actortcp.bytes.received", "By", "counter", "actortcp_bytes_received_total")]
    [InlineData("actortcp.write_queue.bytes", "By", "gauge", "actortcp_write_queue_bytes")]
    [InlineData("actortcp.connections", "{connection}", "gauge", "actortcp_connections")]
    [InlineData("http.server-requests", null, "counter", "http_server_requests_total")]
    [InlineData("9lives", null, "gauge", "_9lives")]
    public void InstrumentName_BecomesAPrometheusName(string instrument, string? unit, string kind, string expected) =>
        Assert.Equal(expected, PrometheusNames.Metric(instrument, unit, Enum.Parse<MetricKind>(kind, ignoreCase: true)));

    private static string Write(params MetricFamily[] families)
    {
        using var text = new StringWriter();
        PrometheusTextWriter.Write(families, text);
        return text.ToString();
    }
}
