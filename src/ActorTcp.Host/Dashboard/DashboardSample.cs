using ActorTcp.Connections;
using ActorTcp.Lifecycle;
using ActorTcp.Teardown;

namespace ActorTcp.Host.Dashboard;

/// <summary>The server's figures at one tick: open connections by state, and what happened since the previous tick.</summary>
/// <param name="Time">When the sample was taken.</param>
/// <param name="States">Open connections in each state (every state but Closed).</param>
/// <param name="Connections">Open connections in all.</param>
/// <param name="AcceptedPerSecond">Connections accepted per second over the interval.</param>
/// <param name="ClosedPerSecond">Connections closed per second over the interval.</param>
/// <param name="RejectedPerSecond">Connections refused at accept per second over the interval.</param>
/// <param name="ClosedByReason">Connections closed during the interval, by reason (only reasons that occurred).</param>
/// <param name="ClosedFirstBy">Connections closed during the interval, by the side that closed first (all three sides).</param>
/// <param name="HeartbeatsSent">Heartbeat pings sent during the interval.</param>
/// <param name="HeartbeatsMissed">Heartbeat intervals missed during the interval.</param>
internal sealed record DashboardSample(
    DateTimeOffset Time,
    IReadOnlyDictionary<string, int> States,
    int Connections,
    double AcceptedPerSecond,
    double ClosedPerSecond,
    double RejectedPerSecond,
    IReadOnlyDictionary<string, long> ClosedByReason,
    IReadOnlyDictionary<string, long> ClosedFirstBy,
    long HeartbeatsSent,
    long HeartbeatsMissed)
{
    /// <summary>The states a connection can be open in, in lifecycle order.</summary>
    public static IReadOnlyList<LifecycleState> OpenStates { get; } =
        Enum.GetValues<LifecycleState>().Where(state => state != LifecycleState.Closed).ToArray();

    /// <summary>Builds the sample of <paramref name="time"/> from the open connections and the meter totals then and one interval before.</summary>
    public static DashboardSample From(
        DateTimeOffset time,
        TimeSpan elapsed,
        IReadOnlyList<ConnectionSnapshot> connections,
        DashboardTotals previous,
        DashboardTotals current)
    {
        var states = OpenStates.ToDictionary(state => state.ToString(), _ => 0);
        foreach (var connection in connections)
        {
            if (connection.State != LifecycleState.Closed)
            {
                states[connection.State.ToString()]++;
            }
        }

        var byReason = new Dictionary<string, long>();
        foreach (var reason in Enum.GetValues<CloseReason>())
        {
            var count = current.ClosedByReason[(int)reason] - previous.ClosedByReason[(int)reason];
            if (count > 0)
            {
                byReason[reason.ToString()] = count;
            }
        }

        var firstBy = Enum.GetValues<ClosedFirstBy>().ToDictionary(
            side => side.ToString(),
            side => current.ClosedFirstBy[(int)side] - previous.ClosedFirstBy[(int)side]);

        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        return new DashboardSample(
            time,
            states,
            states.Values.Sum(),
            PerSecond(current.Accepted - previous.Accepted, seconds),
            PerSecond(current.Closed - previous.Closed, seconds),
            PerSecond(current.Rejected - previous.Rejected, seconds),
            byReason,
            firstBy,
            current.HeartbeatsSent - previous.HeartbeatsSent,
            current.HeartbeatsMissed - previous.HeartbeatsMissed);
    }

    // Two decimals are plenty for a chart and keep each event short.
    private static double PerSecond(long count, double seconds) => Math.Round(count / seconds, 2);
}
