using System.Net;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Actors.Supervision;
using ActorTcp.Configuration;
using ActorTcp.Connections;
using ActorTcp.Draining;
using ActorTcp.Lifecycle;
using ActorTcp.Limits;
using ActorTcp.Listening;
using ActorTcp.Metrics;
using ActorTcp.Teardown;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Server;

/// <summary>
/// The supervisor of one listening endpoint: parent of the <see cref="ConnectionListener"/> and of
/// one connection actor per accepted socket. It keeps the registry (id to actor and live figures),
/// admits connections under the limits, routes commands by connection id, and drains. Its protocol
/// is <see cref="ConnectionManagerProtocol"/>.
/// </summary>
/// <remarks>
/// Supervision: a connection actor that throws is stopped, alone (its socket is released by its own
/// stop); the listener is restarted on the same port, a bounded number of times.
/// </remarks>
internal sealed class ConnectionManager : ReceiveActor, IWithTimers
{
    private const string DrainTimerKey = "drain-deadline";

    /// <summary>Connection actors are named this followed by their id, so a <see cref="Terminated"/> names its connection.</summary>
    private static readonly SupervisorStrategy Strategy = new OneForOneStrategy(10, TimeSpan.FromMinutes(1), Decide);

    /// <summary>The least time between two refusal log lines.</summary>
    internal static readonly TimeSpan RejectionLogInterval = TimeSpan.FromSeconds(1);

    private readonly ListenSocket _listenSocket;
    private readonly ActorTcpOptions _options;
    private readonly Func<Socket, ConnectionInfo, Props> _connectionProps;
    private readonly ActorTcpMetrics _metrics;
    private readonly Props _listenerProps;
    private readonly ILogger _log;
    private readonly ConnectionLimits _limits;
    private readonly ConnectionRefusal _refusal;
    private readonly Dictionary<long, Registration> _connections = [];
    private readonly List<IActorRef> _drainWaiters = [];
    private IActorRef? _listener;
    private long _lastId;
    private DrainTally? _drain;
    private DrainReport? _drained;
    private long _lastRejectionLogTimestamp;
    private bool _rejectionLogged;
    private long _refusedSinceLastLine;

    private ConnectionManager(
        ListenSocket listenSocket,
        ActorTcpOptions options,
        Func<Socket, ConnectionInfo, Props> connectionProps,
        ActorTcpMetrics metrics,
        Props listenerProps,
        ILogger log)
    {
        _listenSocket = listenSocket;
        _options = options;
        _connectionProps = connectionProps;
        _metrics = metrics;
        _listenerProps = listenerProps;
        _log = log;
        _limits = new ConnectionLimits(options.Limits.MaxConnections, options.Limits.MaxConnectionsPerIp);
        _refusal = new ConnectionRefusal(options);

        Receive<ListenerProtocol.Accepted>(OnAccepted);
        Receive<ConnectionProtocol.Ended>(OnEnded);
        Receive<Terminated>(OnTerminated);
        Receive<ConnectionManagerProtocol.SendTo>(OnSendTo);
        Receive<ConnectionManagerProtocol.CloseConnection>(OnCloseConnection);
        Receive<ConnectionManagerProtocol.Broadcast>(OnBroadcast);
        Receive<ConnectionManagerProtocol.GetConnections>(OnGetConnections);
        Receive<ConnectionManagerProtocol.GetStateCounts>(_ => Sender.Tell(CountStates()));
        Receive<ConnectionManagerProtocol.Drain>(OnDrain);
        Receive<ConnectionManagerProtocol.DrainDeadline>(_ => OnDrainDeadline());
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the manager of <paramref name="listenSocket"/>.</summary>
    /// <param name="listenSocket">The bound endpoint.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="connectionProps">Creates the actor of one accepted connection; the actor owns the socket from then on.</param>
    /// <param name="metrics">Where rejected connections are counted (a connection actor counts itself once it has started).</param>
    /// <param name="loggerFactory">Where to log.</param>
    /// <param name="accept">Accepts one connection; null for <c>Socket.AcceptAsync</c>.</param>
    public static Props Props(
        ListenSocket listenSocket,
        ActorTcpOptions options,
        Func<Socket, ConnectionInfo, Props> connectionProps,
        ActorTcpMetrics metrics,
        ILoggerFactory loggerFactory,
        Func<Socket, CancellationToken, ValueTask<Socket>>? accept)
    {
        ArgumentNullException.ThrowIfNull(listenSocket);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connectionProps);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var listenerProps = ConnectionListener.Props(listenSocket, accept, loggerFactory.CreateLogger<ConnectionListener>());
        var log = loggerFactory.CreateLogger<ConnectionManager>();
        return Actors.Props.Create(() => new ConnectionManager(listenSocket, options, connectionProps, metrics, listenerProps, log));
    }

    /// <inheritdoc/>
    protected override SupervisorStrategy SupervisorStrategy() => Strategy;

    /// <inheritdoc/>
    protected override void PreStart()
    {
        _listener = Context.Watch(Context.ActorOf(_listenerProps, "listener"));
    }

    /// <inheritdoc/>
    protected override void PostStop()
    {
        _listenSocket.Release();
    }

    private static Directive Decide(Exception cause) => cause switch
    {
        ListenerFailedException => Directive.Restart,
        ActorInitializationException { InnerException: ListenerFailedException } => Directive.Restart,
        _ => Directive.Stop,
    };

    /// <summary>
    /// Logs a refusal at most once per <see cref="RejectionLogInterval"/>: a flood over the limit
    /// would otherwise write a line per refused connection. Each line carries how many were refused
    /// without a line of their own; the metric counts every one.
    /// </summary>
    private void LogRejection(IPEndPoint remote, Admission admission)
    {
        var time = Context.System.TimeProvider;
        var now = time.GetTimestamp();
        if (_rejectionLogged && time.GetElapsedTime(_lastRejectionLogTimestamp, now) < RejectionLogInterval)
        {
            _refusedSinceLastLine++;
            return;
        }

        ConnectionManagerLog.ConnectionRejected(_log, remote, admission, _limits.Open, _options.Limits.OverLimit, _refusedSinceLastLine);
        _rejectionLogged = true;
        _lastRejectionLogTimestamp = now;
        _refusedSinceLastLine = 0;
    }

    private void OnAccepted(ListenerProtocol.Accepted accepted)
    {
        var socket = accepted.Socket;
        IPEndPoint remote;
        IPEndPoint local;
        try
        {
            remote = (IPEndPoint)socket.RemoteEndPoint!;
            local = (IPEndPoint)socket.LocalEndPoint!;
        }
        catch (SocketException)
        {
            // Reset by the peer between accept and now: nothing to serve.
            socket.Dispose();
            return;
        }

        if (_drain is not null || _drained is not null)
        {
            // Accepted just before the listening socket closed for the drain.
            socket.LingerState = new LingerOption(true, 0);
            socket.Dispose();
            return;
        }

        var admission = _limits.TryAdmit(remote.Address);
        if (admission != Admission.Admitted)
        {
            _metrics.ConnectionRejected(ConnectionLimits.ReasonTag(admission));
            LogRejection(remote, admission);
            _refusal.Refuse(socket);
            return;
        }

        var id = ++_lastId;
        var time = Context.System.TimeProvider;
        var openedAt = time.GetUtcNow() - time.GetElapsedTime(accepted.Timestamp);
        var info = new ConnectionInfo(id, remote, local, openedAt, accepted.Timestamp);
        IActorRef child;
        try
        {
            child = Context.ActorOf(_connectionProps(socket, info), ConnectionActor.ActorName(id));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _limits.Release(remote.Address);
            socket.LingerState = new LingerOption(true, 0);
            socket.Dispose();
            ConnectionManagerLog.ConnectionStartFailed(_log, e, remote);
            return;
        }

        Context.Watch(child);
        _connections.Add(id, new Registration(child, info));
        ConnectionManagerLog.ConnectionAccepted(_log, id, remote);
    }

    private void OnEnded(ConnectionProtocol.Ended ended)
    {
        if (!_connections.Remove(ended.ConnectionId, out var registration))
        {
            return;
        }

        _limits.Release(registration.Info.RemoteEndPoint.Address);
        ConnectionManagerLog.ConnectionEnded(
            _log, ended.ConnectionId, registration.Info.RemoteEndPoint, ended.Closed.Reason, ended.Closed.FirstBy);
        _drain?.Closed(ended.Closed.FirstBy);
        CompleteDrainWhenEmpty();
    }

    private void OnTerminated(Terminated terminated)
    {
        if (terminated.ActorRef.Equals(_listener))
        {
            _listener = null;
            if (_drain is null && _drained is null)
            {
                ConnectionManagerLog.ListenerGone(_log, _listenSocket.EndPoint);
            }

            CompleteDrainWhenEmpty();
            return;
        }

        if (!ConnectionActor.TryGetConnectionId(terminated.ActorRef, out var id)
            || !_connections.TryGetValue(id, out var registration)
            || !registration.Child.Equals(terminated.ActorRef))
        {
            return;
        }

        _connections.Remove(id);

        // Stopped without telling Ended: it failed, and its PostStop released the socket. Its slot is
        // given back here so the limits stay true, and the drain counts it as reset.
        var info = registration.Info;
        _limits.Release(info.RemoteEndPoint.Address);
        ConnectionManagerLog.ConnectionStoppedWithoutClose(_log, id, info.RemoteEndPoint);
        _drain?.Closed(ClosedFirstBy.Reset);
        CompleteDrainWhenEmpty();
    }

    private void OnSendTo(ConnectionManagerProtocol.SendTo send)
    {
        if (_connections.TryGetValue(send.ConnectionId, out var registration))
        {
            // The connection answers the original sender with its EnqueueResult.
            registration.Child.Tell(new ConnectionProtocol.Send(send.Payload), Sender);
        }
        else
        {
            Sender.Tell(new Status.Failure(new ConnectionNotFoundException(send.ConnectionId)));
        }
    }

    private void OnCloseConnection(ConnectionManagerProtocol.CloseConnection close)
    {
        if (!_connections.TryGetValue(close.ConnectionId, out var registration))
        {
            Sender.Tell(false);
            return;
        }

        registration.Child.Tell(close.Mode == CloseMode.Abort
            ? ConnectionProtocol.Abort.Instance
            : new ConnectionProtocol.Close(CloseReason.LocalClose));
        Sender.Tell(true);
    }

    private void OnBroadcast(ConnectionManagerProtocol.Broadcast broadcast)
    {
        var send = new ConnectionProtocol.Send(broadcast.Payload);
        foreach (var registration in _connections.Values)
        {
            registration.Child.Tell(send, ActorRefs.NoSender);
        }

        Sender.Tell(_connections.Count);
    }

    private void OnGetConnections(ConnectionManagerProtocol.GetConnections query)
    {
        var snapshots = new List<ConnectionSnapshot>(_connections.Count);
        foreach (var registration in _connections.Values)
        {
            // A connection that has closed but whose Ended is still on its way is no longer open.
            var state = registration.Info.State;
            if (state != LifecycleState.Closed && (query.State is null || state == query.State))
            {
                snapshots.Add(registration.Info.ToSnapshot());
            }
        }

        snapshots.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        Sender.Tell((IReadOnlyList<ConnectionSnapshot>)snapshots);
    }

    private IReadOnlyDictionary<LifecycleState, int> CountStates()
    {
        var counts = new Dictionary<LifecycleState, int>
        {
            [LifecycleState.Established] = 0,
            [LifecycleState.PeerClosed] = 0,
            [LifecycleState.CloseRequested] = 0,
            [LifecycleState.Closing] = 0,
        };
        foreach (var registration in _connections.Values)
        {
            var state = registration.Info.State;
            if (state != LifecycleState.Closed)
            {
                counts[state]++;
            }
        }

        return counts;
    }

    private void OnDrain(ConnectionManagerProtocol.Drain drain)
    {
        if (_drained is not null)
        {
            Sender.Tell(_drained);
            return;
        }

        _drainWaiters.Add(Sender);
        if (_drain is not null)
        {
            return;
        }

        // Closing the listening socket first: nothing new arrives while the open connections close.
        // The drain completes only once the listener has stopped, so a finished drain means the port
        // is closed.
        if (_listener is not null)
        {
            Context.Stop(_listener);
        }

        var time = Context.System.TimeProvider;
        _drain = new DrainTally(_connections.Count, time.GetTimestamp());
        ConnectionManagerLog.DrainStarted(_log, _listenSocket.EndPoint, _connections.Count, drain.Timeout);
        var close = new ConnectionProtocol.Close(CloseReason.Drain);
        foreach (var registration in _connections.Values)
        {
            registration.Child.Tell(close, ActorRefs.NoSender);
        }

        Timers.StartSingleTimer(DrainTimerKey, ConnectionManagerProtocol.DrainDeadline.Instance, drain.Timeout);
        CompleteDrainWhenEmpty();
    }

    private void OnDrainDeadline()
    {
        if (_drain is null || _connections.Count == 0)
        {
            return;
        }

        ConnectionManagerLog.DrainDeadlinePassed(_log, _listenSocket.EndPoint, _connections.Count);
        _drain.AbortedAtDeadline(_connections.Count);
        foreach (var registration in _connections.Values)
        {
            registration.Child.Tell(ConnectionProtocol.Abort.Instance, ActorRefs.NoSender);
        }
    }

    private void CompleteDrainWhenEmpty()
    {
        if (_drain is null || _connections.Count > 0 || _listener is not null)
        {
            return;
        }

        var elapsed = Context.System.TimeProvider.GetElapsedTime(_drain.StartTimestamp);
        var report = _drain.ToReport(elapsed);
        _drain = null;
        _drained = report;
        Timers.Cancel(DrainTimerKey);
        ConnectionManagerLog.Drained(
            _log, _listenSocket.EndPoint, elapsed, report.PeerClosedFirst, report.LocalClosedFirst, report.Reset, report.AbortedAtDeadline);
        foreach (var waiter in _drainWaiters)
        {
            waiter.Tell(report);
        }

        _drainWaiters.Clear();
    }

    /// <summary>
    /// What the manager knows of one open connection: its actor, and its live figures, whose only
    /// writer is that actor (the state included, so no message per state change is needed). A
    /// struct stored in the registry itself: a class would cost every connection an object of its own.
    /// </summary>
    private readonly record struct Registration(IActorRef Child, ConnectionInfo Info);
}
