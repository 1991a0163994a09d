using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// The job of <see cref="IdleActorBenchmarks"/>: in process, so the retained sizes its global setup
/// measures reach <see cref="RetainedBytesColumn"/>; otherwise the same counts as the other suites.
/// </summary>
public sealed class FootprintConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public FootprintConfig()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(new RetainedBytesColumn(relativeToBaseline: false), new RetainedBytesColumn(relativeToBaseline: true));
        AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
    }
}
