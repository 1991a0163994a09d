namespace ActorTcp.Host.Dashboard;

/// <summary>What the sampler publishes each tick: the sample and the table's rows at that moment.</summary>
/// <param name="Sample">The counts and rates.</param>
/// <param name="Rows">The listed connections, ordered by id.</param>
internal sealed record DashboardTick(DashboardSample Sample, IReadOnlyList<ConnectionRow> Rows);
