namespace ActorTcp.Host.Admin.Prometheus;

/// <summary>A histogram's state: how many values fell at or below each upper bound (not cumulative), their sum and count.</summary>
/// <param name="UpperBounds">The finite bucket bounds, ascending; <c>+Inf</c> is implied.</param>
/// <param name="BucketCounts">Values per bucket, one more than <paramref name="UpperBounds"/> (the last is above every bound).</param>
/// <param name="Sum">The sum of every value.</param>
/// <param name="Count">How many values.</param>
internal sealed record HistogramValue(IReadOnlyList<double> UpperBounds, IReadOnlyList<long> BucketCounts, double Sum, long Count);
