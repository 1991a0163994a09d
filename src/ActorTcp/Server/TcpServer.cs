using System.Net;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Configuration;
using ActorTcp.Connections;
using ActorTcp.Draining;
using ActorTcp.Handlers;
using ActorTcp.Lifecycle;
using ActorTcp.Listening;
using ActorTcp.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorTcp.Server;

/// <summary>
/// One listening endpoint served by actors: a listener, a connection manager that supervises one
/// actor per connection, and the operations an embedding application needs (inspect, send, close,
/// drain). Every call is a message to the manager; nothing here touches a socket.
/// </summary>
/// <example>
/// <code>
/// await using var system = ActorSystem.Create("gateway");
/// var options = new ActorTcpOptions();
/// options.Listen.Port = 0;
/// await using var server = await TcpServer.StartAsync(system, options, () => EchoHandler.Instance);
/// Console.WriteLine($"listening on {server.EndPoint}");
/// var established = await server.GetConnectionsAsync(LifecycleState.Established);
/// var report = await server.DrainAsync(TimeSpan.FromSeconds(10));
/// Console.WriteLine($"{report.PeerClosedFirst} of {report.Connections} closed by the peer first");
/// </code>
/// </example>
public sealed class TcpServer : IAsyncDisposable
{
    /// <summary>How long a query or command waits for the manager's reply.</summary>
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly ActorSystem _system;
    private readonly IActorRef _manager;
    private readonly ActorTcpOptions _options;
    private readonly bool _ownsMetrics;
    private int _disposed;

    private TcpServer(ActorSystem system, IActorRef manager, IPEndPoint endPoint, ActorTcpOptions options, ActorTcpMetrics metrics, bool ownsMetrics)
    {
        _system = system;
        _manager = manager;
        _options = options;
        EndPoint = endPoint;
        Metrics = metrics;
        _ownsMetrics = ownsMetrics;
    }

    /// <summary>The bound address and port (the kernel's choice when <c>listen.port</c> is 0).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The bound port.</summary>
    public int Port => EndPoint.Port;

    /// <summary>The server's instruments on the <c>ActorTcp</c> meter.</summary>
    public ActorTcpMetrics Metrics { get; }

    /// <summary>The open connections, ordered by id.</summary>
    /// <param name="state">Only connections in this state; null for all.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<IReadOnlyList<ConnectionSnapshot>> GetConnectionsAsync(LifecycleState? state = null, CancellationToken cancellationToken = default) =>
        _manager.Ask<IReadOnlyList<ConnectionSnapshot>>(new ConnectionManagerProtocol.GetConnections(state), ReplyTimeout, cancellationToken);

    /// <summary>How many connections are open in each state (every state but Closed is present).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public Task<IReadOnlyDictionary<LifecycleState, int>> GetStateCountsAsync(CancellationToken cancellationToken = default) =>
        _manager.Ask<IReadOnlyDictionary<LifecycleState, int>>(ConnectionManagerProtocol.GetStateCounts.Instance, ReplyTimeout, cancellationToken);

    /// <summary>Sends one frame to connection <paramref name="connectionId"/>.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="payload">The frame's payload; the server keeps it until it is written, so do not reuse it.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether the connection queued the frame.</returns>
    /// <exception cref="ConnectionNotFoundException">No open connection has that id.</exception>
    public Task<EnqueueResult> SendAsync(long connectionId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default) =>
        _manager.Ask<EnqueueResult>(new ConnectionManagerProtocol.SendTo(connectionId, payload), ReplyTimeout, cancellationToken);

    /// <summary>Closes connection <paramref name="connectionId"/>; returns once it was told, not once it has closed.</summary>
    /// <param name="connectionId">The connection.</param>
    /// <param name="mode">TIME_WAIT-aware close, or RST.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True when the connection was open; false when no open connection has that id.</returns>
    public Task<bool> CloseAsync(long connectionId, CloseMode mode = CloseMode.Graceful, CancellationToken cancellationToken = default) =>
        _manager.Ask<bool>(new ConnectionManagerProtocol.CloseConnection(connectionId, mode), ReplyTimeout, cancellationToken);

    /// <summary>Sends one frame to every open connection.</summary>
    /// <param name="payload">The frame's payload, shared by every connection; do not reuse it.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>How many connections were told.</returns>
    public Task<int> BroadcastAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default) =>
        _manager.Ask<int>(new ConnectionManagerProtocol.Broadcast(payload), ReplyTimeout, cancellationToken);

    /// <summary>
    /// Stops accepting (the listening socket is closed), asks every connection to close the
    /// TIME_WAIT-aware way, resets those still open after <paramref name="timeout"/>, and completes
    /// when every connection has closed. Calling it again returns the first drain's report.
    /// </summary>
    /// <param name="timeout">How long graceful closes may take; null for <c>drain.timeout</c>.</param>
    /// <param name="cancellationToken">Cancels the wait (the drain goes on).</param>
    /// <returns>How the connections were closed.</returns>
    public Task<DrainReport> DrainAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = timeout ?? _options.Drain.Timeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(deadline, TimeSpan.Zero, nameof(timeout));

        // Past the deadline the rest are reset, which ends them within moments; the reply timeout
        // only guards against a manager that is gone.
        return _manager.Ask<DrainReport>(new ConnectionManagerProtocol.Drain(deadline), deadline + ReplyTimeout, cancellationToken);
    }

    /// <summary>Drains with <c>drain.timeout</c> (unless already drained) and stops the server's actors.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await DrainAsync().ConfigureAwait(false);
        }
        finally
        {
            _system.Stop(_manager);
            if (_ownsMetrics)
            {
                Metrics.Dispose();
            }
        }
    }

    /// <summary>
    /// Validates <paramref name="options"/>, binds <c>listen.host:listen.port</c> and starts accepting:
    /// each accepted connection gets its own <see cref="ConnectionActor"/> running a fresh handler from
    /// <paramref name="handlerFactory"/>, supervised by the server's connection manager.
    /// </summary>
    /// <param name="system">The actor system the server's actors live in.</param>
    /// <param name="options">The server's options; validated before anything is bound.</param>
    /// <param name="handlerFactory">Creates the handler of one connection; called once per accepted connection.</param>
    /// <param name="loggerFactory">Where the server and its connections log; null for nowhere.</param>
    /// <param name="cancellationToken">Cancels the start before the socket is bound.</param>
    /// <returns>The running server; its <see cref="EndPoint"/> is the bound one.</returns>
    /// <exception cref="ActorTcpConfigurationException">An option is out of range; the message names the key.</exception>
    /// <exception cref="SocketException">The endpoint cannot be bound (port taken, address not local).</exception>
    public static Task<TcpServer> StartAsync(
        ActorSystem system,
        ActorTcpOptions options,
        Func<IConnectionHandler> handlerFactory,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handlerFactory);
        cancellationToken.ThrowIfCancellationRequested();
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        var metrics = new ActorTcpMetrics();
        try
        {
            var settings = ConnectionSettings.CreateForListener(options, metrics, loggerFactory);
            var server = Start(
                system,
                options,
                (socket, info) => ConnectionActor.Props(socket, info, settings, handlerFactory()),
                metrics,
                ownsMetrics: true,
                loggerFactory);
            return Task.FromResult(server);
        }
        catch
        {
            metrics.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Binds and starts a server whose connection actors come from <paramref name="connectionProps"/>.
    /// </summary>
    internal static TcpServer Start(
        ActorSystem system,
        ActorTcpOptions options,
        Func<Socket, ConnectionInfo, Props> connectionProps,
        ActorTcpMetrics metrics,
        bool ownsMetrics,
        ILoggerFactory? loggerFactory = null,
        Func<Socket, CancellationToken, ValueTask<Socket>>? accept = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connectionProps);
        ArgumentNullException.ThrowIfNull(metrics);
        options.Validate();
        var endPoint = new IPEndPoint(IPAddress.Parse(options.Listen.Host), options.Listen.Port);
        var listenSocket = ListenSocket.Bind(endPoint, options.Listen.Backlog, options.Tcp);
        try
        {
            var props = ConnectionManager.Props(
                listenSocket, options, connectionProps, metrics, loggerFactory ?? NullLoggerFactory.Instance, accept);
            var name = "tcp-" + listenSocket.EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var manager = system.ActorOf(props, name);
            return new TcpServer(system, manager, listenSocket.EndPoint, options, metrics, ownsMetrics);
        }
        catch
        {
            listenSocket.Release();
            throw;
        }
    }
}
