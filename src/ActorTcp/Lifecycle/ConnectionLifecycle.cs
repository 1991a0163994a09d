using ActorTcp.Configuration;
using ActorTcp.Teardown;
using static ActorTcp.Lifecycle.LifecycleActions;

namespace ActorTcp.Lifecycle;

/// <summary>
/// The connection lifecycle as a pure decider: <c>(status, event, now) → decision</c>. It owns no
/// socket and no timer; the connection actor feeds it events and carries out the actions, so every
/// rule of the teardown policy is testable without sockets.
/// </summary>
/// <remarks>
/// <para>
/// The rule it is built around: the side that sends the first FIN ends in TIME_WAIT for 2MSL, the
/// side that receives it passes through CLOSE_WAIT and must close by itself. So the decider lets the
/// peer close first whenever it can (goodbye, then wait), bounds every waiting state with a timer,
/// and resets only when there is nobody to shake hands with or the peer misbehaves.
/// </para>
/// <para>
/// Once <see cref="LifecycleState.Closed"/> is reached every event is ignored, which is what makes the
/// close notification single: only the transition into Closed publishes it.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var lifecycle = new ConnectionLifecycle(options.Teardown);
/// var status = LifecycleStatus.Established;
/// var decision = lifecycle.Decide(status, LifecycleEvent.PeerFinReceived.Instance, now);
/// // decision.Next.State == PeerClosed, actions: StopReading | NotifyPeerClosed | StartTimer (close-wait)
/// status = decision.Next;
/// </code>
/// </example>
public sealed class ConnectionLifecycle
{
    private readonly TimeSpan _closeWaitTimeout;
    private readonly TimeSpan _finWaitTimeout;
    private readonly TimeSpan _handlerFailedFinWait;
    private readonly TimeSpan _peerCloseGrace;
    private readonly bool _preferPeerClose;
    private readonly bool _hasGoodbye;
    private readonly GraceExpiredAction _onGraceExpired;
    private readonly BadPeerAction _onBadPeer;

    /// <summary>Creates the decider with the teardown policy baked in.</summary>
    /// <param name="teardown">The validated teardown options; later changes to it are not seen.</param>
    public ConnectionLifecycle(TeardownOptions teardown)
        : this(teardown, teardown?.PreferPeerClose ?? false)
    {
    }

    /// <summary>Creates the decider, overriding <c>teardown.prefer-peer-close</c>.</summary>
    /// <param name="teardown">The validated teardown options; later changes to it are not seen.</param>
    /// <param name="preferPeerClose">
    /// Whether a close of our own lets the peer close first; false for dialled connections, whose own
    /// close should send the first FIN and keep the TIME_WAIT on the client.
    /// </param>
    internal ConnectionLifecycle(TeardownOptions teardown, bool preferPeerClose)
    {
        ArgumentNullException.ThrowIfNull(teardown);
        _closeWaitTimeout = teardown.CloseWaitTimeout;
        _finWaitTimeout = teardown.FinWaitTimeout;
        _handlerFailedFinWait = teardown.HandlerFailedFinWait;
        _peerCloseGrace = teardown.PeerCloseGrace;
        _preferPeerClose = preferPeerClose;
        _hasGoodbye = teardown.Goodbye.Length > 0;
        _onGraceExpired = teardown.OnGraceExpired;
        _onBadPeer = teardown.ProtocolError;
    }

    /// <summary>Decides what <paramref name="event"/> means for a connection in <paramref name="current"/>.</summary>
    /// <param name="current">The status returned by the previous decision (or <see cref="LifecycleStatus.Established"/>).</param>
    /// <param name="event">What happened.</param>
    /// <param name="now">The current time on the shell's monotonic clock; timers fall due relative to it.</param>
    /// <returns>The next status and the actions to carry out; no actions when the event does not apply.</returns>
    public LifecycleDecision Decide(LifecycleStatus current, LifecycleEvent @event, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (current.State == LifecycleState.Closed)
        {
            return Ignore(current);
        }

        return @event switch
        {
            LifecycleEvent.PeerFinReceived => OnPeerFin(current, now),
            LifecycleEvent.CloseRequested close => OnCloseRequested(current, close.Reason, now),
            LifecycleEvent.AbortRequested abort => ResetNow(abort.Reason),

            // The kernel already tore the connection down; close() only releases the descriptor.
            LifecycleEvent.PeerResetReceived => Release(CloseReason.PeerReset, ClosedFirstBy.Reset, CloseSocket),

            // A failed socket (user timeout, keepalive, unreachable) has no peer to shake hands with;
            // linger 0 guarantees close() frees it at once whatever state the kernel left it in.
            LifecycleEvent.SocketFailed => ResetNow(CloseReason.SocketError),
            LifecycleEvent.ProtocolViolated => OnBadPeer(current, CloseReason.ProtocolError, now),
            LifecycleEvent.SlowConsumerDetected => OnBadPeer(current, CloseReason.SlowConsumer, now),
            LifecycleEvent.HandlerFailed => OnHandlerFailed(current, now),
            LifecycleEvent.PeerDead => OnPeerDead(current),
            LifecycleEvent.CloseWaitExpired => OnCloseWaitExpired(current),
            LifecycleEvent.PeerCloseGraceExpired => OnPeerCloseGraceExpired(current, now),
            LifecycleEvent.FinWaitExpired => OnFinWaitExpired(current),
            LifecycleEvent.WritesFlushed => OnWritesFlushed(current),
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "Unknown lifecycle event."),
        };
    }

    private LifecycleDecision OnPeerFin(LifecycleStatus current, TimeSpan now) => current.State switch
    {
        // CLOSE_WAIT begins: the handler may still answer, but we must close ourselves and the
        // close-wait timer guarantees we do, so a forgetful handler cannot leak CLOSE_WAIT sockets.
        LifecycleState.Established => Enter(
            new(LifecycleState.PeerClosed, CloseReason.PeerClosed),
            StopReading | NotifyPeerClosed,
            Timer(LifecycleTimerKind.CloseWait, _closeWaitTimeout, now)),

        // The peer answered our goodbye with FIN: it closed first and holds TIME_WAIT, we hold
        // nothing. Flush what is left and close as soon as the queue is empty.
        LifecycleState.CloseRequested => Enter(
            current with { State = LifecycleState.PeerClosed },
            StopReading | FlushWrites,
            Timer(LifecycleTimerKind.CloseWait, _closeWaitTimeout, now)),

        // Both FINs are out and ours was first: this host holds TIME_WAIT, which the kernel owns.
        LifecycleState.Closing => Release(current.Reason, ClosedFirstBy.Local, CloseSocket),

        _ => Ignore(current),
    };

    private LifecycleDecision OnCloseRequested(LifecycleStatus current, CloseReason reason, TimeSpan now)
    {
        switch (current.State)
        {
            case LifecycleState.Established when _preferPeerClose:
                // Ask the peer to close first so the TIME_WAIT socket ends up on its side, and keep
                // reading so its FIN is seen; the grace timer bounds the wait.
                return Enter(
                    new(LifecycleState.CloseRequested, reason),
                    (_hasGoodbye ? SendGoodbye : None) | FlushWrites,
                    Timer(LifecycleTimerKind.PeerCloseGrace, _peerCloseGrace, now));

            case LifecycleState.Established:
                // We close first on purpose, so this host holds TIME_WAIT; fin-wait bounds FIN_WAIT_2.
                return Enter(
                    new(LifecycleState.Closing, reason),
                    FlushWrites | ShutdownSend,
                    Timer(LifecycleTimerKind.FinWait, _finWaitTimeout, now));

            case LifecycleState.PeerClosed:
                // The peer already closed first: flush and close, still under the close-wait timer.
                return Enter(current, FlushWrites);

            default:
                return Ignore(current);
        }
    }

    private LifecycleDecision OnBadPeer(LifecycleStatus current, CloseReason reason, TimeSpan now)
    {
        if (_onBadPeer == BadPeerAction.Rst)
        {
            // A misbehaving peer gets no further resources: RST frees both sides at once and
            // leaves no TIME_WAIT here; whatever was queued for it is deliberately thrown away.
            return ResetNow(reason);
        }

        return current.State switch
        {
            LifecycleState.Established or LifecycleState.CloseRequested => Enter(
                new(LifecycleState.Closing, reason),
                DiscardInbound | ShutdownSend,
                Timer(LifecycleTimerKind.FinWait, _finWaitTimeout, now)),

            // The peer's FIN is already in, so a plain close leaves no TIME_WAIT on our side.
            LifecycleState.PeerClosed => Release(reason, ClosedFirstBy.Peer, CloseSocket),

            // Our FIN is already out; only stop listening to the peer's bytes.
            _ => Enter(current, DiscardInbound),
        };
    }

    private LifecycleDecision OnHandlerFailed(LifecycleStatus current, TimeSpan now) => current.State switch
    {
        // Nobody is left to speak the protocol, so no goodbye: flush what the handler queued, FIN,
        // and wait only briefly for the peer's FIN before the fin-wait reset.
        LifecycleState.Established or LifecycleState.CloseRequested => Enter(
            new(LifecycleState.Closing, CloseReason.HandlerFailed),
            DiscardInbound | FlushWrites | ShutdownSend,
            Timer(LifecycleTimerKind.FinWait, _handlerFailedFinWait, now)),

        // The peer closed first; flush and close under the running close-wait timer.
        LifecycleState.PeerClosed => Enter(new(LifecycleState.PeerClosed, CloseReason.HandlerFailed), FlushWrites),

        _ => Enter(current, DiscardInbound),
    };

    private LifecycleDecision OnPeerDead(LifecycleStatus current) => current.State switch
    {
        // Silence after the peer's FIN is expected, not a sign of death; close-wait bounds this state.
        LifecycleState.PeerClosed => Ignore(current),

        // Nobody answers, so a FIN handshake would only wait for fin-wait-timeout: reset now.
        _ => ResetNow(CloseReason.HeartbeatTimeout),
    };

    private LifecycleDecision OnCloseWaitExpired(LifecycleStatus current) =>
        current.State == LifecycleState.PeerClosed

            // A plain close, not RST: the peer already sent FIN and is alive, so our FIN finishes the
            // handshake (LAST_ACK, no TIME_WAIT here) and close() releases the descriptor at once.
            ? Release(CloseReason.CloseWaitTimeout, ClosedFirstBy.Peer, CloseSocket)
            : Ignore(current);

    private LifecycleDecision OnPeerCloseGraceExpired(LifecycleStatus current, TimeSpan now)
    {
        if (current.State != LifecycleState.CloseRequested)
        {
            return Ignore(current);
        }

        return _onGraceExpired == GraceExpiredAction.Fin

            // The peer ignored the goodbye: close first ourselves and accept the TIME_WAIT socket.
            ? Enter(
                new(LifecycleState.Closing, current.Reason),
                FlushWrites | ShutdownSend,
                Timer(LifecycleTimerKind.FinWait, _finWaitTimeout, now))

            // Configured to keep no TIME_WAIT at all: reset, at the cost of unsent data.
            : ResetNow(current.Reason);
    }

    private LifecycleDecision OnFinWaitExpired(LifecycleStatus current) =>
        current.State == LifecycleState.Closing

            // The peer never sent its FIN (gone, or it ignores us); RST ends FIN_WAIT_2 now instead
            // of after the kernel's tcp_fin_timeout.
            ? ResetNow(CloseReason.FinWaitTimeout)
            : Ignore(current);

    private static LifecycleDecision OnWritesFlushed(LifecycleStatus current) =>
        current.State == LifecycleState.PeerClosed

            // Only a close in CLOSE_WAIT asks for a flush and then waits for it; close() now sends
            // our FIN after the peer's, so the peer holds TIME_WAIT.
            ? Release(current.Reason, ClosedFirstBy.Peer, CloseSocket)
            : Ignore(current);

    private static LifecycleDecision ResetNow(CloseReason reason) => Release(reason, ClosedFirstBy.Reset, Reset);

    private static LifecycleDecision Release(CloseReason reason, ClosedFirstBy firstBy, LifecycleActions release) =>
        new(
            new LifecycleStatus(LifecycleState.Closed, reason),
            release | CancelTimer | PublishClosed,
            null,
            new ConnectionClosed(reason, firstBy));

    private static LifecycleDecision Enter(LifecycleStatus next, LifecycleActions actions) =>
        new(next, actions, null, null);

    private static LifecycleDecision Enter(LifecycleStatus next, LifecycleActions actions, LifecycleTimer timer) =>
        new(next, actions | StartTimer, timer, null);

    private static LifecycleTimer Timer(LifecycleTimerKind kind, TimeSpan duration, TimeSpan now) =>
        new(kind, duration, now + duration);

    private static LifecycleDecision Ignore(LifecycleStatus current) => new(current, None, null, null);
}
