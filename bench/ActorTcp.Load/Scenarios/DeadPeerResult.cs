using ActorTcp.Load.Cli;
using Spectre.Console;

namespace ActorTcp.Load.Scenarios;

/// <summary>What <c>deadpeer</c> measured; times in seconds from the moment the peers' link went down.</summary>
internal sealed record DeadPeerResult : IScenarioResult
{
    public string Scenario => "deadpeer";

    public required int Connections { get; init; }

    public required int Released { get; init; }

    public required int WithinBudget { get; init; }

    public required double BudgetSeconds { get; init; }

    public required double TickSeconds { get; init; }

    public required double ObservedSeconds { get; init; }

    /// <summary>How often the kernel's socket table was read, the resolution of the times below.</summary>
    public required double PollSeconds { get; init; }

    public required double MinSeconds { get; init; }

    public required double MedianSeconds { get; init; }

    public required double MaxSeconds { get; init; }

    public Table ToTable() => ResultWriter.Figures(
        ("dead peers", $"{Connections:N0}"),
        ("released by the server", $"{Released:N0} within {ObservedSeconds:F1} s of watching"),
        ("released within budget + one tick", $"{WithinBudget:N0} (budget {BudgetSeconds:F2} s + tick {TickSeconds * 1000:F0} ms)"),
        ("release time min / median / max", Released == 0 ? "n/a" : $"{MinSeconds:F2} / {MedianSeconds:F2} / {MaxSeconds:F2} s"),
        ("socket table polled every", $"{PollSeconds * 1000:F0} ms"));
}
