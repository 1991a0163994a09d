using System.Net;
using System.Net.Sockets;
using ActorTcp.Actors;
using ActorTcp.Actors.Supervision;
using ActorTcp.Configuration;
using ActorTcp.Connections;
using ActorTcp.Handlers;
using ActorTcp.Server;
using ActorTcp.Sockets;
using ActorTcp.Teardown;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Outbound;

/// <summary>
/// The supervisor of one outbound connection: it owns the reconnect policy and nothing else. It
/// dials (Connecting, bounded by <c>outbound.connect-timeout</c>), hands the connected socket to a
/// <see cref="ConnectionActor"/> child — the same actor, lifecycle, heartbeats and teardown as an
/// inbound connection — and when that child tells <see cref="ConnectionProtocol.Ended"/> it waits a
/// back-off delay (Backoff) and dials again. Its protocol is <see cref="OutboundProtocol"/>.
/// </summary>
/// <remarks>
/// <para>
/// Sends go to the child while there is one; in between they are buffered up to
/// <c>outbound.buffer-while-disconnected</c> bytes and sent to the next child, after whatever the
/// handler sends in <see cref="IConnectionHandler.OnConnected"/> (a login or handshake goes first).
/// Every send is sent with this actor as sender, so each reply of the child is matched to its
/// caller in order; the sends a child never answered before it ended are exactly those it never
/// saw, and are buffered again or answered as not sent.
/// </para>
/// <para>
/// Sockets: a dial's socket is the dial's until its completion is taken here; a dial abandoned by a
/// timeout or a close is cancelled, and a socket that connected anyway is reset by the abandoned
/// dial's own continuation, so no path leaves a descriptor to the finalizer.
/// </para>
/// </remarks>
internal sealed class OutboundConnection : ReceiveActor, IWithTimers
{
    private const string ConnectTimeoutKey = "connect-timeout";
    private const string RedialKey = "redial";

    /// <summary>A connection actor that throws is stopped, never restarted: its socket went with it (its PostStop resets it).</summary>
    private static readonly SupervisorStrategy Strategy = new OneForOneStrategy(static _ => Directive.Stop);

    private static readonly object[] BoxedResults = Enum.GetValues<OutboundSendResult>().Select(static r => (object)r).ToArray();

    private readonly OutboundTarget _target;
    private readonly string _targetText;
    private readonly ConnectionSettings _settings;
    private readonly OutboundOptions _options;
    private readonly IConnectionHandler _handler;
    private readonly IOutboundConnectionObserver? _observer;
    private readonly OutboundStatus _status;
    private readonly ReconnectBackoff? _backoff;
    private readonly Func<long> _nextConnectionId;
    private readonly Func<Socket, EndPoint, CancellationToken, ValueTask> _connect;
    private readonly ILogger _log;
    private readonly Queue<ReadOnlyMemory<byte>> _buffer = new();
    private readonly Queue<InFlight> _inFlight = new();
    private long _bufferedBytes;
    private OutboundState _state = OutboundState.Connecting;
    private DialAttempt? _dial;
    private IActorRef? _connection;
    private ConnectionInfo? _connectionInfo;
    private int _attempt;
    private int _connects;
    private int _discardedFrames;
    private long _discardedBytes;
    private bool _closeRequested;
    private OutboundStopReason? _stopReason;

    private OutboundConnection(OutboundTarget target, OutboundSetup setup)
    {
        _target = target;
        _targetText = target.ToString();
        _settings = setup.Settings;
        _options = setup.Settings.Options.Outbound;
        _handler = setup.Handler;
        _observer = setup.Handler as IOutboundConnectionObserver;
        _status = setup.Status;
        _nextConnectionId = setup.NextConnectionId;
        _connect = setup.Connect;
        _log = setup.Log;
        var reconnect = _options.Reconnect;
        _backoff = reconnect.Enabled ? new ReconnectBackoff(reconnect.MinBackoff, reconnect.MaxBackoff, setup.Random) : null;

        Receive<OutboundProtocol.Send>(OnSend);
        Receive<EnqueueResult>(OnSendReply);
        Receive<OutboundProtocol.Close>(OnClose);
        Receive<OutboundProtocol.GetSnapshot>(_ => Sender.Tell(Snapshot()));
        Receive<OutboundProtocol.Dialed>(OnDialed);
        Receive<OutboundProtocol.ConnectTimedOut>(_ => OnConnectTimedOut());
        Receive<OutboundProtocol.Redial>(_ => Dial());
        Receive<ConnectionProtocol.Ended>(OnEnded);
        Receive<Terminated>(OnTerminated);
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the supervisor of one outbound connection to <paramref name="target"/>.</summary>
    /// <param name="target">Where to dial.</param>
    /// <param name="setup">Its settings, handler and collaborators.</param>
    public static Props Props(OutboundTarget target, OutboundSetup setup)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(setup);
        return Actors.Props.Create(() => new OutboundConnection(target, setup));
    }

    /// <inheritdoc/>
    protected override SupervisorStrategy SupervisorStrategy() => Strategy;

    /// <inheritdoc/>
    protected override void PreStart() => Dial();

    /// <inheritdoc/>
    protected override void PostRestart(Exception reason)
    {
        // Never restarted: the failed incarnation's PostStop released its sockets and reported the end
        // to the handle, so a fresh dial here would run behind a handle that says Stopped.
        Context.Stop(Self);
    }

    /// <inheritdoc/>
    protected override void PostStop()
    {
        // Children have stopped by now: a connection actor stopped from outside reset its own socket.
        _dial?.Abandon();
        _dial = null;
        if (_status.Stopped.IsCompleted)
        {
            // The incarnation that failed already reported the end.
            return;
        }

        foreach (var send in _inFlight)
        {
            if (send.Asker is { } asker)
            {
                asker.Tell(Box(OutboundSendResult.Closed), ActorRefs.NoSender);
            }
            else
            {
                Discard(send.Payload.Length);
            }
        }

        _inFlight.Clear();
        while (_buffer.TryDequeue(out var payload))
        {
            Discard(payload.Length);
        }

        _bufferedBytes = 0;
        var reason = _stopReason ?? OutboundStopReason.Terminated;
        if (_discardedFrames > 0)
        {
            OutboundLog.FramesDiscarded(_log, _targetText, _discardedFrames, _discardedBytes, reason.ToString());
        }

        var stopped = new OutboundStopped(reason, _discardedFrames, _discardedBytes);
        OutboundLog.Stopped(_log, _targetText, reason);
        Notify(nameof(IOutboundConnectionObserver.OnStopped), static (observer, stopped) => observer.OnStopped(stopped), stopped);
        _status.Complete(stopped);
    }

    private static object Box(OutboundSendResult result) => BoxedResults[(int)result];

    private static OutboundSendResult Map(EnqueueResult result) => result switch
    {
        EnqueueResult.Accepted => OutboundSendResult.Accepted,
        EnqueueResult.Suspended => OutboundSendResult.Suspended,
        _ => OutboundSendResult.Refused,
    };

    private void SetState(OutboundState state)
    {
        _state = state;
        _status.State = state;
    }

    private void Dial()
    {
        SetState(OutboundState.Connecting);

        // Armed before the dial starts, so the timeout counts from before the first SYN.
        Timers.StartSingleTimer(ConnectTimeoutKey, OutboundProtocol.ConnectTimedOut.Instance, _options.ConnectTimeout);
        var cancellation = new CancellationTokenSource();
        var call = OutboundDialer.DialAsync(_target, _connect, cancellation.Token);
        _dial = new DialAttempt(call, cancellation);
        call.ContinueWith(
            static (done, self) => ((IActorRef)self!).Tell(new OutboundProtocol.Dialed(done), ActorRefs.NoSender),
            Self,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnDialed(OutboundProtocol.Dialed dialed)
    {
        if (_dial is not { } dial || !ReferenceEquals(dial.Call, dialed.Call))
        {
            // An abandoned dial: its own continuation releases a socket that connected anyway.
            return;
        }

        _dial = null;
        dial.Completed();
        Timers.Cancel(ConnectTimeoutKey);
        var call = dialed.Call;
        if (call.IsCompletedSuccessfully)
        {
            StartConnection(call.Result);
            return;
        }

        OnConnectFailed(call.Exception?.InnerException is SocketException e ? e.SocketErrorCode : SocketError.SocketError);
    }

    private void OnConnectTimedOut()
    {
        if (_dial is not { } dial)
        {
            return;
        }

        _dial = null;
        dial.Abandon();
        OnConnectFailed(SocketError.TimedOut);
    }

    private void OnConnectFailed(SocketError error)
    {
        OutboundLog.ConnectFailed(_log, _targetText, _attempt, error);
        Notify(nameof(IOutboundConnectionObserver.OnConnectFailed), static (observer, failure) => observer.OnConnectFailed(failure), new OutboundConnectFailure(_attempt, error));
        ScheduleRedial();
    }

    private void StartConnection(Socket socket)
    {
        ConnectionInfo info;
        try
        {
            info = new ConnectionInfo(
                _nextConnectionId(), (IPEndPoint)socket.RemoteEndPoint!, (IPEndPoint)socket.LocalEndPoint!, Context.System.TimeProvider.GetUtcNow());
        }
        catch (SocketException e)
        {
            // Reset by the peer between the connect and now.
            SocketTeardown.Reset(socket);
            OnConnectFailed(e.SocketErrorCode);
            return;
        }

        _connection = Context.Watch(Context.ActorOf(ConnectionActor.Props(socket, info, _settings, _handler), ConnectionActor.ActorName(info.Id)));
        _connectionInfo = info;
        _connects++;
        OutboundLog.Connected(_log, _targetText, info.Id, info.RemoteEndPoint, _attempt);
        _attempt = 0;
        SetState(OutboundState.Connected);

        // The child's PreStart has run the handler's OnConnected before it takes these: a login goes first.
        while (_buffer.TryDequeue(out var payload))
        {
            _connection.Tell(new ConnectionProtocol.Send(payload), Self);
            _inFlight.Enqueue(new InFlight(null, payload));
        }

        _bufferedBytes = 0;
    }

    private void OnEnded(ConnectionProtocol.Ended ended)
    {
        if (Sender.Equals(_connection))
        {
            OnConnectionEnded(ended.Closed);
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        // Unwatched once it told Ended, so this is a connection actor that stopped without telling it.
        if (terminated.ActorRef.Equals(_connection))
        {
            OnConnectionEnded(new ConnectionClosed(CloseReason.Aborted, ClosedFirstBy.Reset));
        }
    }

    private void OnConnectionEnded(ConnectionClosed closed)
    {
        var id = _connectionInfo!.Id;
        Context.Unwatch(_connection!);
        _connection = null;
        _connectionInfo = null;
        HoldUnanswered();
        OutboundLog.Disconnected(_log, _targetText, id, closed.Reason, closed.FirstBy);
        Notify(nameof(IOutboundConnectionObserver.OnDisconnected), static (observer, closed) => observer.OnDisconnected(closed), closed);
        if (_closeRequested)
        {
            StopWith(OutboundStopReason.Closed);
            return;
        }

        ScheduleRedial();
    }

    /// <summary>
    /// The sends the ended child never answered never reached it (its replies come before its Ended):
    /// frames already promised as buffered wait for the next connect; callers still waiting get
    /// buffered when there is room, and are told they were not sent otherwise.
    /// </summary>
    private void HoldUnanswered()
    {
        while (_inFlight.TryDequeue(out var send))
        {
            if (send.Asker is not { } asker)
            {
                Hold(send.Payload);
            }
            else if (!_closeRequested && Fits(send.Payload))
            {
                Hold(send.Payload);
                asker.Tell(Box(OutboundSendResult.Buffered), Self);
            }
            else
            {
                asker.Tell(Box(_closeRequested ? OutboundSendResult.Closed : OutboundSendResult.NotConnected), Self);
            }
        }
    }

    private void ScheduleRedial()
    {
        var reconnect = _options.Reconnect;
        if (_backoff is null || (reconnect.MaxAttempts > 0 && _attempt >= reconnect.MaxAttempts))
        {
            OutboundLog.GaveUp(_log, _targetText, _attempt);
            StopWith(OutboundStopReason.GaveUp);
            return;
        }

        _attempt++;
        var delay = _backoff.NextDelay(_attempt);
        SetState(OutboundState.Backoff);
        Timers.StartSingleTimer(RedialKey, OutboundProtocol.Redial.Instance, delay);
        OutboundLog.ReconnectScheduled(_log, _targetText, _attempt, delay);
        Notify(nameof(IOutboundConnectionObserver.OnReconnecting), static (observer, next) => observer.OnReconnecting(next), new OutboundReconnecting(_attempt, delay));
    }

    private void OnSend(OutboundProtocol.Send send)
    {
        switch (_state)
        {
            case OutboundState.Connected:
                _connection!.Tell(new ConnectionProtocol.Send(send.Payload), Self);
                _inFlight.Enqueue(new InFlight(Sender, send.Payload));
                break;
            case OutboundState.Connecting or OutboundState.Backoff:
                var buffered = Fits(send.Payload);
                if (buffered)
                {
                    Hold(send.Payload);
                }

                Sender.Tell(Box(buffered ? OutboundSendResult.Buffered : OutboundSendResult.NotConnected), Self);
                break;
            default:
                Sender.Tell(Box(OutboundSendResult.Closed), Self);
                break;
        }
    }

    private void OnSendReply(EnqueueResult result)
    {
        if (!_inFlight.TryDequeue(out var send))
        {
            return;
        }

        if (send.Asker is { } asker)
        {
            asker.Tell(Box(Map(result)), Self);
        }
        else if (result == EnqueueResult.Refused)
        {
            Discard(send.Payload.Length);
            OutboundLog.FramesDiscarded(_log, _targetText, 1, send.Payload.Length, "the write queue refused it after the connect");
        }
    }

    private void OnClose(OutboundProtocol.Close close)
    {
        var wasClosing = _closeRequested;
        _closeRequested = true;
        switch (_state)
        {
            case OutboundState.Connected or OutboundState.Closing:
                if (!wasClosing || close.Mode == CloseMode.Abort)
                {
                    // A client that closes by choice is the active closer: with prefer-peer-close off it
                    // sends the first FIN and keeps the TIME_WAIT, which is where the protocol wants it.
                    _connection!.Tell(close.Mode == CloseMode.Abort
                        ? ConnectionProtocol.Abort.Instance
                        : new ConnectionProtocol.Close(CloseReason.LocalClose), Self);
                }

                SetState(OutboundState.Closing);
                break;
            case OutboundState.Connecting:
                Timers.Cancel(ConnectTimeoutKey);
                _dial?.Abandon();
                _dial = null;
                StopWith(OutboundStopReason.Closed);
                break;
            case OutboundState.Backoff:
                Timers.Cancel(RedialKey);
                StopWith(OutboundStopReason.Closed);
                break;
        }
    }

    private void StopWith(OutboundStopReason reason)
    {
        _stopReason ??= reason;
        Context.Stop(Self);
    }

    private bool Fits(ReadOnlyMemory<byte> payload)
    {
        var limit = _options.BufferWhileDisconnected;
        return limit > 0 && _bufferedBytes + payload.Length <= limit;
    }

    private void Hold(ReadOnlyMemory<byte> payload)
    {
        _buffer.Enqueue(payload);
        _bufferedBytes += payload.Length;
    }

    private void Discard(int bytes)
    {
        _discardedFrames++;
        _discardedBytes += bytes;
    }

    private OutboundSnapshot Snapshot() => new(
        _targetText, _state, _attempt, _connects, _buffer.Count, _bufferedBytes, _connectionInfo?.ToSnapshot());

    /// <summary>Tells the observer, if the handler is one; it runs only while no connection is open, so never beside the handler.</summary>
    private void Notify<T>(string callback, Action<IOutboundConnectionObserver, T> call, T fact)
    {
        if (_observer is null)
        {
            return;
        }

        try
        {
            call(_observer, fact);
        }
        catch (Exception exception)
        {
            OutboundLog.ObserverFailed(_log, exception, _targetText, callback);
        }
    }

    /// <summary>A send handed to the connection actor and not answered yet; no asker for a frame sent from the buffer.</summary>
    private readonly record struct InFlight(IActorRef? Asker, ReadOnlyMemory<byte> Payload);

    /// <summary>One dial in progress, with the cancellation that a timeout or a close uses.</summary>
    private sealed class DialAttempt(Task<Socket> call, CancellationTokenSource cancellation)
    {
        public Task<Socket> Call { get; } = call;

        /// <summary>The dial's completion was taken: the socket, if any, is the supervisor's now.</summary>
        public void Completed() => cancellation.Dispose();

        /// <summary>Cancels the dial; a socket that connected anyway is reset when the dial completes, by nobody else.</summary>
        public void Abandon()
        {
            cancellation.Cancel();
            Call.ContinueWith(
                static (done, state) =>
                {
                    ((CancellationTokenSource)state!).Dispose();
                    if (done.IsCompletedSuccessfully)
                    {
                        SocketTeardown.Reset(done.Result);
                    }
                },
                cancellation,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }
}
