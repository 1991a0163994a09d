using System.Net;
using System.Net.Sockets;

namespace ActorTcp.Load.Scenarios;

/// <summary>
/// The peers of <c>deadpeer</c>, run by it inside the network namespace: opens the connections,
/// answers pings so the server sees them alive, prints <c>ready N</c>, and stays until its
/// standard input closes. Once the link is cut nothing they send arrives any more.
/// </summary>
internal static class DeadPeerClients
{
    private static readonly byte[] Ping = "PING"u8.ToArray();
    private static readonly byte[] Pong = "PONG\n"u8.ToArray();

    public static async Task<int> RunAsync(IPEndPoint target, int connections, CancellationToken cancellationToken)
    {
        var sockets = new List<Socket>();
        var loops = new List<Task>();
        for (var i = 0; i < connections; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(target, cancellationToken);
            sockets.Add(socket);
            loops.Add(AnswerPingsAsync(socket, cancellationToken));
        }

        Console.WriteLine($"ready {sockets.Count}");
        await Console.In.ReadToEndAsync(cancellationToken);
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        return 0;
    }

    private static async Task AnswerPingsAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken) is var read && read > 0)
            {
                if (buffer.AsSpan(0, read).IndexOf(Ping) >= 0)
                {
                    await socket.SendAsync(Pong, SocketFlags.None, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer's side of a connection the test tears down.
        }
    }
}
