using ActorTcp.Lifecycle;
using ActorTcp.Server;

namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>
/// Traffic with a bit of everything for the dashboard to show: peers that talk, peers that only
/// answer heartbeats, peers held in CLOSE_WAIT, newcomers, and closes of every kind (the peer's FIN,
/// a local close, an abort, a silent peer reset by its heartbeat).
/// </summary>
public sealed class DashboardLoad : IAsyncDisposable
{
    /// <summary>The pace of the traffic: every talking peer sends a line per round.</summary>
    private static readonly TimeSpan Round = TimeSpan.FromMilliseconds(250);

    private readonly DashboardTestHost _host;
    private readonly List<PeerClient> _talkers;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private DashboardLoad(DashboardTestHost host, List<PeerClient> talkers)
    {
        _host = host;
        _talkers = talkers;
        _run = RunAsync(_stop.Token);
    }

    public static async Task<DashboardLoad> StartAsync(DashboardTestHost host)
    {
        var talkers = (await host.ConnectAsync(40)).ToList();
        await host.ConnectAsync(6, answerPings: true);
        var held = await host.ConnectAsync(4);
        foreach (var peer in held)
        {
            host.HeldPorts[peer.LocalPort] = true;
            peer.HalfClose();
        }

        return new DashboardLoad(host, talkers);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var random = new Random(9);
        try
        {
            for (var round = 0; ; round++)
            {
                await PlayRoundAsync(round, random, cancellationToken);
                await Task.Delay(Round, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The test has what it needs: the load stops.
        }
    }

    private async Task PlayRoundAsync(int round, Random random, CancellationToken cancellationToken)
    {
        _talkers.RemoveAll(peer => peer.Ended.IsCompleted);
        foreach (var peer in _talkers)
        {
            await SendQuietlyAsync(peer, new string('x', random.Next(8, 400)));
        }

        if (round % 4 == 0)
        {
            _talkers.AddRange(await _host.ConnectAsync(2));
        }

        if (round % 6 == 0 && _talkers.Count > 20)
        {
            _talkers[random.Next(_talkers.Count)].HalfClose();
        }

        if (round % 10 == 0)
        {
            await CloseOneAsync(CloseMode.Graceful, random, cancellationToken);
        }

        if (round % 16 == 0)
        {
            await CloseOneAsync(CloseMode.Abort, random, cancellationToken);
        }

        if (round % 24 == 0)
        {
            // A peer that neither talks nor answers pings: its heartbeats are missed and it is reset.
            await _host.ConnectAsync(1);
        }
    }

    /// <summary>Closes one talking peer's connection from the server's side, chosen among those still established.</summary>
    private async Task CloseOneAsync(CloseMode mode, Random random, CancellationToken cancellationToken)
    {
        var talking = _talkers.Select(peer => peer.LocalPort).ToHashSet();
        var established = (await _host.Server.GetConnectionsAsync(LifecycleState.Established, cancellationToken))
            .Where(c => talking.Contains(c.RemoteEndPoint.Port))
            .ToList();
        if (established.Count > 20)
        {
            await _host.Server.CloseAsync(established[random.Next(established.Count)].Id, mode, cancellationToken);
        }
    }

    private static async Task SendQuietlyAsync(PeerClient peer, string line)
    {
        try
        {
            await peer.SendLineAsync(line);
        }
        catch (Exception error) when (error is System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The peer is being closed by the server this very moment; it drops out next round.
        }
    }
}
