namespace ActorTcp.Outbound;

/// <summary>
/// The wait before redial number n: exponential back-off with full jitter. The ceiling starts at
/// <c>min-backoff</c> and doubles per attempt up to <c>max-backoff</c>; the delay is drawn uniformly
/// below the ceiling, so clients that lost the same server spread their redials over the whole
/// window instead of arriving together at each doubling.
/// </summary>
/// <remarks>
/// The random source is the caller's: one per outbound connection (a <see cref="Random"/> is not
/// thread-safe), seeded in tests so the delays are known in advance.
/// </remarks>
internal sealed class ReconnectBackoff
{
    private readonly Random _random;

    /// <summary>Creates the policy.</summary>
    /// <param name="min">The first ceiling; positive.</param>
    /// <param name="max">The highest ceiling; at least <paramref name="min"/>.</param>
    /// <param name="random">The jitter source, used only on the owner's turn.</param>
    public ReconnectBackoff(TimeSpan min, TimeSpan max, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        ArgumentNullException.ThrowIfNull(random);
        Min = min;
        Max = max;
        _random = random;
    }

    /// <summary>The first ceiling.</summary>
    public TimeSpan Min { get; }

    /// <summary>The highest ceiling.</summary>
    public TimeSpan Max { get; }

    /// <summary>The ceiling of redial <paramref name="attempt"/>: min(max, min × 2^(attempt − 1)).</summary>
    /// <param name="attempt">The redial's number, from 1.</param>
    public TimeSpan Ceiling(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);

        // Computed in floating point: the doubling passes any integer range long before the attempts run out.
        var ticks = Min.Ticks * Math.Pow(2, attempt - 1);
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Draws the delay before redial <paramref name="attempt"/>, in [0, <see cref="Ceiling"/>).</summary>
    /// <param name="attempt">The redial's number, from 1.</param>
    public TimeSpan NextDelay(int attempt) => TimeSpan.FromTicks((long)(_random.NextDouble() * Ceiling(attempt).Ticks));
}
