using ActorTcp.Load.Cli;
using Spectre.Console;

namespace ActorTcp.Load.Scenarios;

/// <summary>What <c>deadpeer</c> measured; release times in seconds from each peer's last send.</summary>
internal sealed record DeadPeerResult : IScenarioResult
{
    public string Scenario => "deadpeer";

    public required int Connections { get; init; }

    public required int Released { get; init; }

    /// <summary>Releases seen by budget + tick after the peer's last send (certainly in time).</summary>
    public required int WithinBudget { get; init; }

    /// <summary>Releases still not done at budget + tick after the peer's last send (certainly late).</summary>
    public required int Late { get; init; }

    public required double BudgetSeconds { get; init; }

    public required double TickSeconds { get; init; }

    public required double ObservedSeconds { get; init; }

    /// <summary>The longest gap between two readings of the socket table in which a release fell: the times' resolution.</summary>
    public required double PollSeconds { get; init; }

    public required double MinSeconds { get; init; }

    public required double MedianSeconds { get; init; }

    public required double MaxSeconds { get; init; }

    /// <summary>The last release, from the moment the link was cut.</summary>
    public required double MaxFromCutSeconds { get; init; }

    public Table ToTable() => ResultWriter.Figures(
        ("dead peers", $"{Connections:N0}"),
        ("released by the server", $"{Released:N0} within {ObservedSeconds:F1} s of watching"),
        ("within budget + one tick / certainly late", $"{WithinBudget:N0} / {Late:N0} (budget {BudgetSeconds:F2} s + tick {TickSeconds * 1000:F0} ms)"),
        ("release after the last send, min / median / max", Released == 0 ? "n/a" : $"{MinSeconds:F3} / {MedianSeconds:F3} / {MaxSeconds:F3} s"),
        ("last release after the cut", Released == 0 ? "n/a" : $"{MaxFromCutSeconds:F3} s"),
        ("resolution (longest gap between readings)", Released == 0 ? "n/a" : $"{PollSeconds * 1000:F0} ms"));
}
