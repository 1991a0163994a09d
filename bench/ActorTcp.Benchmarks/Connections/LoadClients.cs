using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorTcp.Load.Measurement;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>
/// The client side of the harness, run in a child process: idle connections, pipelined echo, and
/// connect–request–close churn. Results go to standard output as one <c>RESULT</c> line.
/// </summary>
internal static class LoadClients
{
    /// <summary>Source addresses the connections are spread over, so ephemeral ports never run out.</summary>
    private const int SourceAddresses = 8;

    /// <summary>Opens <c>--connections</c> connections, says READY, holds them until standard input closes.</summary>
    public static async Task HoldIdleAsync(HarnessArguments args)
    {
        var server = Server(args);
        var count = args.Number("connections", 2000);
        var sockets = new Socket[count];
        var next = -1;
        var openers = Enumerable.Range(0, 32).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                sockets[i] = await ConnectAsync(server, i).ConfigureAwait(false);
            }
        });
        await Task.WhenAll(openers).ConfigureAwait(false);
        Console.WriteLine("READY");
        await Console.In.ReadToEndAsync().ConfigureAwait(false);
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
    }

    /// <summary>
    /// Keeps <c>--pipeline</c> messages of <c>--size</c> bytes (the last one a newline) in flight on
    /// each of <c>--connections</c> connections for <c>--duration</c> seconds; answers each echoed
    /// message with a new one.
    /// </summary>
    public static async Task EchoAsync(HarnessArguments args)
    {
        var server = Server(args);
        var count = args.Number("connections", 100);
        var size = args.Number("size", 64);
        var pipeline = args.Number("pipeline", 16);
        var duration = TimeSpan.FromSeconds(args.Number("duration", 10));
        var warmup = TimeSpan.FromSeconds(args.Number("warmup", 2));
        var sockets = new Socket[count];
        for (var i = 0; i < count; i++)
        {
            sockets[i] = await ConnectAsync(server, i).ConfigureAwait(false);
        }

        var stop = new CancellationTokenSource();
        var measuring = new StrongBox<bool>();
        var loops = sockets.Select(socket => EchoLoopAsync(socket, size, pipeline, measuring, stop.Token)).ToArray();
        await Task.Delay(warmup).ConfigureAwait(false);
        Console.WriteLine("START");
        var started = Stopwatch.GetTimestamp();
        Volatile.Write(ref measuring.Value, true);
        await Task.Delay(duration).ConfigureAwait(false);
        Volatile.Write(ref measuring.Value, false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine("STOP");
        await stop.CancelAsync().ConfigureAwait(false);
        var results = await Task.WhenAll(loops).ConfigureAwait(false);
        var histogram = new LatencyHistogram();
        long messages = 0;
        foreach (var result in results)
        {
            messages += result.Messages;
            histogram.Add(result.Latency);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT {messages} {elapsed.TotalSeconds:F3} {histogram.ValueAtPercentile(50) / 1000.0:F0} {histogram.ValueAtPercentile(99) / 1000.0:F0} {histogram.ValueAtPercentile(99.9) / 1000.0:F0}"));
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
    }

    /// <summary><c>--workers</c> loops of connect, one 64-byte line, read the echo, close (client first), for <c>--duration</c> seconds.</summary>
    public static async Task ChurnAsync(HarnessArguments args)
    {
        var server = Server(args);
        var workers = args.Number("workers", 16);
        var duration = TimeSpan.FromSeconds(args.Number("duration", 10));
        var request = Message(64);
        long completed = 0;
        long failed = 0;
        Console.WriteLine("START");
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, workers).Select(async _ =>
        {
            var reply = new byte[64];
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                try
                {
                    // No explicit source address: connect() picks the port, and may reuse one of
                    // the client's own TIME_WAIT ports on loopback, which bind() would not.
                    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(server).ConfigureAwait(false);
                    await socket.SendAsync(request, SocketFlags.None).ConfigureAwait(false);
                    var got = 0;
                    while (got < reply.Length)
                    {
                        var read = await socket.ReceiveAsync(reply.AsMemory(got), SocketFlags.None).ConfigureAwait(false);
                        if (read == 0)
                        {
                            throw new SocketException((int)SocketError.ConnectionReset);
                        }

                        got += read;
                    }

                    Interlocked.Increment(ref completed);
                }
                catch (SocketException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        });
        await Task.WhenAll(loops).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine("STOP");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {completed} {elapsed.TotalSeconds:F3} {failed}"));
    }

    private static IPEndPoint Server(HarnessArguments args) =>
        new(IPAddress.Loopback, args.Number("port", 0));

    private static async Task<Socket> ConnectAsync(IPEndPoint server, int index)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, (byte)(2 + (index % SourceAddresses))]), 0));
        await socket.ConnectAsync(server).ConfigureAwait(false);
        return socket;
    }

    /// <summary>A message of <paramref name="size"/> bytes whose last byte is a newline, so line framing sees one frame.</summary>
    private static byte[] Message(int size)
    {
        var message = new byte[size];
        message.AsSpan().Fill((byte)'x');
        message[^1] = (byte)'\n';
        return message;
    }

    private static async Task<EchoResult> EchoLoopAsync(Socket socket, int size, int pipeline, StrongBox<bool> measuring, CancellationToken stop)
    {
        var outgoing = new byte[size * pipeline];
        for (var i = 0; i < pipeline; i++)
        {
            Message(size).CopyTo(outgoing, i * size);
        }

        var incoming = new byte[64 * 1024];
        var sentAt = new long[pipeline];
        var head = 0;
        var tail = 0;
        var latency = new LatencyHistogram();
        long messages = 0;
        var partial = 0;
        for (var i = 0; i < pipeline; i++)
        {
            sentAt[tail++ % pipeline] = Stopwatch.GetTimestamp();
        }

        await socket.SendAsync(outgoing, SocketFlags.None).ConfigureAwait(false);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var read = await socket.ReceiveAsync(incoming, SocketFlags.None, stop).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                partial += read;
                var complete = partial / size;
                partial %= size;
                if (complete == 0)
                {
                    continue;
                }

                var now = Stopwatch.GetTimestamp();
                var measured = Volatile.Read(ref measuring.Value);
                for (var i = 0; i < complete; i++)
                {
                    var at = sentAt[head++ % pipeline];
                    if (measured)
                    {
                        latency.Record((long)Stopwatch.GetElapsedTime(at, now).TotalNanoseconds);
                    }
                }

                if (measured)
                {
                    messages += complete;
                }

                now = Stopwatch.GetTimestamp();
                for (var i = 0; i < complete; i++)
                {
                    sentAt[tail++ % pipeline] = now;
                }

                await socket.SendAsync(outgoing.AsMemory(0, complete * size), SocketFlags.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        return new EchoResult(messages, latency);
    }

    private sealed record EchoResult(long Messages, LatencyHistogram Latency);

    /// <summary>A mutable box for a flag shared by the client loops.</summary>
    private sealed class StrongBox<T>
    {
        public T Value = default!;
    }
}
