using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// Adds the median (the figure to quote on a noisy machine) and an operations-per-second column,
/// which for the tell suites reads as messages per second.
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ThroughputConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
}
