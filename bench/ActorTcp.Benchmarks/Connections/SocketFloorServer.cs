using System.Net;
using System.Net.Sockets;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>
/// The floor under any server's idle footprint: accepted sockets that wait for data with a zero-byte
/// receive, and no other per-connection state.
/// The footprint of the <c>actortcp</c> server minus this is what the actor, the registry and the
/// connection's own state cost.
/// </summary>
internal sealed class SocketFloorServer : IDisposable
{
    private readonly Socket _listener;
    private readonly List<Socket> _held = [];

    private SocketFloorServer(Socket listener)
    {
        _listener = listener;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <summary>Where clients connect.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Connections being held.</summary>
    public int Open
    {
        get
        {
            lock (_held)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>Binds a free loopback port and starts accepting.</summary>
    public static SocketFloorServer Start()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(4096);
        var server = new SocketFloorServer(listener);
        _ = server.AcceptLoopAsync();
        return server;
    }

    public void Dispose()
    {
        _listener.Dispose();
        lock (_held)
        {
            _held.ForEach(socket => socket.Dispose());
            _held.Clear();
        }
    }

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

            lock (_held)
            {
                _held.Add(socket);
            }

            var receive = socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None).ConfigureAwait(false).GetAwaiter();
            receive.UnsafeOnCompleted(() => Forget(socket));
        }
    }

    private void Forget(Socket socket)
    {
        lock (_held)
        {
            _held.Remove(socket);
        }

        socket.Dispose();
    }
}
