using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>
/// Measures echo round trips over a few established connections, on a thread of its own with
/// blocking calls, so the latency measured is the server's and not the test's thread pool queue.
/// Also samples the process's resident memory between round trips.
/// </summary>
public sealed class EchoProbe : IDisposable
{
    private static readonly byte[] Ping = "probe\n"u8.ToArray();
    private readonly List<Socket> _sockets;
    private readonly List<TimeSpan> _roundTrips = [];
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _count;
    private Exception? _failure;

    private EchoProbe(List<Socket> sockets)
    {
        _sockets = sockets;
        _thread = new Thread(Loop) { IsBackground = true, Name = "echo probe" };
    }

    public long PeakResidentBytes { get; private set; }

    /// <summary>Round trips measured so far.</summary>
    public int Count => Volatile.Read(ref _count);

    public static async Task<EchoProbe> ConnectAsync(int port, int connections)
    {
        var sockets = new List<Socket>();
        for (var i = 0; i < connections; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 10_000 };
            await socket.ConnectAsync(IPAddress.Loopback, port);
            sockets.Add(socket);
        }

        return new EchoProbe(sockets);
    }

    public void Start() => _thread.Start();

    /// <summary>Stops measuring and returns every round trip measured, or rethrows what broke the probe.</summary>
    public IReadOnlyList<TimeSpan> Stop()
    {
        _stopping = true;
        _thread.Join();
        return _failure is null ? _roundTrips : throw new InvalidOperationException("An echo failed during the measurement.", _failure);
    }

    public void Dispose()
    {
        _stopping = true;
        if (_thread.IsAlive)
        {
            _thread.Join();
        }

        _sockets.ForEach(socket => socket.Dispose());
    }

    private void Loop()
    {
        var reply = new byte[Ping.Length];
        var clock = new Stopwatch();
        try
        {
            while (!_stopping)
            {
                foreach (var socket in _sockets)
                {
                    clock.Restart();
                    socket.Send(Ping);
                    var received = 0;
                    while (received < reply.Length)
                    {
                        var read = socket.Receive(reply, received, reply.Length - received, SocketFlags.None);
                        received += read > 0 ? read : throw new IOException("The server closed a probe connection.");
                    }

                    _roundTrips.Add(clock.Elapsed);
                    Interlocked.Increment(ref _count);
                }

                PeakResidentBytes = Math.Max(PeakResidentBytes, ResidentMemory.Bytes());
            }
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            _failure = e;
        }
    }
}
