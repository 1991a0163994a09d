using ActorTcp.Outbound;
using FsCheck;
using FsCheck.Fluent;

namespace ActorTcp.Tests.Outbound;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void AnyPolicyAndAttempt_DelayLiesBetweenZeroAndMinTimesTwoToTheNCappedAtMax()
    {
        // Arrange: min 1 ms to 10 s, max from min to 100 × min, any attempt up to 200, any seed.
        var cases =
            from minMs in Gen.Choose(1, 10_000)
            from factor in Gen.Choose(1, 100)
            from attempt in Gen.Choose(1, 200)
            from seed in Gen.Choose(0, int.MaxValue)
            select (Min: TimeSpan.FromMilliseconds(minMs), Max: TimeSpan.FromMilliseconds((double)minMs * factor), Attempt: attempt, Seed: seed);

        // Act + Assert
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var backoff = new ReconnectBackoff(c.Min, c.Max, new Random(c.Seed));
            var bound = Math.Min(c.Max.Ticks, c.Min.Ticks * Math.Pow(2, c.Attempt - 1));

            var delay = backoff.NextDelay(c.Attempt);

            Assert.InRange(delay.Ticks, 0, (long)bound);
            Assert.Equal((long)bound, backoff.Ceiling(c.Attempt).Ticks);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Ceilings_DoubleFromMinUntilTheyReachMax()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), new Random(1));

        var ceilings = Enumerable.Range(1, 7).Select(n => backoff.Ceiling(n).TotalMilliseconds);

        Assert.Equal([100, 200, 400, 800, 1000, 1000, 1000], ceilings);
    }

    [Fact]
    public void SameSeed_DrawsTheSameDelays_AndDelaysSpreadBelowTheCeiling()
    {
        // Arrange
        var min = TimeSpan.FromMilliseconds(100);
        var max = TimeSpan.FromSeconds(10);
        var first = new ReconnectBackoff(min, max, new Random(42));
        var second = new ReconnectBackoff(min, max, new Random(42));

        // Act
        var delays = Enumerable.Range(0, 1000).Select(_ => first.NextDelay(10)).ToList();
        var again = Enumerable.Range(0, 1000).Select(_ => second.NextDelay(10)).ToList();

        // Assert: full jitter spreads the redials over the whole window, not around its top.
        Assert.Equal(delays, again);
        Assert.Contains(delays, d => d < max / 4);
        Assert.Contains(delays, d => d > max * 3 / 4);
    }

    [Fact]
    public void HugeAttemptNumbers_StayAtMax()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5), new Random(3));

        Assert.Equal(TimeSpan.FromMinutes(5), backoff.Ceiling(int.MaxValue));
        Assert.InRange(backoff.NextDelay(int.MaxValue), TimeSpan.Zero, TimeSpan.FromMinutes(5));
    }
}
