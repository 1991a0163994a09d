using System.Net;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Connections;
using ActorTcp.Handlers;
using ActorTcp.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorTcp.Outbound;

/// <summary>
/// Outbound long connections on the same actor model as <see cref="Server.TcpServer"/>: each
/// <see cref="ConnectTo(string, ActorTcpOptions, IConnectionHandler)"/> starts a supervisor that dials,
/// runs the connection in the same connection actor as an inbound one (heartbeats, teardown, framing,
/// write queue), and redials with exponential back-off and full jitter when the connection is lost.
/// </summary>
/// <remarks>
/// The manager is the client-side counterpart of a server, not a part of one: a gateway that both
/// serves and dials uses one actor system for a <see cref="Server.TcpServer"/> and a manager. The
/// connections' metrics are recorded on the manager's <see cref="Metrics"/>.
/// </remarks>
/// <example>
/// <code>
/// await using var system = ActorSystem.Create("gateway");
/// await using var clients = new TcpClientManager(system);
/// var options = new ActorTcpOptions();
/// options.Heartbeat.Mode = HeartbeatMode.Active;
/// options.Outbound.BufferWhileDisconnected = 64 * 1024;
/// var upstream = clients.ConnectTo("upstream.example:7000", options, new UpstreamHandler());
/// await upstream.SendAsync("HELLO"u8.ToArray());
/// </code>
/// </example>
public sealed class TcpClientManager : IAsyncDisposable
{
    private readonly ActorSystem _system;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Func<Random> _randomFactory;
    private readonly Func<Socket, EndPoint, CancellationToken, ValueTask> _connect;
    private readonly List<OutboundConnectionHandle> _connections = [];
    private readonly Lock _gate = new();
    private long _lastConnectionId;
    private long _lastSupervisorId;
    private bool _disposed;

    /// <summary>Creates a manager whose outbound connections live in <paramref name="system"/>.</summary>
    /// <param name="system">The actor system; its scheduler times connect timeouts, back-off and heartbeats.</param>
    /// <param name="loggerFactory">Where the connections log; null for nowhere.</param>
    /// <param name="randomFactory">
    /// Creates each outbound connection's own jitter source; null for <see cref="Random.Shared"/>. Give seeded
    /// instances to make the back-off delays reproducible in tests.
    /// </param>
    public TcpClientManager(ActorSystem system, ILoggerFactory? loggerFactory = null, Func<Random>? randomFactory = null)
        : this(system, loggerFactory, randomFactory, OutboundDialer.DefaultConnect)
    {
    }

    /// <summary>Creates a manager whose sockets connect through <paramref name="connect"/>.</summary>
    internal TcpClientManager(
        ActorSystem system,
        ILoggerFactory? loggerFactory,
        Func<Random>? randomFactory,
        Func<Socket, EndPoint, CancellationToken, ValueTask> connect)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(connect);
        _system = system;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _randomFactory = randomFactory ?? (static () => Random.Shared);
        _connect = connect;
        Metrics = new ActorTcpMetrics();
    }

    /// <summary>The outbound connections' instruments on the <c>ActorTcp</c> meter.</summary>
    public ActorTcpMetrics Metrics { get; }

    /// <summary>Every outbound connection started here, stopped ones included, in the order they were started.</summary>
    public IReadOnlyList<OutboundConnectionHandle> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    /// <summary>
    /// Starts an outbound connection to <paramref name="target"/> and returns at once; the first dial
    /// is under way. The handler serves every connection made to the target, one after another;
    /// if it also implements <see cref="IOutboundConnectionObserver"/>, it is told of failed dials,
    /// losses and redials.
    /// </summary>
    /// <param name="target"><c>host:port</c>, <c>1.2.3.4:port</c> or <c>[::1]:port</c>; a host name is resolved again on every dial.</param>
    /// <param name="options">The connection's options (<c>outbound</c>, <c>heartbeat</c>, <c>teardown</c>, <c>framing</c>, ...); validated here.</param>
    /// <param name="handler">The protocol; never called concurrently with itself.</param>
    /// <returns>The handle to send, inspect and close.</returns>
    /// <exception cref="FormatException"><paramref name="target"/> is not a host and a port.</exception>
    /// <exception cref="ActorTcpConfigurationException">An option is out of range; the message names the key.</exception>
    /// <exception cref="ObjectDisposedException">The manager was disposed.</exception>
    public OutboundConnectionHandle ConnectTo(string target, ActorTcpOptions options, IConnectionHandler handler) =>
        Start(OutboundTarget.Parse(target), options, handler);

    /// <summary>Starts an outbound connection to <paramref name="endPoint"/>; see <see cref="ConnectTo(string, ActorTcpOptions, IConnectionHandler)"/>.</summary>
    /// <param name="endPoint">An <see cref="IPEndPoint"/>, or a <see cref="DnsEndPoint"/> resolved again on every dial.</param>
    /// <param name="options">The connection's options; validated here.</param>
    /// <param name="handler">The protocol.</param>
    /// <returns>The handle to send, inspect and close.</returns>
    /// <exception cref="ArgumentException">Another kind of end point.</exception>
    /// <exception cref="ActorTcpConfigurationException">An option is out of range; the message names the key.</exception>
    /// <exception cref="ObjectDisposedException">The manager was disposed.</exception>
    public OutboundConnectionHandle ConnectTo(EndPoint endPoint, ActorTcpOptions options, IConnectionHandler handler) =>
        Start(OutboundTarget.From(endPoint), options, handler);

    /// <summary>Closes every outbound connection gracefully, waits until each has stopped, and disposes the metrics.</summary>
    public async ValueTask DisposeAsync()
    {
        OutboundConnectionHandle[] connections;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            connections = [.. _connections];
        }

        try
        {
            await Task.WhenAll(connections.Select(c => c.CloseAsync())).ConfigureAwait(false);
        }
        finally
        {
            Metrics.Dispose();
        }
    }

    private OutboundConnectionHandle Start(OutboundTarget target, ActorTcpOptions options, IConnectionHandler handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        var settings = ConnectionSettings.CreateForDialled(options, Metrics, _loggerFactory);
        var status = new OutboundStatus();
        var setup = new OutboundSetup(
            settings,
            handler,
            status,
            _randomFactory(),
            () => Interlocked.Increment(ref _lastConnectionId),
            _connect,
            _loggerFactory.CreateLogger<OutboundConnection>());
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var name = "outbound-" + (++_lastSupervisorId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var handle = new OutboundConnectionHandle(target.ToString(), _system.ActorOf(OutboundConnection.Props(target, setup), name), status);
            _connections.Add(handle);
            return handle;
        }
    }
}
