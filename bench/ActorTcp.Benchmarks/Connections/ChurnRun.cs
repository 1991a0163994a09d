using System.Diagnostics;
using System.Globalization;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>
/// Accept/close churn: <c>--workers</c> client loops of connect, one line, its echo, close (client
/// first). Besides the rate it reports the server's CPU time per connection.
/// </summary>
internal static class ChurnRun
{
    public static async Task RunAsync(HarnessArguments args)
    {
        var kind = args.Text("server", "actortcp");
        await using var server = await BenchServer.StartAsync(kind).ConfigureAwait(false);
        string[] extra = ["--workers", args.Text("workers", "16"), "--duration", args.Text("duration", "10")];
        using var clients = ConnectionHarness.StartClients("churn-clients", server.EndPoint, extra);
        using var self = Process.GetCurrentProcess();
        await ConnectionHarness.ExpectLineAsync(clients, "START").ConfigureAwait(false);
        var cpuBefore = self.TotalProcessorTime;
        await ConnectionHarness.ExpectLineAsync(clients, "STOP").ConfigureAwait(false);
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var result = (await ConnectionHarness.ExpectLineAsync(clients, "RESULT").ConfigureAwait(false)).Split(' ');
        await clients.WaitForExitAsync().ConfigureAwait(false);
        var completed = long.Parse(result[0], CultureInfo.InvariantCulture);
        var seconds = double.Parse(result[1], CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"churn server={kind} conn/s={completed / seconds:F0} failed={result[2]} server-cpu/conn={cpu.TotalMicroseconds / completed:F1}us"));
    }
}
