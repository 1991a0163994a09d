using System.Numerics;

namespace ActorTcp.Load.Measurement;

/// <summary>
/// A latency histogram with HdrHistogram's bucket layout: values below 128 have a bucket each,
/// and every power of two above that is cut into 64 equal sub-buckets, so any recorded value is
/// known to within 1/64 (1.6 %) of itself, from nanoseconds to minutes, in a few thousand counters.
/// Recording is one array increment; one histogram per connection, merged at the end, needs no locks.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBucketCount = 1 << SubBucketBits;
    private const int HalfCount = SubBucketCount / 2;

    /// <summary>Values up to 2^40 ns (about 18 minutes) fit; larger ones are clamped.</summary>
    private const int MaxMagnitude = 40;

    private readonly long[] _counts = new long[BucketIndex((1L << MaxMagnitude) - 1) + 1];

    /// <summary>Number of recorded values.</summary>
    public long Count { get; private set; }

    /// <summary>Smallest recorded value (exact).</summary>
    public long Min { get; private set; } = long.MaxValue;

    /// <summary>Largest recorded value (exact).</summary>
    public long Max { get; private set; }

    /// <summary>Sum of the recorded values, for the mean.</summary>
    public double Sum { get; private set; }

    /// <summary>Mean of the recorded values.</summary>
    public double Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>Records one value (negative values count as 0).</summary>
    public void Record(long value)
    {
        value = Math.Clamp(value, 0, (1L << MaxMagnitude) - 1);
        _counts[BucketIndex(value)]++;
        Count++;
        Sum += value;
        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }
    }

    /// <summary>Adds every value of <paramref name="other"/> to this histogram.</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Sum += other.Sum;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>
    /// The value at <paramref name="percentile"/> (0–100): the highest value equivalent to the
    /// bucket where the cumulative count reaches that share, as HdrHistogram reports it, capped by
    /// the largest value recorded.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(HighestEquivalent(i), Max);
            }
        }

        return Max;
    }

    /// <summary>The bucket of <paramref name="value"/>.</summary>
    internal static int BucketIndex(long value)
    {
        if (value < SubBucketCount)
        {
            return (int)value;
        }

        // For a value with its top bit at position m (m ≥ 7), shifting right by m − 6 leaves a
        // number in [64, 128): the sub-bucket within that power of two.
        var shift = (63 - BitOperations.LeadingZeroCount((ulong)value)) - (SubBucketBits - 1);
        return SubBucketCount + ((shift - 1) * HalfCount) + (int)((value >> shift) - HalfCount);
    }

    /// <summary>The largest value that falls into bucket <paramref name="index"/>.</summary>
    internal static long HighestEquivalent(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }

        var shift = ((index - SubBucketCount) / HalfCount) + 1;
        var sub = ((index - SubBucketCount) % HalfCount) + HalfCount;
        return ((long)(sub + 1) << shift) - 1;
    }
}
