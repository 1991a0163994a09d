using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorTcp.Server;

namespace EchoServer.ActorTcp;

/// <summary>
/// A one-line stats protocol on its own loopback port, so the load generator can read what
/// <c>/proc</c> cannot show: every connection gets one line
/// <c>heap=&lt;bytes&gt; connections=&lt;n&gt;</c> and is closed. The heap figure is taken after a
/// full blocking collection, so it counts live objects only.
/// </summary>
public sealed class StatsEndpoint : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly TcpServer _server;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    /// <summary>Binds <c>127.0.0.1:<paramref name="port"/></c> and starts answering.</summary>
    /// <param name="port">The stats port.</param>
    /// <param name="server">The server whose connections are counted.</param>
    public StatsEndpoint(int port, TcpServer server)
    {
        _server = server;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        _listener.Listen(16);
        _accepting = AcceptAsync();
    }

    /// <summary>The bound port.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    /// <summary>Stops answering.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            using var client = await _listener.AcceptAsync(_stopping.Token);
            var counts = await _server.GetStateCountsAsync(_stopping.Token);
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            var line = string.Create(CultureInfo.InvariantCulture, $"heap={heap} connections={counts.Values.Sum()}\n");
            await client.SendAsync(Encoding.ASCII.GetBytes(line), SocketFlags.None, _stopping.Token);
            client.Shutdown(SocketShutdown.Send);
        }
    }
}
