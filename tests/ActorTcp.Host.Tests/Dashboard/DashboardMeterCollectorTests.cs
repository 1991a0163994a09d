using ActorTcp.Host.Dashboard;
using ActorTcp.Lifecycle;
using ActorTcp.Metrics;
using ActorTcp.Teardown;

namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>The collector reads the real instruments; it runs in the dashboard's collection because it hears every ActorTcp meter.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardMeterCollectorTests
{
    [Fact]
    public void Recordings_AreTotalledByCounterReasonAndSide()
    {
        // Arrange
        using var collector = new DashboardMeterCollector();
        using var metrics = new ActorTcpMetrics();

        // Act
        metrics.ConnectionAccepted();
        metrics.ConnectionAccepted();
        metrics.ConnectionAccepted();
        metrics.ConnectionRejected("max-connections");
        metrics.StateChanged(LifecycleState.Established, LifecycleState.Closed);
        metrics.ConnectionClosed(new ConnectionClosed(CloseReason.PeerClosed, ClosedFirstBy.Peer), TimeSpan.FromSeconds(3));
        metrics.ConnectionClosed(new ConnectionClosed(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset), TimeSpan.FromSeconds(3));
        metrics.HeartbeatSent();
        metrics.HeartbeatSent();
        metrics.HeartbeatMissed();

        // Assert
        var totals = collector.Read();
        Assert.Equal(3, totals.Accepted);
        Assert.Equal(1, totals.Rejected);
        Assert.Equal(2, totals.Closed);
        Assert.Equal(1, totals.ClosedByReason[(int)CloseReason.PeerClosed]);
        Assert.Equal(1, totals.ClosedByReason[(int)CloseReason.HeartbeatTimeout]);
        Assert.Equal(1, totals.ClosedFirstBy[(int)ClosedFirstBy.Peer]);
        Assert.Equal(1, totals.ClosedFirstBy[(int)ClosedFirstBy.Reset]);
        Assert.Equal(0, totals.ClosedFirstBy[(int)ClosedFirstBy.Local]);
        Assert.Equal(2, totals.HeartbeatsSent);
        Assert.Equal(1, totals.HeartbeatsMissed);
    }
}
