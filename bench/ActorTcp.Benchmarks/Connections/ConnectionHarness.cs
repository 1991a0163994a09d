using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>
/// Whole-server measurements that BenchmarkDotNet's per-operation model does not fit: bytes held per
/// idle connection, echo throughput and accept/close churn, each against a server in this process
/// and its clients in a child process (so the client sockets' memory and CPU are not counted as the
/// server's, and the server's heap is not polluted by them).
/// </summary>
/// <example>
/// <code>
/// dotnet run -c Release --project bench/ActorTcp.Benchmarks -- footprint --connections 2000 --server actortcp
/// dotnet run -c Release --project bench/ActorTcp.Benchmarks -- echo --server actortcp-raw --connections 100 --duration 10
/// dotnet run -c Release --project bench/ActorTcp.Benchmarks -- churn --server naive --workers 16 --duration 10
/// </code>
/// </example>
internal static class ConnectionHarness
{
    /// <summary>The commands this harness answers, the child-process ones included.</summary>
    private static readonly string[] Commands = ["footprint", "echo", "churn", "idle-clients", "echo-clients", "churn-clients"];

    /// <summary>True when <paramref name="args"/> name one of the harness's commands rather than a BenchmarkDotNet run.</summary>
    public static bool Handles(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    /// <summary>Runs the command named by the first argument; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var options = HarnessArguments.Parse(args.AsSpan(1));
        switch (args[0])
        {
            case "footprint":
                await FootprintRun.RunAsync(options).ConfigureAwait(false);
                return 0;
            case "echo":
                await EchoRun.RunAsync(options).ConfigureAwait(false);
                return 0;
            case "churn":
                await ChurnRun.RunAsync(options).ConfigureAwait(false);
                return 0;
            case "idle-clients":
                await LoadClients.HoldIdleAsync(options).ConfigureAwait(false);
                return 0;
            case "echo-clients":
                await LoadClients.EchoAsync(options).ConfigureAwait(false);
                return 0;
            default:
                await LoadClients.ChurnAsync(options).ConfigureAwait(false);
                return 0;
        }
    }

    /// <summary>Starts this program again as a client process; its standard input and output are redirected.</summary>
    public static Process StartClients(string command, IPEndPoint server, IEnumerable<string> extra)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var processPath = Environment.ProcessPath!;
        start.FileName = processPath;
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ConnectionHarness).Assembly.Location);
        }

        start.ArgumentList.Add(command);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(server.Port.ToString(CultureInfo.InvariantCulture));
        foreach (var argument in extra)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The client process did not start.");
    }

    /// <summary>Reads lines from the child until one starts with <paramref name="prefix"/>; returns the rest of it.</summary>
    public static async Task<string> ExpectLineAsync(Process child, string prefix)
    {
        while (await child.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..].Trim();
            }

            Console.WriteLine("  client: " + line);
        }

        throw new InvalidOperationException($"The client process ended before saying '{prefix}'.");
    }

    /// <summary>The resident set size of this process, from /proc/self/status.</summary>
    public static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
