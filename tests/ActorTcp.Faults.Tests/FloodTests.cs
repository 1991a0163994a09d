using System.Net;
using System.Net.Sockets;
using ActorTcp.Faults.Tests.Support;
using ActorTcp.Teardown;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Sockets;
using Xunit.Abstractions;

namespace ActorTcp.Faults.Tests;

[Collection(FaultsCollection.Name)]
public sealed class FloodTests(ITestOutputHelper output)
{
    private const int MaxConnections = 1000;
    private const int Attempts = 5000;
    private const int Probes = 20;
    private static readonly TimeSpan P99Bound = TimeSpan.FromMilliseconds(100);

    /// <summary>A loopback burst can be over in half a second; the measurement goes on until it has this many round trips.</summary>
    private const int LeastRoundTrips = 200;

    /// <summary>
    /// What the flood may add to the process's resident memory: 6,000 sockets on both ends, 1,000
    /// connection actors and 4,000 refusals, with room for the collector's slack. Unbounded
    /// buffering (a queue per refused attempt, a buffer per connection) would pass it.
    /// </summary>
    private const long MemoryGrowthBound = 256L * 1024 * 1024;

    [Fact]
    public async Task FiveThousandAttemptsInOneBurst_AcceptedConnectionsKeepEchoingUnder100msAtP99()
    {
        // Scenario: a server limited to 1,000 connections, 20 of them echoing continuously.
        await using var server = await FaultServer.StartAsync(o => o.Limits.MaxConnections = MaxConnections);
        using var probe = await EchoProbe.ConnectAsync(server.Port, Probes);
        GC.Collect();
        var memoryBefore = ResidentMemory.Bytes();
        probe.Start();
        await Eventually.TrueAsync(() => probe.Count >= Probes, "every probe connection echoed once", Eventually.ProcessTimeout);
        var floodStart = probe.Count;

        // Fault: 5,000 connection attempts at once.
        using var flood = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var clients = Enumerable.Range(0, Attempts).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ToList();
        try
        {
            var attempts = clients.Select(client => Attempt(client, server.Port, flood.Token)).ToList();
            var mostOpen = 0;
            while (!attempts.TrueForAll(a => a.IsCompleted))
            {
                mostOpen = Math.Max(mostOpen, (await server.Server.GetStateCountsAsync()).Values.Sum());
                await Task.Delay(50);
            }

            // The flood is over once the server has taken every attempt off the accept queue.
            await Eventually.TrueAsync(async () => (await server.Server.GetStateCountsAsync()).Values.Sum() == MaxConnections, "the server is full", Eventually.ProcessTimeout);
            await Eventually.TrueAsync(() => AcceptQueue(server.Port) == 0, "every attempt has been accepted or refused", Eventually.ProcessTimeout);
            await Eventually.TrueAsync(() => probe.Count - floodStart >= LeastRoundTrips, "enough round trips are measured", Eventually.ProcessTimeout);
            var roundTrips = probe.Stop().Skip(floodStart).ToList();
            var connected = attempts.Count(a => a.Result);

            // The echoing connections kept their latency, the limit held, and memory stayed bounded.
            var p99 = Percentile(roundTrips, 0.99);
            var growth = probe.PeakResidentBytes - memoryBefore;
            output.WriteLine($"{connected} of {Attempts} attempts connected; {roundTrips.Count} round trips, p99 {p99.TotalMilliseconds:F1} ms; resident memory +{growth / (1024 * 1024)} MiB");
            Assert.True(p99 < P99Bound, $"p99 echo latency during the flood was {p99.TotalMilliseconds:F1} ms.");
            Assert.InRange(mostOpen, 0, MaxConnections);
            Assert.DoesNotContain(server.Record.Closed, closed => closed.Closed.Reason != CloseReason.Rejected);

            // Kernel fact: the process's resident set (VmRSS) grew by a bounded amount.
            Assert.InRange(growth, long.MinValue, MemoryGrowthBound);
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    private static async Task<bool> Attempt(Socket client, int port, CancellationToken cancellationToken)
    {
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static long AcceptQueue(int port) =>
        KernelTcpTable.ReadAll().Where(s => s.State == KernelTcpState.Listen && s.LocalEndPoint.Port == port).Sum(s => s.ReceiveQueueBytes);

    private static TimeSpan Percentile(IReadOnlyList<TimeSpan> samples, double fraction)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }
}
