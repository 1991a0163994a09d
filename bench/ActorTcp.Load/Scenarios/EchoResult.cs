using ActorTcp.Load.Cli;
using Spectre.Console;

namespace ActorTcp.Load.Scenarios;

/// <summary>What <c>echo</c> measured; latencies in microseconds.</summary>
internal sealed record EchoResult : IScenarioResult
{
    public string Scenario => "echo";

    public required int Connections { get; init; }

    public required int Size { get; init; }

    public required int Pipeline { get; init; }

    public required double Seconds { get; init; }

    public required long Frames { get; init; }

    public required double FramesPerSecond { get; init; }

    /// <summary>Echoed bytes per second, one direction, in MB (10^6 bytes).</summary>
    public required double MegabytesPerSecond { get; init; }

    public required double P50Us { get; init; }

    public required double P99Us { get; init; }

    public required double P999Us { get; init; }

    public required double MaxUs { get; init; }

    public required double MeanUs { get; init; }

    public required int Failed { get; init; }

    /// <summary>The machine's CPU time stolen by the hypervisor while measuring, in percent of all its CPU time.</summary>
    public required double StealPercent { get; init; }

    public Table ToTable() => ResultWriter.Figures(
        ("connections × pipeline × size", $"{Connections} × {Pipeline} × {Size} B"),
        ("measured", $"{Seconds:F1} s, {Frames:N0} frames"),
        ("throughput", $"{FramesPerSecond:N0} frames/s, {MegabytesPerSecond:F1} MB/s"),
        ("latency p50 / p99 / p99.9", $"{P50Us:N0} / {P99Us:N0} / {P999Us:N0} µs"),
        ("latency mean / max", $"{MeanUs:N0} / {MaxUs:N0} µs"),
        ("connections failed", $"{Failed}"),
        ("machine CPU stolen by the hypervisor", $"{StealPercent:F1} %"));
}
