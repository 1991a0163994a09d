namespace ActorTcp.Host.Dashboard;

/// <summary>
/// The rows one page has been sent, so each event carries only what changed: a page watching a
/// quiet server of thousands of connections receives a few bytes a second, not the whole table.
/// </summary>
internal sealed class ShownConnections
{
    private Dictionary<long, ConnectionRow> _shown = [];

    /// <summary>Records <paramref name="current"/> as what the page shows and returns how it differs from what it showed.</summary>
    public ConnectionChanges Update(IReadOnlyList<ConnectionRow> current)
    {
        var next = new Dictionary<long, ConnectionRow>(current.Count);
        var upserted = new List<ConnectionRow>();
        foreach (var row in current)
        {
            next[row.Id] = row;
            if (!_shown.TryGetValue(row.Id, out var before) || before != row)
            {
                upserted.Add(row);
            }
        }

        var removed = _shown.Keys.Where(id => !next.ContainsKey(id)).Order().ToList();
        _shown = next;
        return new ConnectionChanges(upserted, removed);
    }
}
