using System.Diagnostics;
using System.Globalization;
using System.Net;
using ActorTcp.Load.Cli;
using ActorTcp.Load.Measurement;
using ActorTcp.Load.Net;

namespace ActorTcp.Load.Scenarios;

/// <summary>
/// Peers that vanish: connections from a network namespace whose link is then cut, so no FIN or
/// RST ever arrives. The server's sockets are watched in the kernel's socket table; a connection
/// counts as released when its server socket is gone from the table. Each release time is taken
/// from the cut and compared with the configured budget plus one timer tick.
/// </summary>
internal sealed class DeadPeerScenario(DeadPeerSettings settings)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    public async Task<DeadPeerResult> RunAsync(LoadProgress progress, CancellationToken cancellationToken)
    {
        using var network = NetworkNamespace.Create();
        using var peers = StartPeers(network);
        try
        {
            var ready = await peers.StandardOutput.ReadLineAsync(cancellationToken);
            if (ready is null || !ready.StartsWith("ready", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the peers did not connect: " + await peers.StandardError.ReadToEndAsync(cancellationToken));
            }

            var open = await WaitForServerSocketsAsync(network.PeerAddress, cancellationToken);
            progress.Note($"{open.Count} server sockets established from {network.PeerAddress}; cutting the link");
            var cut = Stopwatch.GetTimestamp();
            network.CutLink();

            var releasedAfter = new Dictionary<int, double>();
            var watching = progress.Start($"watching {open.Count:N0} dead peers", open.Count);
            while (releasedAfter.Count < open.Count && Stopwatch.GetElapsedTime(cut) < settings.Observe)
            {
                await Task.Delay(Poll, cancellationToken);
                var now = Stopwatch.GetElapsedTime(cut).TotalSeconds;
                var still = ServerSockets(network.PeerAddress).Select(s => s.Remote.Port).ToHashSet();
                foreach (var port in open)
                {
                    if (!still.Contains(port))
                    {
                        releasedAfter.TryAdd(port, now);
                    }
                }

                watching.Report(releasedAfter.Count);
            }

            watching.Complete();
            var times = releasedAfter.Values.Order().ToArray();
            var limit = (settings.Budget + settings.Tick).TotalSeconds;
            return new DeadPeerResult
            {
                Connections = open.Count,
                Released = times.Length,
                WithinBudget = times.Count(t => t <= limit),
                BudgetSeconds = settings.Budget.TotalSeconds,
                TickSeconds = settings.Tick.TotalSeconds,
                ObservedSeconds = Stopwatch.GetElapsedTime(cut).TotalSeconds,
                PollSeconds = Poll.TotalSeconds,
                MinSeconds = times.Length == 0 ? double.NaN : times[0],
                MedianSeconds = times.Length == 0 ? double.NaN : times[times.Length / 2],
                MaxSeconds = times.Length == 0 ? double.NaN : times[^1],
            };
        }
        finally
        {
            peers.Kill(entireProcessTree: true);
            await peers.WaitForExitAsync(CancellationToken.None);
        }
    }

    private Process StartPeers(NetworkNamespace network)
    {
        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "netns", "exec", network.Name })
        {
            start.ArgumentList.Add(argument);
        }

        // This very program, as the apphost or through the dotnet muxer.
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        start.ArgumentList.Add(self);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(DeadPeerScenario).Assembly.Location);
        }

        start.ArgumentList.Add("deadpeer-clients");
        start.ArgumentList.Add("--target");
        start.ArgumentList.Add(new IPEndPoint(network.HostAddress, settings.ServerPort).ToString());
        start.ArgumentList.Add("--connections");
        start.ArgumentList.Add(settings.Connections.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start the peers");
    }

    private async Task<List<int>> WaitForServerSocketsAsync(IPAddress peer, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 10);
        while (true)
        {
            var open = ServerSockets(peer).Where(s => s.State == TcpState.Established).Select(s => s.Remote.Port).ToList();
            if (open.Count >= settings.Connections || Stopwatch.GetTimestamp() > deadline)
            {
                return open;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private IEnumerable<KernelSocket> ServerSockets(IPAddress peer) =>
        TcpTable.Read().Where(s => s.Local.Port == settings.ServerPort && s.Remote.Address.Equals(peer));
}
