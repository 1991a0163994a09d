using System.Net.Sockets;
using ActorTcp.Load.Cli;
using ActorTcp.Load.Measurement;
using ActorTcp.Load.Net;

namespace ActorTcp.Load.Scenarios;

/// <summary>
/// Opens many connections that send nothing, holds them, and reads what they cost the server: RSS
/// from <c>/proc/PID/status</c> and, from the ActorTcp bench server's stats port, the managed heap,
/// both per connection above the empty server's baseline. RSS is read before the heap at every
/// reading, because the heap probe forces a full collection.
/// </summary>
internal sealed class IdleScenario(IdleSettings settings)
{
    private static readonly byte[] Ping = "PING"u8.ToArray();
    private static readonly byte[] Pong = "PONG\n"u8.ToArray();

    private readonly ProcessProbe? _process = settings.ServerPid is { } pid ? new ProcessProbe(pid) : null;
    private readonly StatsProbe? _stats = settings.Stats is { } stats ? new StatsProbe(stats) : null;
    private readonly List<Socket> _sockets = [];
    private long _pingsAnswered;
    private int _closedByServer;

    public async Task<IdleResult> RunAsync(LoadProgress progress, CancellationToken cancellationToken)
    {
        await Task.Delay(settings.Settle, cancellationToken);
        var (baselineRss, baselineHeap) = await ReadMemoryAsync(cancellationToken);
        var connector = new Connector(settings.Target);
        var steps = new List<IdleStep>();
        var opening = progress.Start($"opening {settings.Connections:N0} connections", settings.Connections);
        using var readers = new CancellationTokenSource();
        var readLoops = new List<Task>();
        try
        {
            for (var step = 1; step <= settings.Steps; step++)
            {
                var goal = (int)((long)settings.Connections * step / settings.Steps);
                await OpenAsync(connector, goal, readLoops, readers.Token, opening, cancellationToken);
                if (step < settings.Steps)
                {
                    await Task.Delay(settings.Settle, cancellationToken);
                    steps.Add(await ReadStepAsync(baselineRss, baselineHeap, cancellationToken));
                }
            }

            opening.Complete();

            // The accepts of the last step are done before the hold's CPU time is counted.
            await Task.Delay(settings.Settle, cancellationToken);
            var holding = progress.Start($"holding {_sockets.Count:N0} connections", settings.Hold.TotalSeconds);
            var before = _process?.Sample();
            var machineBefore = MachineCpu.Read();
            var started = DateTime.UtcNow;
            while (DateTime.UtcNow - started < settings.Hold)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
                holding.Report((DateTime.UtcNow - started).TotalSeconds);
            }

            var after = _process?.Sample();
            var machineAfter = MachineCpu.Read();
            holding.Complete();
            var final = await ReadStepAsync(baselineRss, baselineHeap, cancellationToken);
            steps.Add(final);
            return new IdleResult
            {
                Requested = settings.Connections,
                Connected = _sockets.Count,
                AliveAtEnd = _sockets.Count - Volatile.Read(ref _closedByServer),
                PingsAnswered = Interlocked.Read(ref _pingsAnswered),
                HoldSeconds = settings.Hold.TotalSeconds,
                BaselineRssBytes = baselineRss,
                BaselineHeapBytes = baselineHeap,
                Steps = steps,
                Final = final,
                HoldCpuPercent = before is { } b && after is { } a ? a.CpuPercentSince(b) : -1,
                HoldStealPercent = machineAfter.StealPercentSince(machineBefore),
            };
        }
        finally
        {
            await readers.CancelAsync();
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }

            await Task.WhenAll(readLoops).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task OpenAsync(
        Connector connector,
        int goal,
        List<Task> readLoops,
        CancellationToken readersToken,
        LoadProgress.Stage opening,
        CancellationToken cancellationToken)
    {
        var missing = goal - _sockets.Count;
        var opened = new Socket?[missing];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, missing),
            new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                try
                {
                    opened[i] = await connector.ConnectAsync(token);
                }
                catch (SocketException)
                {
                    // Counted as the difference between requested and connected.
                }
            });
        foreach (var socket in opened)
        {
            if (socket is not null)
            {
                _sockets.Add(socket);
                readLoops.Add(ReadAsync(socket, readersToken));
            }
        }

        opening.Report(_sockets.Count);
    }

    /// <summary>Reads what the server sends: pings get a pong; the end of the stream is counted.</summary>
    private async Task ReadAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    Interlocked.Increment(ref _closedByServer);
                    return;
                }

                if (settings.AnswerPings && buffer.AsSpan(0, read).IndexOf(Ping) >= 0)
                {
                    await socket.SendAsync(Pong, SocketFlags.None, cancellationToken);
                    Interlocked.Increment(ref _pingsAnswered);
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _closedByServer);
            }
        }
    }

    private async Task<IdleStep> ReadStepAsync(long baselineRss, long baselineHeap, CancellationToken cancellationToken)
    {
        var (rss, heap) = await ReadMemoryAsync(cancellationToken);
        var count = _sockets.Count;
        return new IdleStep(
            count,
            rss,
            heap,
            rss < 0 || count == 0 ? double.NaN : (double)(rss - baselineRss) / count,
            heap < 0 || count == 0 ? double.NaN : (double)(heap - baselineHeap) / count);
    }

    private async Task<(long Rss, long Heap)> ReadMemoryAsync(CancellationToken cancellationToken)
    {
        var rss = _process?.Sample().RssBytes ?? -1;
        var heap = _stats is null ? -1 : (await _stats.ReadAsync(cancellationToken)).Heap;
        return (rss, heap);
    }
}
