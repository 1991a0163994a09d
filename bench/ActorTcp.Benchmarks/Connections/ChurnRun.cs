using System.Globalization;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>Accept/close churn: <c>--workers</c> client loops of connect, one line, its echo, close (client first).</summary>
internal static class ChurnRun
{
    public static async Task RunAsync(HarnessArguments args)
    {
        var kind = args.Text("server", "actortcp");
        await using var server = await BenchServer.StartAsync(kind).ConfigureAwait(false);
        string[] extra = ["--workers", args.Text("workers", "16"), "--duration", args.Text("duration", "10")];
        using var clients = ConnectionHarness.StartClients("churn-clients", server.EndPoint, extra);
        var result = (await ConnectionHarness.ExpectLineAsync(clients, "RESULT").ConfigureAwait(false)).Split(' ');
        await clients.WaitForExitAsync().ConfigureAwait(false);
        var completed = long.Parse(result[0], CultureInfo.InvariantCulture);
        var seconds = double.Parse(result[1], CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"churn server={kind} conn/s={completed / seconds:F0} failed={result[2]}"));
    }
}
