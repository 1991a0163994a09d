using System.Globalization;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>
/// Bytes per idle connection: the growth of the managed heap (after full, compacting collections)
/// and of the resident set from an empty but warmed-up server to one holding <c>--connections</c>
/// idle connections, divided by their number. The clients live in a child process, so neither
/// figure contains a client socket.
/// </summary>
internal static class FootprintRun
{
    public static async Task RunAsync(HarnessArguments args)
    {
        var kind = args.Text("server", "actortcp");
        var count = args.Number("connections", 2000);
        var timeout = TimeSpan.FromSeconds(120);
        await using var server = await BenchServer.StartAsync(kind).ConfigureAwait(false);

        // A first round opens and closes a few connections, so one-time costs (socket engine,
        // thread-pool threads, pools, JIT) are in the baseline and not counted per connection.
        await HoldAsync(server, 100, timeout, measure: null).ConfigureAwait(false);
        await server.WaitForOpenAsync(0, timeout).ConfigureAwait(false);
        var heapBefore = SettledHeap();
        var rssBefore = ConnectionHarness.ResidentBytes();
        (long Heap, long Rss) held = default;
        await HoldAsync(server, count, timeout, measure: () => held = (SettledHeap(), ConnectionHarness.ResidentBytes())).ConfigureAwait(false);
        var heapPer = (held.Heap - heapBefore) / (double)count;
        var rssPer = (held.Rss - rssBefore) / (double)count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"footprint server={kind} connections={count} heap/conn={heapPer:F0} B rss/conn={rssPer:F0} B heap={held.Heap / 1024} KiB rss={held.Rss / 1024} KiB"));
    }

    private static async Task HoldAsync(BenchServer server, int count, TimeSpan timeout, Action? measure)
    {
        using var clients = ConnectionHarness.StartClients("idle-clients", server.EndPoint, ["--connections", count.ToString(CultureInfo.InvariantCulture)]);
        await ConnectionHarness.ExpectLineAsync(clients, "READY").ConfigureAwait(false);
        await server.WaitForOpenAsync(count, timeout).ConfigureAwait(false);

        // Let every connection finish its start (options, first zero-byte receive, timer) before reading.
        await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        measure?.Invoke();
        clients.StandardInput.Close();
        await clients.WaitForExitAsync().ConfigureAwait(false);
    }

    private static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
