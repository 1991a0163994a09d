using System.Net.Sockets;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>
/// A peer that reads a long stream at a steady, slow pace (so a transfer is still running when the
/// test breaks the network), counts what it got, and answers any <c>PING</c> line with <c>PONG</c>.
/// </summary>
public sealed class SlowReader
{
    private const int ChunkBytes = 16 * 1024;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);
    private long _received;

    public long Received => Interlocked.Read(ref _received);

    public async Task RunAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[ChunkBytes];
        var lineLength = 0;
        var tail = 0u;
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
                    if (buffer[i] == (byte)'\n')
                    {
                        // The last four bytes of a four-byte line are its whole content.
                        if (lineLength == 4 && tail == 0x50494E47u)
                        {
                            await socket.SendAsync("PONG\n"u8.ToArray(), SocketFlags.None, stop);
                        }

                        lineLength = 0;
                        tail = 0;
                        continue;
                    }

                    lineLength++;
                    tail = (tail << 8) | buffer[i];
                }

                Interlocked.Add(ref _received, read);
                await Task.Delay(Pause, stop);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped by the test, or the connection ended.
        }
    }
}
