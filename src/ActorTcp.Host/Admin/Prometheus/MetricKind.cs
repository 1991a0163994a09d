namespace ActorTcp.Host.Admin.Prometheus;

/// <summary>The Prometheus metric types the exposition uses.</summary>
internal enum MetricKind
{
    /// <summary>Only goes up (a <c>Counter</c> or <c>ObservableCounter</c>); exposed with <c>_total</c>.</summary>
    Counter,

    /// <summary>Goes up and down (an <c>UpDownCounter</c> or a gauge).</summary>
    Gauge,

    /// <summary>A distribution in cumulative buckets, with a sum and a count.</summary>
    Histogram,
}
