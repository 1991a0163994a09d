using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorTcp.Tests.Support;

/// <summary>
/// A plain loopback TCP client for connection tests: send lines or bytes, read lines with a generous
/// bound, half-close, and observe how the server ended the connection (EOF or reset).
/// </summary>
public sealed class TestClient : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private TestClient(Socket socket)
    {
        Socket = socket;
    }

    public Socket Socket { get; }

    public int LocalPort => ((IPEndPoint)Socket.LocalEndPoint!).Port;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>; a receive buffer size set before connecting bounds what the kernel buffers for us.</summary>
    public static async Task<TestClient> ConnectAsync(int port, int? receiveBufferSize = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBufferSize is { } size)
        {
            socket.ReceiveBufferSize = size;
        }

        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new TestClient(socket);
    }

    public Task SendAsync(byte[] bytes) => Socket.SendAsync(bytes, SocketFlags.None);

    public Task SendLineAsync(string line) => SendAsync(Encoding.UTF8.GetBytes(line + "\n"));

    /// <summary>Sends FIN: the server's side goes to CLOSE_WAIT, ours can still read.</summary>
    public void HalfClose() => Socket.Shutdown(SocketShutdown.Send);

    /// <summary>Reads one <c>\n</c>-terminated line; null at end of stream.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(_buffer, _start, newline - _start).TrimEnd('\r');
                _start = newline + 1;
                return line;
            }

            if (await FillAsync(cancellation.Token) == 0)
            {
                return null;
            }
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
    public async Task<byte[]> ReadExactlyAsync(int count, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (_end - _start < count)
        {
            if (await FillAsync(cancellation.Token) == 0)
            {
                throw new EndOfStreamException($"The server closed after {_end - _start} of {count} bytes.");
            }
        }

        var bytes = _buffer.AsSpan(_start, count).ToArray();
        _start += count;
        return bytes;
    }

    /// <summary>Reads and drops everything until the server ends the connection, and says how it ended.</summary>
    public async Task<ClientOutcome> ReadUntilClosedAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                _start = _end = 0;
                if (await FillAsync(cancellation.Token) == 0)
                {
                    return ClientOutcome.EndOfStream;
                }
            }
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            return ClientOutcome.Reset;
        }
    }

    public void Dispose() => Socket.Dispose();

    private async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await Socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        _end += read;
        return read;
    }
}
