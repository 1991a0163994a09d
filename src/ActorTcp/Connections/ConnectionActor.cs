using System.Globalization;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Actors.Supervision;
using ActorTcp.Handlers;
using ActorTcp.Heartbeats;
using ActorTcp.Lifecycle;
using ActorTcp.Sockets;
using ActorTcp.Teardown;

namespace ActorTcp.Connections;

/// <summary>
/// The actor that owns one accepted TCP socket: it reads and frames, runs the handler, writes through
/// the write queue, and drives the lifecycle decider. The only code that touches its socket.
/// </summary>
/// <remarks>
/// <para>
/// A thin shell: <see cref="ConnectionLifecycle"/> decides, this actor carries out the decision's
/// actions in their documented order. Socket completions come back as messages
/// (<see cref="ConnectionSignals"/>), so every piece of connection state is touched on the actor's
/// turn only.
/// </para>
/// <para>
/// It publishes its state in <see cref="ConnectionInfo.State"/>, tells
/// <see cref="ConnectionProtocol.StateChanged"/> only to a subscriber
/// (<see cref="ConnectionProtocol.SubscribeStateChanges"/>), and tells its parent
/// <see cref="ConnectionProtocol.Ended"/> exactly once, whatever ends it — also when it is stopped
/// from outside, in which case <c>PostStop</c> resets the socket.
/// </para>
/// <para>
/// It records all of its connection's metrics itself, <see cref="Metrics.ActorTcpMetrics.ConnectionAccepted"/>
/// at start included, so the connections-by-state gauge has a single writer per connection and
/// always balances.
/// </para>
/// <para>
/// While the heartbeat is on (passive or active), an inbound frame equal to <c>heartbeat.pong</c> is
/// consumed and one equal to <c>heartbeat.ping</c> is answered with the pong; neither reaches the
/// handler. With the heartbeat off every frame goes to the handler.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var settings = ConnectionSettings.Create(options, metrics, loggerFactory); // once per listener
/// var socket = await listener.AcceptAsync();
/// var info = new ConnectionInfo(id, (IPEndPoint)socket.RemoteEndPoint!, (IPEndPoint)socket.LocalEndPoint!, DateTimeOffset.UtcNow);
/// Context.ActorOf(ConnectionActor.Props(socket, info, settings, new EchoHandler()));
/// </code>
/// </example>
public sealed partial class ConnectionActor : ActorBase
{
    private const string ActorNamePrefix = "connection-";

    /// <summary>Marks <see cref="_turnNow"/> as not yet read in this turn.</summary>
    private static readonly TimeSpan ClockUnread = TimeSpan.MinValue;

    private readonly Socket _socket;
    private readonly ConnectionInfo _info;
    private readonly ConnectionSettings _settings;
    private readonly IConnectionHandler _handler;
    private readonly long _openedTimestamp;
    private HeartbeatMonitor _heartbeat;
    private TimeSpan _turnNow = ClockUnread;
    private LifecycleStatus _status = LifecycleStatus.Established;
    private IActorRef? _stateSubscriber;
    private TimeSpan _peerClosedAt;
    private bool _published;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private ConnectionActor(Socket socket, ConnectionInfo info, ConnectionSettings settings, IConnectionHandler handler)
    {
        _socket = socket;
        _info = info;
        _settings = settings;
        _handler = handler;
        _openedTimestamp = info.OpenedTimestamp ?? Context.System.TimeProvider.GetTimestamp();
        _heartbeat = new HeartbeatMonitor(settings.Heartbeat, TimeSpan.Zero, info.Id);
    }

    /// <summary>
    /// Monotonic time since the connection was accepted, on the system's clock, read once per turn:
    /// a turn that echoes a read of many frames would otherwise read the clock for every frame, and
    /// the clock was the largest single cost of the echo path outside the kernel.
    /// </summary>
    private TimeSpan Now
    {
        get
        {
            if (_turnNow == ClockUnread)
            {
                _turnNow = ReadClock();
            }

            return _turnNow;
        }
    }

    /// <summary>Reads the clock now: monotonic time since the connection was accepted, not cached for the turn.</summary>
    private TimeSpan ReadClock() => Context.System.TimeProvider.GetElapsedTime(_openedTimestamp);

    /// <summary>Wall-clock time of <see cref="Now"/>, for the connection's figures; derived, so it costs no clock read.</summary>
    private DateTimeOffset UtcNow => _info.OpenedAt + Now;

    /// <summary>The name a supervisor gives the actor of connection <paramref name="connectionId"/>.</summary>
    /// <param name="connectionId">The connection's id.</param>
    /// <returns><c>connection-</c> and the id.</returns>
    internal static string ActorName(long connectionId) => ActorNamePrefix + connectionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The connection id of a connection actor, read back from the name <see cref="ActorName"/> gave it,
    /// so a supervisor needs no map from actor to id for the rare lookup when one stops without closing.
    /// </summary>
    /// <param name="actor">A child of the supervisor.</param>
    /// <param name="connectionId">The id, when the name is a connection actor's.</param>
    /// <returns>Whether the name is a connection actor's.</returns>
    internal static bool TryGetConnectionId(IActorRef actor, out long connectionId)
    {
        connectionId = 0;
        var name = actor.Path.Name;
        return name.StartsWith(ActorNamePrefix, StringComparison.Ordinal)
            && long.TryParse(name.AsSpan(ActorNamePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out connectionId);
    }

    /// <summary>
    /// The recipe for a connection actor; the listener's manager creates one per accepted socket. A
    /// connection is never restarted (its socket cannot outlive a failed incarnation), so the props
    /// say so: the cell lets them go once the actor exists, and a Restart directive stops it.
    /// </summary>
    /// <param name="socket">The accepted socket; the actor owns it from now on and releases it in every case.</param>
    /// <param name="info">The connection's live figures; the actor is their only writer.</param>
    /// <param name="settings">The listener's shared settings.</param>
    /// <param name="handler">A fresh handler for this connection.</param>
    /// <returns>Props for <see cref="IActorContext.ActorOf"/>.</returns>
    public static Props Props(Socket socket, ConnectionInfo info, ConnectionSettings settings, IConnectionHandler handler)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(handler);
        return Actors.Props.Create(
            static state =>
            {
                var start = (Start)state;
                return new ConnectionActor(start.Socket, start.Info, start.Settings, start.Handler);
            },
            new Start(socket, info, settings, handler)).WithoutRestart();
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        _turnNow = ClockUnread;
        _settings.Metrics.ConnectionAccepted();
        try
        {
            TcpSocketOptions.ApplyToConnection(_socket, _settings.Options.Tcp, _settings.SocketOptionsInherited);
        }
        catch (SocketException exception)
        {
            // A peer that is already gone makes setsockopt fail; the first read reports the real state.
            ConnectionLog.SocketOptionsFailed(_settings.Logger, exception, _info.Id, _info.RemoteEndPoint);
        }

        ConnectionLog.Opened(_settings.Logger, _info.Id, _info.RemoteEndPoint);
        ScheduleFirstHeartbeat(_heartbeat.FirstCheckIn);
        NotifyConnected();
        ReadLoop();
        PumpWrites();
    }

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        _turnNow = ClockUnread;
        switch (message)
        {
            case ConnectionSignals.ReadReady:
                OnReadable();
                break;
            case ConnectionSignals.ReadMore:
                ReadLoop();
                break;
            case ConnectionSignals.WriteCompleted:
                OnWritten();
                break;
            case ConnectionSignals.TimerTick:
                OnTimer();
                break;
            case ConnectionProtocol.Send send:
                ReplyToSender(Send(send.Payload.Span));
                break;
            case ConnectionProtocol.Close close:
                Apply(new LifecycleEvent.CloseRequested(close.Reason));
                break;
            case ConnectionProtocol.Abort:
                Apply(new LifecycleEvent.AbortRequested(CloseReason.Aborted));
                break;
            case ConnectionProtocol.SubscribeStateChanges:
                _stateSubscriber = Sender;
                Sender.Tell(new ConnectionProtocol.StateChanged(_info.Id, _status.State), Self);
                break;
            default:
                if (!ReceiveFromHandlerActor(message))
                {
                    return false;
                }

                break;
        }

        PumpWrites();
        return true;
    }

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(OnHandlerActorFailed);

    /// <inheritdoc />
    protected override void PostStop()
    {
        _turnNow = ClockUnread;
        if (_published || _info.State == LifecycleState.Closed)
        {
            ReleaseResources(reset: false);
            return;
        }

        // Stopped from outside (or failed) while open: nobody will finish a handshake, so reset.
        ConnectionLog.StoppedWhileOpen(_settings.Logger, _info.Id, _info.RemoteEndPoint, _status.State);
        var from = _status.State;
        _status = new LifecycleStatus(LifecycleState.Closed, CloseReason.Aborted);
        ReleaseResources(reset: true);
        RecordState(from, LifecycleState.Closed);
        Publish(new ConnectionClosed(CloseReason.Aborted, ClosedFirstBy.Reset));
    }

    /// <summary>What a connection actor is created from; one per connection, let go with its props once the actor exists.</summary>
    private sealed record Start(Socket Socket, ConnectionInfo Info, ConnectionSettings Settings, IConnectionHandler Handler);

    private void ReplyToSender(EnqueueResult result)
    {
        if (!Sender.Equals(Context.System.DeadLetters))
        {
            Sender.Tell(EnqueueResults.Boxed(result), Self);
        }
    }
}
