using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>
/// A well-behaved peer on a real loopback socket: it reads until the server ends the connection,
/// closes at once when it reads the goodbye line (so a graceful close from the dashboard completes
/// peer-first), answers heartbeat pings when asked to, and records how the connection ended.
/// </summary>
public sealed class PeerClient : IDisposable
{
    private readonly Socket _socket;
    private readonly bool _answerPings;

    private PeerClient(Socket socket, bool answerPings)
    {
        _socket = socket;
        _answerPings = answerPings;
        LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
        Ended = ReadUntilEndAsync();
    }

    /// <summary>The client's port, which is the remote port the server lists.</summary>
    public int LocalPort { get; }

    /// <summary>Completes when the server has ended the connection.</summary>
    public Task<PeerOutcome> Ended { get; }

    public static async Task<PeerClient> ConnectAsync(int port, bool answerPings = false)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            return new PeerClient(socket, answerPings);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public Task SendLineAsync(string line) => _socket.SendAsync(Encoding.UTF8.GetBytes(line + "\n"));

    /// <summary>Sends FIN and keeps reading: the server sees the peer close its side.</summary>
    public void HalfClose() => _socket.Shutdown(SocketShutdown.Send);

    public void Dispose() => _socket.Dispose();

    private async Task<PeerOutcome> ReadUntilEndAsync()
    {
        var buffer = new byte[4096];
        var pending = string.Empty;
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer);
                if (read == 0)
                {
                    _socket.Dispose();
                    return PeerOutcome.EndOfStream;
                }

                var lines = (pending + Encoding.UTF8.GetString(buffer, 0, read)).Split('\n');
                pending = lines[^1];
                foreach (var line in lines[..^1])
                {
                    if (line == "BYE")
                    {
                        _socket.Dispose();
                        return PeerOutcome.Goodbye;
                    }

                    if (line == "PING" && _answerPings)
                    {
                        await SendLineAsync("PONG");
                    }
                }
            }
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.ConnectionReset)
        {
            _socket.Dispose();
            return PeerOutcome.Reset;
        }
        catch (ObjectDisposedException)
        {
            return PeerOutcome.EndOfStream;
        }
    }
}
