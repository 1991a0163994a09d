using System.Diagnostics;
using System.Globalization;
using System.Net;
using ActorTcp.Load.Cli;
using ActorTcp.Load.Measurement;
using ActorTcp.Load.Net;

namespace ActorTcp.Load.Scenarios;

/// <summary>
/// Peers that vanish: connections from a network namespace that answer the server's pings, then fall
/// silent once each has answered one (or after one budget, for a server that sends none) and whose
/// link is then cut, so no byte, FIN or RST ever arrives again. The server's sockets are watched in the kernel's
/// socket table; a connection counts as released when its server socket is gone from the table.
/// The server's budget runs from the last byte it received, so each release is timed from its
/// peer's last send (an upper bound: the byte arrived a little later) to the first reading
/// without the socket (also an upper bound, by up to one polling interval). Whether each release
/// met budget + tick is decided apart from those timings, by <see cref="DeadPeerLimitCheck"/>.
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
            var lastByte = await SilenceAsync(peers, settings.Budget, cancellationToken);
            progress.Note($"{open.Count} server sockets established from {network.PeerAddress}; peers silent, cutting the link");
            var cut = Stopwatch.GetTimestamp();
            var machineAtCut = MachineCpu.Read();
            network.CutLink();
            var limit = settings.Budget + settings.Tick;
            var verdictAtLimits = DeadPeerLimitCheck.StartAsync(open, lastByte, cut, limit, cancellationToken);

            // A socket present at one reading and gone at the next was released between the two. A
            // reading takes time, so the bounds are its start (the socket was there no earlier) and
            // the next one's end (it was gone by then).
            var releases = new Dictionary<int, (long After, long By)>();
            var watching = progress.Start($"watching {open.Count:N0} dead peers", open.Count);
            var previousStart = cut;
            while (releases.Count < open.Count && Stopwatch.GetElapsedTime(cut) < settings.Observe)
            {
                await Task.Delay(Poll, cancellationToken);
                var start = Stopwatch.GetTimestamp();
                var still = ServerSockets(network.PeerAddress).Select(s => s.Remote.Port).ToHashSet();
                var end = Stopwatch.GetTimestamp();
                foreach (var port in open.Select(s => s.Remote.Port))
                {
                    if (!still.Contains(port))
                    {
                        releases.TryAdd(port, (previousStart, end));
                    }
                }

                previousStart = start;
                watching.Report(releases.Count);
            }

            watching.Complete();
            var stealPercent = MachineCpu.Read().StealPercentSince(machineAtCut);
            var verdict = await verdictAtLimits;
            var byLate = releases.Select(r => Timestamps.ToSeconds(r.Value.By - lastByte.GetValueOrDefault(r.Key, cut))).Order().ToArray();
            var fromCut = releases.Select(r => Timestamps.ToSeconds(r.Value.By - cut)).ToArray();
            return new DeadPeerResult
            {
                Connections = open.Count,
                Released = releases.Count,
                WithinBudget = verdict.InTime,
                Late = verdict.Late,
                Unchecked = verdict.Unchecked,
                CheckLagMedianSeconds = verdict.MedianLagSeconds,
                CheckLagMaxSeconds = verdict.MaxLagSeconds,
                LateByMedianSeconds = verdict.MedianOvershootSeconds,
                LateByMaxSeconds = verdict.MaxOvershootSeconds,
                BudgetSeconds = settings.Budget.TotalSeconds,
                TickSeconds = settings.Tick.TotalSeconds,
                ObservedSeconds = Stopwatch.GetElapsedTime(cut).TotalSeconds,
                PollSeconds = releases.Count == 0 ? double.NaN : releases.Values.Max(r => Timestamps.ToSeconds(r.By - r.After)),
                MinSeconds = byLate.Length == 0 ? double.NaN : byLate[0],
                MedianSeconds = byLate.Length == 0 ? double.NaN : byLate[byLate.Length / 2],
                MaxSeconds = byLate.Length == 0 ? double.NaN : byLate[^1],
                MaxFromCutSeconds = fromCut.Length == 0 ? double.NaN : fromCut.Max(),
                StealPercent = stealPercent,
            };
        }
        finally
        {
            peers.Kill(entireProcessTree: true);
            await peers.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Makes the peers stop answering once each has answered a ping (or after <paramref name="pingWait"/>);
    /// returns, per peer port, the time of its last send.
    /// </summary>
    private static async Task<Dictionary<int, long>> SilenceAsync(Process peers, TimeSpan pingWait, CancellationToken cancellationToken)
    {
        await peers.StandardInput.WriteLineAsync($"silent {(long)pingWait.TotalMilliseconds}".AsMemory(), cancellationToken);
        await peers.StandardInput.FlushAsync(cancellationToken);
        var lastByte = new Dictionary<int, long>();
        while (await peers.StandardOutput.ReadLineAsync(cancellationToken) is { } line && line != "end")
        {
            var parts = line.Split(' ');
            lastByte[int.Parse(parts[0], CultureInfo.InvariantCulture)] = long.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        return lastByte;
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

    private async Task<List<KernelSocket>> WaitForServerSocketsAsync(IPAddress peer, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 10);
        while (true)
        {
            var open = ServerSockets(peer).Where(s => s.State == TcpState.Established).ToList();
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
