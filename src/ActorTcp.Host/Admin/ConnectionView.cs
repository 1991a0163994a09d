using ActorTcp.Connections;

namespace ActorTcp.Host.Admin;

/// <summary>One connection as the admin API shows it in JSON.</summary>
internal sealed record ConnectionView(
    long Id,
    string RemoteEndPoint,
    string LocalEndPoint,
    string State,
    DateTimeOffset OpenedAt,
    DateTimeOffset LastActivity,
    long BytesIn,
    long BytesOut,
    long FramesIn,
    long FramesOut,
    long WriteQueueBytes)
{
    /// <summary>The view of <paramref name="snapshot"/>.</summary>
    public static ConnectionView Of(ConnectionSnapshot snapshot) => new(
        snapshot.Id,
        snapshot.RemoteEndPoint.ToString(),
        snapshot.LocalEndPoint.ToString(),
        LifecycleStateNames.Of(snapshot.State),
        snapshot.OpenedAt,
        snapshot.LastActivity,
        snapshot.BytesIn,
        snapshot.BytesOut,
        snapshot.FramesIn,
        snapshot.FramesOut,
        snapshot.WriteQueueBytes);
}
