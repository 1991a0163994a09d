using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ActorTcp.Load.Scenarios;

/// <summary>
/// The peers of <c>deadpeer</c>, run by it inside the network namespace: opens the connections,
/// answers pings so the server sees them alive, and prints <c>ready N</c>. On the line
/// <c>silent MS</c> from its standard input it waits until every connection has answered a ping
/// (a peer that dies in the middle of a conversation, not right after its handshake) or MS
/// milliseconds have passed (a server that sends no pings), stops answering, and prints, per
/// connection, its local port and the monotonic timestamp taken just before its last send (the
/// server cannot have heard from it later than that), then <c>end</c>. It stays until its standard
/// input closes.
/// </summary>
internal static class DeadPeerClients
{
    private static readonly byte[] Ping = "PING"u8.ToArray();
    private static readonly byte[] Pong = "PONG\n"u8.ToArray();

    private static volatile bool _silent;
    private static int _answered;

    public static async Task<int> RunAsync(IPEndPoint target, int connections, CancellationToken cancellationToken)
    {
        var sockets = new Socket[connections];
        var lastSent = new long[connections];
        var loops = new List<Task>();
        for (var i = 0; i < connections; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            lastSent[i] = Stopwatch.GetTimestamp();
            await socket.ConnectAsync(target, cancellationToken);
            sockets[i] = socket;
            var index = i;
            loops.Add(AnswerPingsAsync(socket, lastSent, index, cancellationToken));
        }

        Console.WriteLine($"ready {sockets.Length}");
        while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("silent ", StringComparison.Ordinal))
            {
                continue;
            }

            var waitUntil = Stopwatch.GetTimestamp() + (long.Parse(line["silent ".Length..], CultureInfo.InvariantCulture) * Stopwatch.Frequency / 1000);
            while (Volatile.Read(ref _answered) < connections && Stopwatch.GetTimestamp() < waitUntil)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
            }

            _silent = true;

            // A pong already on its way has taken its timestamp; let it finish before reporting.
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            for (var i = 0; i < sockets.Length; i++)
            {
                var port = ((IPEndPoint)sockets[i].LocalEndPoint!).Port;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{port} {Volatile.Read(ref lastSent[i])}"));
            }

            Console.WriteLine("end");
        }

        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        return 0;
    }

    private static async Task AnswerPingsAsync(Socket socket, long[] lastSent, int index, CancellationToken cancellationToken)
    {
        var buffer = new byte[64];
        var answered = false;
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken) is var read && read > 0)
            {
                if (!_silent && buffer.AsSpan(0, read).IndexOf(Ping) >= 0)
                {
                    Volatile.Write(ref lastSent[index], Stopwatch.GetTimestamp());
                    await socket.SendAsync(Pong, SocketFlags.None, cancellationToken);
                    if (!answered)
                    {
                        answered = true;
                        Interlocked.Increment(ref _answered);
                    }
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer's side of a connection the test tears down.
        }
    }
}
