namespace ActorTcp.Host.Admin.Prometheus;

/// <summary>One metric as Prometheus exposes it: a name, a type, a help line and its labelled series.</summary>
/// <param name="Name">The exposed name, e.g. <c>actortcp_connections_closed_total</c>.</param>
/// <param name="Kind">The type.</param>
/// <param name="Help">One line of meaning.</param>
/// <param name="Series">One entry per distinct label set.</param>
internal sealed record MetricFamily(string Name, MetricKind Kind, string Help, IReadOnlyList<MetricSeries> Series);
