namespace ActorTcp.Host.Dashboard;

/// <summary>The event sent each tick: the new sample and the connection changes since the page's previous event.</summary>
/// <param name="Sample">Counts by state, rates, closes and heartbeats.</param>
/// <param name="Upserted">Connections that opened or whose figures changed.</param>
/// <param name="Removed">Ids of connections that closed (or left the listed rows).</param>
internal sealed record DashboardUpdate(DashboardSample Sample, IReadOnlyList<ConnectionRow> Upserted, IReadOnlyList<long> Removed);
