namespace ActorTcp.Host.Dashboard;

/// <summary>The cumulative counts read from the <c>ActorTcp</c> meter since the collector started.</summary>
/// <param name="Accepted">Connections accepted.</param>
/// <param name="Rejected">Connections refused at accept.</param>
/// <param name="ClosedByReason">Connections closed, indexed by <see cref="ActorTcp.Teardown.CloseReason"/>.</param>
/// <param name="ClosedFirstBy">Connections closed, indexed by <see cref="ActorTcp.Teardown.ClosedFirstBy"/>.</param>
/// <param name="HeartbeatsSent">Heartbeat pings sent.</param>
/// <param name="HeartbeatsMissed">Heartbeat intervals without a sign of life.</param>
internal sealed record DashboardTotals(
    long Accepted,
    long Rejected,
    IReadOnlyList<long> ClosedByReason,
    IReadOnlyList<long> ClosedFirstBy,
    long HeartbeatsSent,
    long HeartbeatsMissed)
{
    /// <summary>Connections closed for any reason.</summary>
    public long Closed => ClosedByReason.Sum();
}
