using System.Net;
using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Framing;
using ActorTcp.Handlers;
using ActorTcp.Heartbeats;
using ActorTcp.Server;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>
/// A server under measurement: ActorTcp with the echo handler (<c>actortcp</c> = line framing,
/// <c>actortcp-raw</c>, <c>actortcp-line</c>) or the naive baseline (<c>naive</c>, one task and one
/// 4 KiB buffer per connection), or the floor of accepted sockets alone (<c>floor</c>).
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly ActorSystem? _system;
    private readonly TcpServer? _server;
    private readonly NaiveEchoServer? _naive;
    private readonly SocketFloorServer? _floor;

    private BenchServer(ActorSystem system, TcpServer server)
    {
        _system = system;
        _server = server;
        EndPoint = server.EndPoint;
    }

    private BenchServer(NaiveEchoServer naive)
    {
        _naive = naive;
        EndPoint = naive.EndPoint;
    }

    private BenchServer(SocketFloorServer floor)
    {
        _floor = floor;
        EndPoint = floor.EndPoint;
    }

    /// <summary>Where clients connect.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Starts a server of the named kind on a free loopback port.</summary>
    public static async Task<BenchServer> StartAsync(string kind)
    {
        if (kind == "naive")
        {
            return new BenchServer(NaiveEchoServer.Start());
        }

        if (kind == "floor")
        {
            return new BenchServer(SocketFloorServer.Start());
        }

        var options = new ActorTcpOptions();
        options.Listen.Host = "127.0.0.1";
        options.Listen.Port = 0;
        options.Listen.Backlog = 4096;
        options.Limits.MaxConnections = 100_000;
        options.Framing.Mode = kind == "actortcp-raw" ? FramingMode.Raw : FramingMode.Line;

        // Active heartbeats, as the idle scenario asks; the interval is longer than a
        // measurement, so the timer of every connection is armed but no ping is sent.
        options.Heartbeat.Mode = HeartbeatMode.Active;
        options.Heartbeat.Interval = TimeSpan.FromMinutes(2);
        var system = ActorSystem.Create("bench");
        var server = await TcpServer.StartAsync(system, options, () => EchoHandler.Instance).ConfigureAwait(false);
        return new BenchServer(system, server);
    }

    /// <summary>Open connections as the server counts them.</summary>
    public async Task<int> OpenConnectionsAsync()
    {
        if (_naive is not null)
        {
            return _naive.Open;
        }

        if (_floor is not null)
        {
            return _floor.Open;
        }

        var counts = await _server!.GetStateCountsAsync().ConfigureAwait(false);
        return counts.Values.Sum();
    }

    /// <summary>Waits until the server counts <paramref name="expected"/> open connections.</summary>
    public async Task WaitForOpenAsync(int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await OpenConnectionsAsync().ConfigureAwait(false) != expected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The server did not reach {expected} open connections.");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
            await _system!.DisposeAsync().ConfigureAwait(false);
        }

        _naive?.Dispose();
        _floor?.Dispose();
    }
}
