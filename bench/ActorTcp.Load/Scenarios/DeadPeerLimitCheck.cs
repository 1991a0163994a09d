using System.Diagnostics;
using System.Net;
using ActorTcp.Load.Measurement;

namespace ActorTcp.Load.Scenarios;

/// <summary>
/// Checks each dead peer's server socket once, when its release falls due (its peer's last send +
/// budget + tick), with an exact kernel lookup that takes microseconds. A socket still there is
/// certainly late: the lookup began after its limit. A socket gone was released before the lookup
/// ended, which the check's lag (how long after the limit that was) bounds; a late one is checked
/// again every millisecond until it goes, to bound how late it was. Reading the whole socket
/// table cannot say this: one reading of a thousand sockets takes 5 to 30 ms, more than the tick.
/// </summary>
internal static class DeadPeerLimitCheck
{
    /// <summary>How long after its limit a late socket is still rechecked (a server with no heartbeat keeps every one).</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMilliseconds(100);

    /// <summary>Starts the checks on a thread of their own, so the coarse table readings cannot hold them up.</summary>
    /// <param name="sockets">The server's established sockets to the peers.</param>
    /// <param name="lastSend">Per peer port, the monotonic timestamp of its last send.</param>
    /// <param name="fallback">The timestamp for a peer that reported no send.</param>
    /// <param name="limit">Budget + tick.</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    public static Task<DeadPeerVerdict> StartAsync(
        IReadOnlyList<KernelSocket> sockets, IReadOnlyDictionary<int, long> lastSend, long fallback, TimeSpan limit, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => Run(sockets, lastSend, fallback, limit, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private static DeadPeerVerdict Run(
        IReadOnlyList<KernelSocket> sockets, IReadOnlyDictionary<int, long> lastSend, long fallback, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var lookup = new SocketLookup();
        var limitTimestamps = Timestamps.From(limit);
        var recheck = Stopwatch.Frequency / 1000;
        var giveUp = Timestamps.From(GiveUpAfter);

        // Each socket is checked at its limit; one still there is late, and is checked again every
        // millisecond until it goes, to say by how much.
        var queue = new PriorityQueue<(IPEndPoint Local, IPEndPoint Remote, long Limit), long>();
        var notFound = 0;
        foreach (var socket in sockets)
        {
            if (Resolve(lookup, socket) is { } ends)
            {
                var at = lastSend.GetValueOrDefault(socket.Remote.Port, fallback) + limitTimestamps;
                queue.Enqueue((ends.Local, ends.Remote, at), at);
            }
            else
            {
                notFound++;
            }
        }

        var late = new HashSet<IPEndPoint>();
        var lags = new List<double>();
        var overshoots = new List<double>();
        while (queue.TryDequeue(out var due, out var checkAt))
        {
            WaitUntil(checkAt, cancellationToken);
            var present = lookup.Find(due.Local, due.Remote) is not null;
            var checkedBy = Stopwatch.GetTimestamp();
            if (present)
            {
                late.Add(due.Remote);
                if (checkedBy - due.Limit < giveUp)
                {
                    queue.Enqueue(due, checkedBy + recheck);
                }
            }
            else if (late.Contains(due.Remote))
            {
                overshoots.Add(Timestamps.ToSeconds(checkedBy - due.Limit));
            }
            else
            {
                lags.Add(Timestamps.ToSeconds(checkedBy - due.Limit));
            }
        }

        // A late socket never seen gone was late by more than the rechecks cover.
        for (var i = overshoots.Count; i < late.Count; i++)
        {
            overshoots.Add(double.PositiveInfinity);
        }

        lags.Sort();
        overshoots.Sort();
        return new DeadPeerVerdict(
            lags.Count,
            late.Count,
            notFound,
            Median(lags),
            lags.Count == 0 ? double.NaN : lags[^1],
            Median(overshoots),
            overshoots.Count == 0 ? double.NaN : overshoots[^1]);
    }

    private static double Median(List<double> sorted) => sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];

    /// <summary>
    /// The socket's ends as the kernel files them: IPv4, or IPv4-mapped IPv6 for a dual-stack server
    /// (the table shows both as IPv4); null when neither finds it established.
    /// </summary>
    private static (IPEndPoint Local, IPEndPoint Remote)? Resolve(SocketLookup lookup, KernelSocket socket)
    {
        if (lookup.Find(socket.Local, socket.Remote) == TcpState.Established)
        {
            return (socket.Local, socket.Remote);
        }

        var local = new IPEndPoint(socket.Local.Address.MapToIPv6(), socket.Local.Port);
        var remote = new IPEndPoint(socket.Remote.Address.MapToIPv6(), socket.Remote.Port);
        return lookup.Find(local, remote) == TcpState.Established ? (local, remote) : null;
    }

    /// <summary>Sleeps in whole milliseconds until <paramref name="timestamp"/> has passed: no spinning, which would take a core from the server under test.</summary>
    private static void WaitUntil(long timestamp, CancellationToken cancellationToken)
    {
        long remaining;
        while ((remaining = timestamp - Stopwatch.GetTimestamp()) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Thread.Sleep(Math.Max(1, (int)(remaining * 1000 / Stopwatch.Frequency)));
        }
    }
}
