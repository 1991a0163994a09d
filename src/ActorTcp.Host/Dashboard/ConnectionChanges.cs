namespace ActorTcp.Host.Dashboard;

/// <summary>What changed in a page's table since its last event: rows added or changed, and ids gone.</summary>
/// <param name="Upserted">Rows that are new or whose values changed.</param>
/// <param name="Removed">Ids of rows that are no longer listed (the connection closed).</param>
internal sealed record ConnectionChanges(IReadOnlyList<ConnectionRow> Upserted, IReadOnlyList<long> Removed);
