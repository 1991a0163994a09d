using System.Net;
using System.Net.Sockets;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>
/// The naive baseline: an accept loop and one task with one 4 KiB buffer per connection that echoes
/// whatever arrives, the way most hand-written .NET socket servers start out.
/// </summary>
internal sealed class NaiveEchoServer : IDisposable
{
    private readonly Socket _listener;
    private int _open;

    private NaiveEchoServer(Socket listener)
    {
        _listener = listener;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <summary>Where clients connect.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Connections being served.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Binds a free loopback port and starts accepting.</summary>
    public static NaiveEchoServer Start()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(4096);
        var server = new NaiveEchoServer(listener);
        _ = server.AcceptLoopAsync();
        return server;
    }

    public void Dispose() => _listener.Dispose();

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        Interlocked.Increment(ref _open);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None).ConfigureAwait(false);
            }
        }
        catch (SocketException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            socket.Dispose();
        }
    }
}
