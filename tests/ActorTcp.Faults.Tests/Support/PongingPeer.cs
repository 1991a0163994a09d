using System.Net.Sockets;
using System.Text;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>
/// A peer that answers every <c>PING</c> line with <c>PONG</c>, as a live device would, until its
/// socket fails or the test stops it. It never closes the socket itself: whoever made it does.
/// </summary>
public static class PongingPeer
{
    private static readonly byte[] Pong = "PONG\n"u8.ToArray();

    public static async Task RunAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[1024];
        var line = new StringBuilder();
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, stop);
                if (read == 0)
                {
                    return;
                }

                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'\n')
                    {
                        line.Append((char)buffer[i]);
                        continue;
                    }

                    if (line.ToString() == "PING")
                    {
                        await socket.SendAsync(Pong, SocketFlags.None, stop);
                    }

                    line.Clear();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped by the test, or the connection ended: either way this peer is done.
        }
    }
}
