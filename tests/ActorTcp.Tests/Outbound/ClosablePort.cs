using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorTcp.Tests.Outbound;

/// <summary>
/// A loopback port held by the test: bound but not listening, so every dial to it is refused, until
/// <see cref="Open"/> makes it listen. Holding the bound socket keeps other tests off the port.
/// </summary>
internal sealed class ClosablePort : IDisposable
{
    private readonly Socket _socket;
    private readonly List<Socket> _accepted = [];

    public ClosablePort()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public string Target => "127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Starts listening; a backlog of 0 takes one unaccepted connection, and dials after it hang in SYN_SENT.</summary>
    public void Open(int backlog = 16) => _socket.Listen(backlog);

    /// <summary>Accepts the next connection; the port keeps it until disposed.</summary>
    public async Task<Socket> AcceptAsync()
    {
        var socket = await _socket.AcceptAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _accepted.Add(socket);
        return socket;
    }

    /// <summary>Reads from <paramref name="socket"/> until <paramref name="expected"/> lines have arrived.</summary>
    public static async Task<IReadOnlyList<string>> ReadLinesAsync(Socket socket, int expected)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (text.ToString().Count(c => c == '\n') < expected)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public void Dispose()
    {
        foreach (var socket in _accepted)
        {
            socket.Dispose();
        }

        _socket.Dispose();
    }
}
