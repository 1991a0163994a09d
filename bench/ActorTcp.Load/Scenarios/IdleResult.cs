using System.Globalization;
using ActorTcp.Load.Cli;
using Spectre.Console;

namespace ActorTcp.Load.Scenarios;

/// <summary>What <c>idle</c> measured.</summary>
internal sealed record IdleResult : IScenarioResult
{
    public string Scenario => "idle";

    public required int Requested { get; init; }

    public required int Connected { get; init; }

    /// <summary>Connections still open when the hold ended (the server closed the others).</summary>
    public required int AliveAtEnd { get; init; }

    public required long PingsAnswered { get; init; }

    public required double HoldSeconds { get; init; }

    public required long BaselineRssBytes { get; init; }

    public required long BaselineHeapBytes { get; init; }

    public required IReadOnlyList<IdleStep> Steps { get; init; }

    /// <summary>The reading after the hold.</summary>
    public required IdleStep Final { get; init; }

    /// <summary>Server CPU during the hold, in percent of one core (-1 without a server PID).</summary>
    public required double HoldCpuPercent { get; init; }

    /// <summary>The machine's CPU time stolen by the hypervisor during the hold, in percent of all its CPU time.</summary>
    public required double HoldStealPercent { get; init; }

    public Table ToTable()
    {
        var table = ResultWriter.Figures(
            ("connections (requested / open / alive at end)", $"{Requested:N0} / {Connected:N0} / {AliveAtEnd:N0}"),
            ("pings answered", PingsAnswered.ToString("N0", CultureInfo.InvariantCulture)),
            ("hold", $"{HoldSeconds:F0} s"),
            ("baseline RSS / heap", $"{Mib(BaselineRssBytes)} / {Mib(BaselineHeapBytes)}"),
            ("final RSS / heap", $"{Mib(Final.RssBytes)} / {Mib(Final.HeapBytes)}"),
            ("RSS per connection", Bytes(Final.RssPerConnection)),
            ("managed heap per connection", Bytes(Final.HeapPerConnection)),
            ("server CPU during hold", HoldCpuPercent < 0 ? "n/a" : $"{HoldCpuPercent:F2} % of one core"),
            ("machine CPU stolen by the hypervisor during hold", $"{HoldStealPercent:F1} %"));
        foreach (var step in Steps)
        {
            table.AddRow(
                Markup.Escape($"step at {step.Connections:N0}: RSS / heap per connection"),
                Markup.Escape($"{Bytes(step.RssPerConnection)} / {Bytes(step.HeapPerConnection)}"));
        }

        return table;
    }

    private static string Mib(long bytes) => bytes < 0 ? "n/a" : $"{bytes / 1048576.0:F1} MiB";

    private static string Bytes(double perConnection) => double.IsNaN(perConnection) ? "n/a" : $"{perConnection:N0} B";
}
