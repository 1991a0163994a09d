using ActorTcp.Load.Cli;
using Spectre.Console;

namespace ActorTcp.Load.Scenarios;

/// <summary>What <c>deadpeer</c> measured; release times in seconds from each peer's last send.</summary>
internal sealed record DeadPeerResult : IScenarioResult
{
    public string Scenario => "deadpeer";

    public required int Connections { get; init; }

    public required int Released { get; init; }

    /// <summary>Sockets gone when checked at budget + tick after the peer's last send (in time, to within the check's lag).</summary>
    public required int WithinBudget { get; init; }

    /// <summary>Sockets still there when checked after budget + tick from the peer's last send (certainly late).</summary>
    public required int Late { get; init; }

    /// <summary>Sockets the exact lookup could not find before the cut, so they have no verdict.</summary>
    public required int Unchecked { get; init; }

    /// <summary>For the sockets in time: how long after its limit each check ended, the median.</summary>
    public required double CheckLagMedianSeconds { get; init; }

    /// <summary>The same, at most: every release counted in time happened by budget + tick + this.</summary>
    public required double CheckLagMaxSeconds { get; init; }

    /// <summary>For the late sockets: how long after budget + tick each was first seen gone, the median.</summary>
    public required double LateByMedianSeconds { get; init; }

    /// <summary>The same, at most.</summary>
    public required double LateByMaxSeconds { get; init; }

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

    /// <summary>The machine's CPU time stolen by the hypervisor while watching, in percent of all its CPU time.</summary>
    public required double StealPercent { get; init; }

    private static string Milliseconds(double seconds) =>
        double.IsPositiveInfinity(seconds) ? $"over {DeadPeerLimitCheck.GiveUpAfter.TotalMilliseconds:F0} ms" : $"{seconds * 1000:F1} ms";

    public Table ToTable() => ResultWriter.Figures(
        ("dead peers", $"{Connections:N0}"),
        ("released by the server", $"{Released:N0} within {ObservedSeconds:F1} s of watching"),
        ("gone / still there when checked at budget + one tick", $"{WithinBudget:N0} / {Late:N0} (budget {BudgetSeconds:F2} s + tick {TickSeconds * 1000:F0} ms){(Unchecked > 0 ? $", {Unchecked:N0} not checked" : "")}"),
        ("check's lag after the limit, median / max", WithinBudget == 0 ? "n/a" : $"{CheckLagMedianSeconds * 1000:F2} / {CheckLagMaxSeconds * 1000:F2} ms"),
        ("late ones gone after the limit, median / max", Late == 0 ? "n/a" : $"{Milliseconds(LateByMedianSeconds)} / {Milliseconds(LateByMaxSeconds)}"),
        ("release after the last send, min / median / max", Released == 0 ? "n/a" : $"{MinSeconds:F3} / {MedianSeconds:F3} / {MaxSeconds:F3} s"),
        ("last release after the cut", Released == 0 ? "n/a" : $"{MaxFromCutSeconds:F3} s"),
        ("resolution (longest gap between readings)", Released == 0 ? "n/a" : $"{PollSeconds * 1000:F0} ms"),
        ("machine CPU stolen by the hypervisor while watching", $"{StealPercent:F1} %"));
}
