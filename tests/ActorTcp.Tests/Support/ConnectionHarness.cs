using System.Net;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Connections;
using ActorTcp.Handlers;
using ActorTcp.Heartbeats;
using ActorTcp.Metrics;
using ActorTcp.TestKit.VirtualTime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorTcp.Tests.Support;

/// <summary>
/// Real loopback sockets around connection actors, on a virtual clock: a listener socket of the test's
/// own (so kernel-table checks can filter by its port), an actor system whose timers run only when the
/// test advances <see cref="Time"/>, and a small parent per connection that reports what it is told.
/// </summary>
public sealed class ConnectionHarness : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly ActorTcpMetrics _metrics = new();
    private readonly List<ServerConnection> _connections = [];
    private long _nextId;

    private ConnectionHarness(ActorTcpOptions options, ILoggerFactory loggerFactory)
    {
        Options = options;
        Time = new VirtualTimeProvider();
        System = ActorSystem.Create("connections", new ActorSystemSettings { TimeProvider = Time });
        Settings = ConnectionSettings.Create(options, _metrics, loggerFactory);
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
    }

    public VirtualTimeProvider Time { get; }

    public ActorSystem System { get; }

    public ActorTcpOptions Options { get; }

    public ConnectionSettings Settings { get; }

    /// <summary>The server's port: every accepted socket has it as its local port.</summary>
    public int Port { get; }

    /// <summary>
    /// A harness with test-friendly defaults: line framing, heartbeat off, short teardown timers
    /// (close-wait 200 ms, peer-close grace 300 ms, fin-wait 400 ms); <paramref name="configure"/> adjusts them.
    /// </summary>
    public static ConnectionHarness Create(Action<ActorTcpOptions>? configure = null, ILoggerFactory? loggerFactory = null)
    {
        var options = new ActorTcpOptions();
        options.Heartbeat.Mode = HeartbeatMode.Off;
        options.Teardown.CloseWaitTimeout = TimeSpan.FromMilliseconds(200);
        options.Teardown.PeerCloseGrace = TimeSpan.FromMilliseconds(300);
        options.Teardown.FinWaitTimeout = TimeSpan.FromMilliseconds(400);
        options.Teardown.HandlerFailedFinWait = TimeSpan.FromMilliseconds(100);
        configure?.Invoke(options);
        return new ConnectionHarness(options, loggerFactory ?? NullLoggerFactory.Instance);
    }

    /// <summary>
    /// Accepts the next connection and starts its actor with <paramref name="handler"/>; returns once it
    /// reports Established. <paramref name="openedTimestamp"/> is the virtual time the connection counts
    /// as accepted at (default: when its actor starts).
    /// </summary>
    public async Task<ServerConnection> AcceptAsync(IConnectionHandler handler, long? openedTimestamp = null)
    {
        var socket = await _listener.AcceptAsync().WaitAsync(TestClient.DefaultTimeout);
        var info = new ConnectionInfo(
            Interlocked.Increment(ref _nextId),
            (IPEndPoint)socket.RemoteEndPoint!,
            (IPEndPoint)socket.LocalEndPoint!,
            Time.GetUtcNow(),
            openedTimestamp);
        var connection = new ServerConnection(System, ConnectionActor.Props(socket, info, Settings, handler), info);
        _connections.Add(connection);
        await connection.ExpectStateAsync(ActorTcp.Lifecycle.LifecycleState.Established);
        return connection;
    }

    /// <summary>Connects a plain client and accepts it with <paramref name="handler"/>.</summary>
    public async Task<(TestClient Client, ServerConnection Server)> ConnectAsync(IConnectionHandler handler, int? clientReceiveBuffer = null)
    {
        var client = await TestClient.ConnectAsync(Port, clientReceiveBuffer);
        return (client, await AcceptAsync(handler));
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await System.Terminate().WaitAsync(TestClient.DefaultTimeout);
        _metrics.Dispose();

        // Whatever path a test took, no connection may have told Ended more than once.
        foreach (var connection in _connections)
        {
            Assert.True(connection.CountAllEnded() <= 1, $"connection {connection.Info.Id} told Ended more than once");
        }
    }
}
