using ActorTcp.Configuration;
using ActorTcp.Heartbeats;

namespace ActorTcp.Tests.Heartbeats;

public sealed class HeartbeatMonitorTests
{
    private static readonly HeartbeatPolicy Active = new(new HeartbeatOptions
    {
        Mode = HeartbeatMode.Active,
        Interval = TimeSpan.FromSeconds(30),
        Timeout = TimeSpan.FromSeconds(10),
        MaxMissed = 3,
    });

    private static readonly HeartbeatPolicy Passive = new(new HeartbeatOptions
    {
        Mode = HeartbeatMode.Passive,
        IdleTimeout = TimeSpan.FromMinutes(5),
    });

    /// <summary>Active mode with a 10 s timeout and 3 misses, like <see cref="Active"/>, but its own interval and spread.</summary>
    private static HeartbeatPolicy ActiveWithSpread(TimeSpan interval, double spread) => new(new HeartbeatOptions
    {
        Mode = HeartbeatMode.Active,
        Interval = interval,
        Timeout = TimeSpan.FromSeconds(10),
        MaxMissed = 3,
        PingSpread = spread,
    });

    [Fact]
    public void SilentPeer_GetsAPingPerPeriodAndIsDeadAfterMaxMissed()
    {
        // Arrange
        var monitor = new HeartbeatMonitor(Active, TimeSpan.Zero);
        var timeline = new List<(TimeSpan At, HeartbeatAction Action, int Missed)>();

        // Act: the keyed timer fires exactly when each check asked for.
        var now = monitor.FirstCheckIn;
        for (var tick = 0; tick < 10; tick++)
        {
            var check = monitor.OnTimer(now);
            timeline.Add((now, check.Action, check.Missed));
            if (check.NextCheckIn == Timeout.InfiniteTimeSpan)
            {
                break;
            }

            now += check.NextCheckIn;
        }

        // Assert
        Assert.Equal(
            [
                (TimeSpan.FromSeconds(30), HeartbeatAction.SendPing, 0),
                (TimeSpan.FromSeconds(40), HeartbeatAction.SendPing, 1),
                (TimeSpan.FromSeconds(50), HeartbeatAction.SendPing, 2),
                (TimeSpan.FromSeconds(60), HeartbeatAction.PeerDead, 3),
            ],
            timeline);
        Assert.Equal(TimeSpan.FromSeconds(60), Active.Budget);
    }

    [Fact]
    public void PingSpread_FirstPingGoesOutTheConnectionsLeadEarly_WhileTheDeadlineStaysAtTheBudget()
    {
        // Arrange: connection 7 of a listener that spreads pings over a tenth of the interval.
        var spread = ActiveWithSpread(TimeSpan.FromSeconds(30), 0.1);
        var monitor = new HeartbeatMonitor(spread, TimeSpan.Zero, connectionId: 7);
        var lead = monitor.PingLead;

        // Act
        var early = monitor.OnTimer(TimeSpan.FromSeconds(30) - lead - TimeSpan.FromMilliseconds(1));
        var first = monitor.OnTimer(TimeSpan.FromSeconds(30) - lead);
        var second = monitor.OnTimer(TimeSpan.FromSeconds(40));
        var third = monitor.OnTimer(TimeSpan.FromSeconds(50));
        var beforeBudget = monitor.OnTimer(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(1));
        var atBudget = monitor.OnTimer(TimeSpan.FromSeconds(60));

        // Assert: 7 × the golden ratio has fractional part 0.326, so the lead is about 0.98 s of the 3 s spread.
        Assert.Equal(spread.PingLead(7), lead);
        Assert.InRange(lead.TotalSeconds, 0.97, 0.99);
        Assert.Equal(TimeSpan.FromSeconds(30) - lead, monitor.FirstCheckIn);
        Assert.Equal(new HeartbeatCheck(HeartbeatAction.None, TimeSpan.FromMilliseconds(1), 0), early);
        Assert.Equal(new HeartbeatCheck(HeartbeatAction.SendPing, TimeSpan.FromSeconds(10) + lead, 0), first);
        Assert.Equal(HeartbeatAction.SendPing, second.Action);
        Assert.Equal(HeartbeatAction.SendPing, third.Action);
        Assert.Equal(HeartbeatAction.None, beforeBudget.Action);
        Assert.Equal(HeartbeatAction.PeerDead, atBudget.Action);
    }

    [Fact]
    public void PingLeads_OfConsecutiveConnections_CoverTheSpreadEvenly()
    {
        // Arrange
        var policy = ActiveWithSpread(TimeSpan.FromSeconds(2), 0.1);

        // Act: a burst of 1,000 connections, counted in ten slices of the 200 ms spread.
        var slices = new int[10];
        for (var id = 1L; id <= 1000; id++)
        {
            var lead = policy.PingLead(id);
            Assert.InRange(lead, TimeSpan.Zero, policy.PingSpread - TimeSpan.FromTicks(1));
            slices[(int)(lead.Ticks * 10 / policy.PingSpread.Ticks)]++;
        }

        // Assert: no slice of the spread gets more than a few connections over its even share.
        Assert.Equal(TimeSpan.FromMilliseconds(200), policy.PingSpread);
        Assert.All(slices, count => Assert.InRange(count, 95, 105));
        Assert.Equal(TimeSpan.Zero, policy.PingLead(0));
    }

    [Fact]
    public void ZeroPingSpread_PingsEveryConnectionAtExactlyTheInterval()
    {
        // Arrange
        var exact = ActiveWithSpread(TimeSpan.FromSeconds(30), 0);

        // Act
        var monitors = Enumerable.Range(1, 50).Select(id => new HeartbeatMonitor(exact, TimeSpan.Zero, id)).ToArray();

        // Assert
        Assert.All(monitors, m => Assert.Equal(TimeSpan.FromSeconds(30), m.FirstCheckIn));
    }

    [Fact]
    public void NextCheckCanEnd_OnlyForTheCheckAfterTheLastAllowedMiss_AndNotOnceThePeerAnswered()
    {
        // Arrange
        var monitor = new HeartbeatMonitor(Active, TimeSpan.Zero);
        var decisive = new List<bool> { monitor.NextCheckCanEnd };

        // Act: three pings at 30, 40 and 50 s; then the peer answers at 55 s.
        foreach (var seconds in new[] { 30, 40, 50 })
        {
            monitor.OnTimer(TimeSpan.FromSeconds(seconds));
            decisive.Add(monitor.NextCheckCanEnd);
        }

        monitor.RecordInbound(TimeSpan.FromSeconds(55));
        var afterAnswer = monitor.NextCheckCanEnd;

        // Assert: only the check due at 60 s (the budget) can end the connection.
        Assert.Equal([false, false, false, true], decisive);
        Assert.False(afterAnswer);
        Assert.True(new HeartbeatMonitor(Passive, TimeSpan.Zero).NextCheckCanEnd);
    }

    [Fact]
    public void PeerThatAnswers_IsNeverDeadAndItsMissesStartOver()
    {
        // Arrange
        var monitor = new HeartbeatMonitor(Active, TimeSpan.Zero);
        monitor.OnTimer(TimeSpan.FromSeconds(30));
        monitor.OnTimer(TimeSpan.FromSeconds(40));

        // Act: the pong arrives at 45 s; the next check is lazily re-armed from that stamp.
        monitor.RecordInbound(TimeSpan.FromSeconds(45));
        var atFifty = monitor.OnTimer(TimeSpan.FromSeconds(50));
        var atSeventyFive = monitor.OnTimer(TimeSpan.FromSeconds(75));

        // Assert
        Assert.Equal(new HeartbeatCheck(HeartbeatAction.None, TimeSpan.FromSeconds(25), 0), atFifty);
        Assert.Equal(new HeartbeatCheck(HeartbeatAction.SendPing, TimeSpan.FromSeconds(10), 0), atSeventyFive);
    }

    [Fact]
    public void BusyConnection_TimerFindsRecentBytesAndReArmsForTheRemainder()
    {
        // Arrange
        var monitor = new HeartbeatMonitor(Active, TimeSpan.Zero);

        // Act: many reads stamp the time; nothing is rescheduled until the tick.
        for (var ms = 0; ms <= 29_000; ms += 100)
        {
            monitor.RecordInbound(TimeSpan.FromMilliseconds(ms));
        }

        var check = monitor.OnTimer(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(new HeartbeatCheck(HeartbeatAction.None, TimeSpan.FromSeconds(29), 0), check);
    }

    [Fact]
    public void LateTick_SendsOnePingAndDoesNotStretchTheBudget()
    {
        // Arrange
        var monitor = new HeartbeatMonitor(Active, TimeSpan.Zero);
        monitor.OnTimer(TimeSpan.FromSeconds(30));

        // Act: a slow machine delivers the next tick 15 s late.
        var late = monitor.OnTimer(TimeSpan.FromSeconds(55));
        var again = monitor.OnTimer(TimeSpan.FromSeconds(56));
        var end = monitor.OnTimer(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(new HeartbeatCheck(HeartbeatAction.SendPing, TimeSpan.FromSeconds(5), 2), late);
        Assert.Equal(new HeartbeatCheck(HeartbeatAction.None, TimeSpan.FromSeconds(4), 2), again);
        Assert.Equal(HeartbeatAction.PeerDead, end.Action);
    }

    [Fact]
    public void PassiveSilentPeer_TimesOutAfterIdleTimeoutOnce()
    {
        // Arrange
        var monitor = new HeartbeatMonitor(Passive, TimeSpan.Zero);
        monitor.RecordInbound(TimeSpan.FromMinutes(3));

        // Act
        var first = monitor.OnTimer(monitor.FirstCheckIn);
        var second = monitor.OnTimer(TimeSpan.FromMinutes(5) + first.NextCheckIn);
        var afterwards = monitor.OnTimer(TimeSpan.FromMinutes(20));

        // Assert
        Assert.Equal(new HeartbeatCheck(HeartbeatAction.None, TimeSpan.FromMinutes(3), 0), first);
        Assert.Equal(HeartbeatAction.IdleTimeout, second.Action);
        Assert.Equal(new HeartbeatCheck(HeartbeatAction.None, Timeout.InfiniteTimeSpan, 0), afterwards);
    }

    [Fact]
    public void OffMode_NeverActsAndNeedsNoTimer()
    {
        // Arrange
        var monitor = new HeartbeatMonitor(new HeartbeatPolicy(new HeartbeatOptions { Mode = HeartbeatMode.Off }), TimeSpan.Zero);

        // Act
        var check = monitor.OnTimer(TimeSpan.FromDays(1));

        // Assert
        Assert.Equal(Timeout.InfiniteTimeSpan, monitor.FirstCheckIn);
        Assert.Equal(new HeartbeatCheck(HeartbeatAction.None, Timeout.InfiniteTimeSpan, 0), check);
    }

    [Fact]
    public void Stamps_ReportTheLastActivityInEitherDirection()
    {
        // Arrange
        var monitor = new HeartbeatMonitor(Active, TimeSpan.FromSeconds(1));

        // Act
        monitor.RecordInbound(TimeSpan.FromSeconds(2));
        monitor.RecordOutbound(TimeSpan.FromSeconds(7));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(2), monitor.LastInbound);
        Assert.Equal(TimeSpan.FromSeconds(7), monitor.LastOutbound);
        Assert.Equal(TimeSpan.FromSeconds(7), monitor.LastActivity);
    }
}
