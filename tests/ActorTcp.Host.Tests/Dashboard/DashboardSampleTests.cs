using System.Net;
using ActorTcp.Connections;
using ActorTcp.Host.Dashboard;
using ActorTcp.Lifecycle;

namespace ActorTcp.Host.Tests.Dashboard;

public sealed class DashboardSampleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_CountsOpenConnectionsByStateIncludingEmptyStates()
    {
        var connections = new[]
        {
            Snapshot(1, LifecycleState.Established),
            Snapshot(2, LifecycleState.Established),
            Snapshot(3, LifecycleState.PeerClosed),
        };

        var sample = DashboardSample.From(Now, TimeSpan.FromSeconds(1), connections, Totals(), Totals());

        Assert.Equal(2, sample.States["Established"]);
        Assert.Equal(1, sample.States["PeerClosed"]);
        Assert.Equal(0, sample.States["CloseRequested"]);
        Assert.Equal(0, sample.States["Closing"]);
        Assert.False(sample.States.ContainsKey("Closed"));
        Assert.Equal(3, sample.Connections);
    }

    [Fact]
    public void From_TurnsTotalsIntoRatesPerSecondAndCountsPerInterval()
    {
        var before = Totals(accepted: 10, peerClosed: 2, peerFirst: 2, heartbeatsSent: 5);
        var after = Totals(accepted: 30, peerClosed: 6, aborted: 2, peerFirst: 6, resetFirst: 2, heartbeatsSent: 9, heartbeatsMissed: 1);

        var sample = DashboardSample.From(Now, TimeSpan.FromSeconds(2), [], before, after);

        Assert.Equal(10, sample.AcceptedPerSecond);
        Assert.Equal(3, sample.ClosedPerSecond);
        Assert.Equal(new Dictionary<string, long> { ["PeerClosed"] = 4, ["Aborted"] = 2 }, sample.ClosedByReason);
        Assert.Equal(new Dictionary<string, long> { ["Peer"] = 4, ["Local"] = 0, ["Reset"] = 2 }, sample.ClosedFirstBy);
        Assert.Equal(4, sample.HeartbeatsSent);
        Assert.Equal(1, sample.HeartbeatsMissed);
    }

    internal static DashboardTotals Totals(
        long accepted = 0,
        long peerClosed = 0,
        long aborted = 0,
        long peerFirst = 0,
        long resetFirst = 0,
        long heartbeatsSent = 0,
        long heartbeatsMissed = 0)
    {
        var byReason = new long[Enum.GetValues<Teardown.CloseReason>().Length];
        byReason[(int)Teardown.CloseReason.PeerClosed] = peerClosed;
        byReason[(int)Teardown.CloseReason.Aborted] = aborted;
        var firstBy = new long[3];
        firstBy[(int)Teardown.ClosedFirstBy.Peer] = peerFirst;
        firstBy[(int)Teardown.ClosedFirstBy.Reset] = resetFirst;
        return new DashboardTotals(accepted, 0, byReason, firstBy, heartbeatsSent, heartbeatsMissed);
    }

    internal static ConnectionSnapshot Snapshot(long id, LifecycleState state) => new(
        id,
        new IPEndPoint(IPAddress.Loopback, 40000 + (int)id),
        new IPEndPoint(IPAddress.Loopback, 7000),
        state,
        Now.AddMinutes(-1),
        Now,
        0,
        0,
        0,
        0,
        0);
}
