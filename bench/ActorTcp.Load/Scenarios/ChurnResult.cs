using ActorTcp.Load.Cli;
using Spectre.Console;

namespace ActorTcp.Load.Scenarios;

/// <summary>What <c>churn</c> measured, TIME_WAIT counts from the kernel's socket table.</summary>
internal sealed record ChurnResult : IScenarioResult
{
    public string Scenario => "churn";

    public required int Workers { get; init; }

    public required bool ServerCloses { get; init; }

    public required double Seconds { get; init; }

    public required long Completed { get; init; }

    public required double ConnectionsPerSecond { get; init; }

    public required long Failed { get; init; }

    /// <summary>Connections that ended on the goodbye line rather than on the server's FIN.</summary>
    public required long ClosedOnGoodbye { get; init; }

    public required int ServerTimeWait { get; init; }

    public required int ClientTimeWait { get; init; }

    public required int ServerCloseWait { get; init; }

    /// <summary>The kernel's cap on TIME_WAIT sockets in this network namespace.</summary>
    public required int MaxTimeWaitBuckets { get; init; }

    /// <summary>The machine's CPU time stolen by the hypervisor while the workers ran, in percent of all its CPU time.</summary>
    public required double StealPercent { get; init; }

    public Table ToTable() => ResultWriter.Figures(
        ("workers", $"{Workers}{(ServerCloses ? ", server closes" : ", client closes")}"),
        ("connections", $"{Completed:N0} in {Seconds:F1} s ({Failed:N0} failed)"),
        ("rate", $"{ConnectionsPerSecond:N0} connections/s"),
        ("closed on the goodbye line", $"{ClosedOnGoodbye:N0}"),
        ("TIME_WAIT on the server's port", $"{ServerTimeWait:N0} ({Per(ServerTimeWait)} per connection)"),
        ("TIME_WAIT on the clients' side", $"{ClientTimeWait:N0} ({Per(ClientTimeWait)} per connection)"),
        ("CLOSE_WAIT on the server's port", $"{ServerCloseWait:N0}"),
        ("tcp_max_tw_buckets", $"{MaxTimeWaitBuckets:N0}"),
        ("machine CPU stolen by the hypervisor", $"{StealPercent:F1} %"));

    private string Per(int count) => Completed == 0 ? "n/a" : $"{(double)count / Completed:F2}";
}
