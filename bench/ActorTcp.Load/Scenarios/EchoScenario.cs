using System.Diagnostics;
using System.Net.Sockets;
using ActorTcp.Load.Cli;
using ActorTcp.Load.Measurement;
using ActorTcp.Load.Net;

namespace ActorTcp.Load.Scenarios;

/// <summary>
/// Keeps <c>pipeline</c> messages in flight on each connection: whenever echoed bytes complete k
/// messages, k new ones go out in one write. The latency of a message is from the write that sent
/// it to the read that completed its echo; the echo comes back in order, so a ring of send times
/// per connection is enough.
/// </summary>
internal sealed class EchoScenario(EchoSettings settings)
{
    private const int Warming = 0;
    private const int Measuring = 1;
    private const int Stopping = 2;

    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    private int _phase = Warming;
    private int _failed;

    public async Task<EchoResult> RunAsync(LoadProgress progress, CancellationToken cancellationToken)
    {
        var connector = new Connector(settings.Target);
        var sockets = new Socket[settings.Connections];
        for (var i = 0; i < sockets.Length; i++)
        {
            sockets[i] = await connector.ConnectAsync(cancellationToken);
        }

        var message = new byte[settings.Size];
        message.AsSpan().Fill((byte)'x');
        message[^1] = (byte)'\n';
        var batch = new byte[settings.Size * settings.Pipeline];
        for (var i = 0; i < settings.Pipeline; i++)
        {
            message.CopyTo(batch, i * settings.Size);
        }

        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var histograms = new LatencyHistogram[sockets.Length];
        var frames = new long[sockets.Length];
        var loops = new Task[sockets.Length];
        for (var i = 0; i < sockets.Length; i++)
        {
            histograms[i] = new LatencyHistogram();
            var index = i;
            loops[i] = Task.Run(() => RunConnectionAsync(sockets[index], batch, histograms[index], frames, index, abort.Token), CancellationToken.None);
        }

        var warm = progress.Start("warming up", settings.Warmup.TotalSeconds);
        await WaitAsync(settings.Warmup, warm, cancellationToken);
        Volatile.Write(ref _phase, Measuring);
        var start = Stopwatch.GetTimestamp();
        var machineAtStart = MachineCpu.Read();
        var measure = progress.Start($"echo {settings.Connections} × {settings.Pipeline} × {settings.Size} B", settings.Duration.TotalSeconds);
        await WaitAsync(settings.Duration, measure, cancellationToken);
        Volatile.Write(ref _phase, Stopping);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var stealPercent = MachineCpu.Read().StealPercentSince(machineAtStart);

        // Messages still in flight are not waited for: the loops stop at their next read.
        abort.CancelAfter(TimeSpan.FromSeconds(2));
        await Task.WhenAll(loops);
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        var total = new LatencyHistogram();
        foreach (var histogram in histograms)
        {
            total.Add(histogram);
        }

        var count = frames.Sum();
        return new EchoResult
        {
            Connections = settings.Connections,
            Size = settings.Size,
            Pipeline = settings.Pipeline,
            Seconds = elapsed.TotalSeconds,
            Frames = count,
            FramesPerSecond = count / elapsed.TotalSeconds,
            MegabytesPerSecond = count * (double)settings.Size / elapsed.TotalSeconds / 1e6,
            P50Us = total.ValueAtPercentile(50) / 1000.0,
            P99Us = total.ValueAtPercentile(99) / 1000.0,
            P999Us = total.ValueAtPercentile(99.9) / 1000.0,
            MaxUs = total.Max / 1000.0,
            MeanUs = total.Mean / 1000.0,
            Failed = _failed,
            StealPercent = stealPercent,
        };
    }

    private static async Task WaitAsync(TimeSpan duration, LoadProgress.Stage stage, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) is var elapsed && elapsed < duration)
        {
            stage.Report(elapsed.TotalSeconds);
            var left = duration - elapsed;
            await Task.Delay(left < TimeSpan.FromMilliseconds(250) ? left : TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        stage.Complete();
    }

    private async Task RunConnectionAsync(Socket socket, byte[] batch, LatencyHistogram histogram, long[] frames, int index, CancellationToken cancellationToken)
    {
        var size = settings.Size;
        var pipeline = settings.Pipeline;
        var sentAt = new long[pipeline];
        var head = 0;
        var tail = 0;
        var partial = 0;
        long measured = 0;
        var buffer = new byte[64 * 1024];
        try
        {
            var now = Stopwatch.GetTimestamp();
            for (var i = 0; i < pipeline; i++)
            {
                sentAt[i] = now;
            }

            await socket.SendAsync(batch, SocketFlags.None, cancellationToken);
            while (Volatile.Read(ref _phase) != Stopping)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    throw new SocketException((int)SocketError.ConnectionReset);
                }

                partial += read;
                var completed = partial / size;
                partial %= size;
                if (completed == 0)
                {
                    continue;
                }

                now = Stopwatch.GetTimestamp();
                var recording = Volatile.Read(ref _phase) == Measuring;
                for (var i = 0; i < completed; i++)
                {
                    if (recording)
                    {
                        histogram.Record((long)((now - sentAt[head]) * NanosecondsPerTick));
                    }

                    head = (head + 1) % pipeline;
                    sentAt[tail] = now;
                    tail = (tail + 1) % pipeline;
                }

                if (recording)
                {
                    measured += completed;
                }

                await socket.SendAsync(batch.AsMemory(0, completed * size), SocketFlags.None, cancellationToken);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            if (Volatile.Read(ref _phase) != Stopping)
            {
                Interlocked.Increment(ref _failed);
            }
        }

        frames[index] = measured;
    }
}
