using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorTcp.Tests.Support;

namespace ActorTcp.Tests.Server;

/// <summary>A line-oriented test client on a real loopback socket, with generous bounds on every wait.</summary>
internal sealed class LoopbackClient : IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly byte[] _buffer = new byte[4096];
    private readonly StringBuilder _pending = new();

    private LoopbackClient(Socket socket)
    {
        Socket = socket;
    }

    public Socket Socket { get; }

    public int LocalPort => ((IPEndPoint)Socket.LocalEndPoint!).Port;

    public static async Task<LoopbackClient> ConnectAsync(int port, IPAddress? source = null, IPAddress? server = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (source is not null)
            {
                socket.Bind(new IPEndPoint(source, 0));
            }

            await socket.ConnectAsync(new IPEndPoint(server ?? IPAddress.Loopback, port));
            return new LoopbackClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task SendLineAsync(string line)
    {
        await Socket.SendAsync(Encoding.UTF8.GetBytes(line + "\n"), SocketFlags.None);
    }

    public async Task<string> EchoAsync(string line)
    {
        await SendLineAsync(line);
        return await ReadLineAsync() ?? throw new InvalidOperationException("The server closed instead of echoing.");
    }

    /// <summary>The next line, or null at end of stream.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf('\n', StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                return text[..end].TrimEnd('\r');
            }

            var count = await Socket.ReceiveAsync(_buffer, SocketFlags.None, timeout.Token);
            if (count == 0)
            {
                return null;
            }

            _pending.Append(Encoding.UTF8.GetString(_buffer, 0, count));
        }
    }

    /// <summary>Reads until end of stream; throws a <see cref="SocketException"/> when the server resets.</summary>
    public async Task ReadToEndAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        while (await Socket.ReceiveAsync(_buffer, SocketFlags.None, timeout.Token) > 0)
        {
        }
    }

    /// <summary>Reads until the server ends the connection, and says whether it sent FIN or RST.</summary>
    public async Task<ClientOutcome> ReadUntilClosedAsync()
    {
        try
        {
            await ReadToEndAsync();
            return ClientOutcome.EndOfStream;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return ClientOutcome.Reset;
        }
    }

    /// <summary>Closes with RST (linger 0): neither side keeps a TIME_WAIT socket.</summary>
    public void Abort()
    {
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Dispose();
    }

    /// <summary>Closes after our FIN: the client closes first and holds the TIME_WAIT.</summary>
    public void Dispose() => Socket.Dispose();
}
