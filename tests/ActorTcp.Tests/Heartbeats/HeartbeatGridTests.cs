using ActorTcp.Configuration;
using ActorTcp.Heartbeats;
using ActorTcp.TestKit.VirtualTime;

namespace ActorTcp.Tests.Heartbeats;

public sealed class HeartbeatGridTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Theory]
    [InlineData(30_000, 0.1, 100)] // a twentieth of 3 s is 150 ms: capped at 100 ms
    [InlineData(10_000, 0.1, 50)] // a twentieth of 1 s
    [InlineData(2_000, 0.2, 20)] // a twentieth of 400 ms: two scheduler ticks, the shortest step used
    [InlineData(2_000, 0.1, 0)] // a twentieth of 200 ms is one tick: no rounding
    [InlineData(30_000, 0.0, 0)] // no spread: no rounding, so a burst stays as spread as it was
    public void Step_IsATwentiethOfThePingSpread_AtMost100Ms_AndNoneUnderTwoTicks(int intervalMs, double spread, int expectedStepMs)
    {
        // Arrange + Act
        var policy = new HeartbeatPolicy(new HeartbeatOptions
        {
            Mode = HeartbeatMode.Active,
            Interval = TimeSpan.FromMilliseconds(intervalMs),
            PingSpread = spread,
        });

        // Assert
        Assert.Equal(TimeSpan.FromMilliseconds(expectedStepMs), policy.Grid.Step);
    }

    [Theory]
    [InlineData(HeartbeatMode.Passive)]
    [InlineData(HeartbeatMode.Off)]
    public void Step_IsNone_WithoutActivePings(HeartbeatMode mode)
    {
        // Arrange + Act
        var policy = new HeartbeatPolicy(new HeartbeatOptions { Mode = mode, Interval = TimeSpan.FromSeconds(30) });

        // Assert: the passive idle timeout ends the connection, so it is never rounded.
        Assert.Equal(TimeSpan.Zero, policy.Grid.Step);
    }

    [Fact]
    public void RoundUp_PutsTwoConnectionsOpenedAtDifferentTimesOnTheSameBoundary()
    {
        // Arrange: the clock's timestamps are TimeSpan ticks; one connection opened 230 ms and the
        // other 1,010 ms past a whole second.
        var clock = new VirtualTimeProvider();
        var grid = new HeartbeatGrid(TimeSpan.FromSeconds(3));
        var wholeSecond = clock.GetTimestamp() - (clock.GetTimestamp() % TimeSpan.TicksPerSecond);
        var openedFirst = wholeSecond + TimeSpan.FromMilliseconds(230).Ticks;
        var openedSecond = wholeSecond + TimeSpan.FromMilliseconds(1_010).Ticks;

        // Act: the checks are due 30,245 ms and 30,205 ms past that second on the clock.
        var first = grid.RoundUp(TimeSpan.FromMilliseconds(30_015), openedFirst, clock);
        var second = grid.RoundUp(TimeSpan.FromMilliseconds(29_195), openedSecond, clock);

        // Assert: both run 30,300 ms past it.
        Assert.Equal(TimeSpan.FromMilliseconds(30_070), first);
        Assert.Equal(TimeSpan.FromMilliseconds(29_290), second);
    }

    [Fact]
    public void RoundUp_LeavesATimeOnABoundary_AndNeverMovesEarlier()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        var grid = new HeartbeatGrid(TimeSpan.FromSeconds(3));
        var opened = clock.GetTimestamp() - (clock.GetTimestamp() % Step.Ticks);

        // Act + Assert: on a boundary it stays; one tick past one, it waits for the next.
        Assert.Equal(TimeSpan.FromSeconds(30), grid.RoundUp(TimeSpan.FromSeconds(30), opened, clock));
        Assert.Equal(TimeSpan.FromMilliseconds(30_100), grid.RoundUp(TimeSpan.FromSeconds(30) + TimeSpan.FromTicks(1), opened, clock));
        for (var ms = 0; ms < 300; ms += 7)
        {
            var due = TimeSpan.FromMilliseconds(ms);
            var rounded = grid.RoundUp(due, opened + 12_345, clock);
            Assert.InRange(rounded - due, TimeSpan.Zero, Step - TimeSpan.FromTicks(1));
        }
    }

    [Fact]
    public void RoundUp_ChangesNothing_WithoutAStepOrForNever()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        var none = new HeartbeatGrid(TimeSpan.FromMilliseconds(200));
        var grid = new HeartbeatGrid(TimeSpan.FromSeconds(3));
        var due = TimeSpan.FromMilliseconds(1_234.5);

        // Act + Assert
        Assert.Equal(due, none.RoundUp(due, clock.GetTimestamp() + 3, clock));
        Assert.Equal(TimeSpan.MaxValue, grid.RoundUp(TimeSpan.MaxValue, clock.GetTimestamp() + 3, clock));
    }

    [Fact]
    public void RoundUp_UsesTheClocksOwnTimestamps_WhateverTheirFrequency()
    {
        // Arrange: a nanosecond clock, like Stopwatch on Linux; the connection opened 40 ms past a boundary.
        var clock = new NanosecondClock();
        var grid = new HeartbeatGrid(TimeSpan.FromSeconds(3));
        var opened = (1_000_000_000L * 7) + 40_000_000;

        // Act
        var rounded = grid.RoundUp(TimeSpan.FromMilliseconds(30), opened, clock);

        // Assert: due 70 ms past the boundary, it runs at the next one, 30 ms later.
        Assert.Equal(TimeSpan.FromMilliseconds(60), rounded);
    }

    /// <summary>A clock whose timestamps count nanoseconds; only its frequency is read.</summary>
    private sealed class NanosecondClock : TimeProvider
    {
        public override long TimestampFrequency => 1_000_000_000;
    }
}
