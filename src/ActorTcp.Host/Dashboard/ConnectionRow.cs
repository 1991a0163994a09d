using ActorTcp.Connections;

namespace ActorTcp.Host.Dashboard;

/// <summary>One connection as a row of the dashboard's table; a row is sent again whenever any of its values changed.</summary>
/// <param name="Id">The connection's id.</param>
/// <param name="Remote">The peer's address and port.</param>
/// <param name="State">The lifecycle state's name.</param>
/// <param name="OpenedAt">When it was accepted; the page shows the age against the sample's time.</param>
/// <param name="LastActivity">When bytes last went in or out; the page shows the idle time from it.</param>
/// <param name="BytesIn">Bytes received.</param>
/// <param name="BytesOut">Bytes sent.</param>
/// <param name="WriteQueueBytes">Bytes waiting in the write queue.</param>
internal sealed record ConnectionRow(
    long Id,
    string Remote,
    string State,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastActivity,
    long BytesIn,
    long BytesOut,
    long WriteQueueBytes)
{
    public static ConnectionRow From(ConnectionSnapshot snapshot) => new(
        snapshot.Id,
        snapshot.RemoteEndPoint.ToString(),
        snapshot.State.ToString(),
        snapshot.OpenedAt,
        snapshot.LastActivity,
        snapshot.BytesIn,
        snapshot.BytesOut,
        snapshot.WriteQueueBytes);
}
