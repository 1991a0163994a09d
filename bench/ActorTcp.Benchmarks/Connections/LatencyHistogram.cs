namespace ActorTcp.Benchmarks.Connections;

/// <summary>
/// Latencies in logarithmic buckets (16 per power of two of microseconds, so about 4 % wide): cheap to
/// record from one client loop, merged at the end, precise enough for p50/p99/p99.9.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int BucketsPerOctave = 16;
    private readonly long[] _counts = new long[40 * BucketsPerOctave];
    private long _total;

    /// <summary>Counts one latency.</summary>
    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(1.0, latency.TotalMicroseconds);
        var bucket = Math.Min(_counts.Length - 1, (int)(Math.Log2(micros) * BucketsPerOctave));
        _counts[bucket]++;
        _total++;
    }

    /// <summary>Adds another histogram's counts to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        _total += other._total;
    }

    /// <summary>The latency in microseconds below which <paramref name="fraction"/> of the recorded ones fall (bucket's upper edge).</summary>
    public double Percentile(double fraction)
    {
        var wanted = (long)Math.Ceiling(_total * fraction);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= wanted && seen > 0)
            {
                return Math.Pow(2, (i + 1) / (double)BucketsPerOctave);
            }
        }

        return 0;
    }
}
