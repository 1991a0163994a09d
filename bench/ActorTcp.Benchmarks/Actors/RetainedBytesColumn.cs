using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// A summary column with the retained bytes per idle actor that <see cref="IdleActorBenchmarks"/>
/// measured in its global setup, or that figure divided by the baseline's. MemoryDiagnoser only
/// reports what an operation allocates, not what stays alive, hence this column. The setup runs in
/// the same process as the summary because the suite uses the in-process toolchain.
/// </summary>
public sealed class RetainedBytesColumn(bool relativeToBaseline) : IColumn
{
    public string Id => relativeToBaseline ? "RetainedRatio" : "RetainedBytesPerActor";

    public string ColumnName => relativeToBaseline ? "Retained ratio" : "Retained B/actor";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => relativeToBaseline ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => relativeToBaseline
        ? "Retained B/actor divided by the baseline's"
        : "Managed bytes retained per idle actor (mailbox included) after each processed one message: (GC.GetTotalMemory(true) after - before) / N";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (!IdleActorBenchmarks.RetainedBytesPerActor.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var bytes))
        {
            return "?";
        }

        if (!relativeToBaseline)
        {
            return bytes.ToString("N0", style.CultureInfo);
        }

        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        return baseline is not null
            && IdleActorBenchmarks.RetainedBytesPerActor.TryGetValue(baseline.Descriptor.WorkloadMethod.Name, out var baselineBytes)
            ? (bytes / baselineBytes).ToString("0.00", style.CultureInfo)
            : "?";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
