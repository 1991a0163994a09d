using System.Diagnostics;
using System.Globalization;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>
/// Echo throughput and latency: <c>--connections</c> clients (child process) each keep
/// <c>--pipeline</c> messages of <c>--size</c> bytes in flight for <c>--duration</c> seconds.
/// Besides throughput it reports the server's CPU time per echoed message, which other work on a
/// shared machine disturbs far less than it disturbs throughput.
/// </summary>
internal static class EchoRun
{
    public static async Task RunAsync(HarnessArguments args)
    {
        var kind = args.Text("server", "actortcp-raw");
        await using var server = await BenchServer.StartAsync(kind).ConfigureAwait(false);
        string[] extra =
        [
            "--connections", args.Text("connections", "100"),
            "--size", args.Text("size", "64"),
            "--pipeline", args.Text("pipeline", "16"),
            "--duration", args.Text("duration", "10"),
            "--warmup", args.Text("warmup", "2"),
        ];
        using var clients = ConnectionHarness.StartClients("echo-clients", server.EndPoint, extra);
        using var self = Process.GetCurrentProcess();
        await ConnectionHarness.ExpectLineAsync(clients, "START").ConfigureAwait(false);
        var cpuBefore = self.TotalProcessorTime;
        await ConnectionHarness.ExpectLineAsync(clients, "STOP").ConfigureAwait(false);
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var result = (await ConnectionHarness.ExpectLineAsync(clients, "RESULT").ConfigureAwait(false)).Split(' ');
        await clients.WaitForExitAsync().ConfigureAwait(false);
        var messages = long.Parse(result[0], CultureInfo.InvariantCulture);
        var seconds = double.Parse(result[1], CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"echo server={kind} msg/s={messages / seconds:F0} p50={result[2]}us p99={result[3]}us p99.9={result[4]}us server-cpu/msg={cpu.TotalMicroseconds * 1000 / messages:F0}ns"));
    }
}
