using ActorTcp.Lifecycle;
using ActorTcp.Teardown;
using static ActorTcp.Lifecycle.LifecycleActions;
using E = ActorTcp.Lifecycle.LifecycleEvent;
using S = ActorTcp.Lifecycle.LifecycleState;
using T = ActorTcp.Lifecycle.LifecycleTimerKind;

namespace ActorTcp.Tests.Lifecycle;

/// <summary>
/// The expected outcome of every (state, event) pair under the default teardown policy
/// (prefer-peer-close on with a goodbye, on-grace-expired = fin, protocol-error = rst), written out
/// by hand from ARCHITECTURE.md's teardown table. The status each row starts from carries the
/// reason <see cref="StartReason"/> gives it.
/// </summary>
public static class LifecycleTable
{
    private const LifecycleActions Released = CancelTimer | PublishClosed;

    public static IReadOnlyList<LifecycleTableRow> Rows { get; } =
    [
        // Established: both directions open.
        new(S.Established, E.PeerFinReceived.Instance, S.PeerClosed, StopReading | NotifyPeerClosed | StartTimer, T.CloseWait, NextReason: CloseReason.PeerClosed),
        new(S.Established, new E.CloseRequested(CloseReason.LocalClose), S.CloseRequested, SendGoodbye | FlushWrites | StartTimer, T.PeerCloseGrace, NextReason: CloseReason.LocalClose),
        new(S.Established, new E.AbortRequested(CloseReason.Aborted), S.Closed, Reset | Released, Closed: new(CloseReason.Aborted, ClosedFirstBy.Reset)),
        new(S.Established, E.PeerResetReceived.Instance, S.Closed, CloseSocket | Released, Closed: new(CloseReason.PeerReset, ClosedFirstBy.Reset)),
        new(S.Established, E.SocketFailed.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.SocketError, ClosedFirstBy.Reset)),
        new(S.Established, E.ProtocolViolated.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.ProtocolError, ClosedFirstBy.Reset)),
        new(S.Established, E.SlowConsumerDetected.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.SlowConsumer, ClosedFirstBy.Reset)),
        new(S.Established, E.HandlerFailed.Instance, S.Closing, DiscardInbound | FlushWrites | ShutdownSend | StartTimer, T.FinWait, NextReason: CloseReason.HandlerFailed),
        new(S.Established, E.PeerDead.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset)),
        new(S.Established, E.CloseWaitExpired.Instance, S.Established, None),
        new(S.Established, E.PeerCloseGraceExpired.Instance, S.Established, None),
        new(S.Established, E.FinWaitExpired.Instance, S.Established, None),
        new(S.Established, E.WritesFlushed.Instance, S.Established, None),

        // PeerClosed (CLOSE_WAIT): the peer's FIN is in, we must close ourselves.
        new(S.PeerClosed, E.PeerFinReceived.Instance, S.PeerClosed, None),
        new(S.PeerClosed, new E.CloseRequested(CloseReason.LocalClose), S.PeerClosed, FlushWrites, NextReason: CloseReason.PeerClosed),
        new(S.PeerClosed, new E.AbortRequested(CloseReason.Aborted), S.Closed, Reset | Released, Closed: new(CloseReason.Aborted, ClosedFirstBy.Reset)),
        new(S.PeerClosed, E.PeerResetReceived.Instance, S.Closed, CloseSocket | Released, Closed: new(CloseReason.PeerReset, ClosedFirstBy.Reset)),
        new(S.PeerClosed, E.SocketFailed.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.SocketError, ClosedFirstBy.Reset)),
        new(S.PeerClosed, E.ProtocolViolated.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.ProtocolError, ClosedFirstBy.Reset)),
        new(S.PeerClosed, E.SlowConsumerDetected.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.SlowConsumer, ClosedFirstBy.Reset)),
        new(S.PeerClosed, E.HandlerFailed.Instance, S.PeerClosed, FlushWrites, NextReason: CloseReason.HandlerFailed),
        new(S.PeerClosed, E.PeerDead.Instance, S.PeerClosed, None),
        new(S.PeerClosed, E.CloseWaitExpired.Instance, S.Closed, CloseSocket | Released, Closed: new(CloseReason.CloseWaitTimeout, ClosedFirstBy.Peer)),
        new(S.PeerClosed, E.PeerCloseGraceExpired.Instance, S.PeerClosed, None),
        new(S.PeerClosed, E.FinWaitExpired.Instance, S.PeerClosed, None),
        new(S.PeerClosed, E.WritesFlushed.Instance, S.Closed, CloseSocket | Released, Closed: new(CloseReason.PeerClosed, ClosedFirstBy.Peer)),

        // CloseRequested: goodbye sent, waiting for the peer's FIN (started by a drain).
        new(S.CloseRequested, E.PeerFinReceived.Instance, S.PeerClosed, StopReading | FlushWrites | StartTimer, T.CloseWait, NextReason: CloseReason.Drain),
        new(S.CloseRequested, new E.CloseRequested(CloseReason.LocalClose), S.CloseRequested, None),
        new(S.CloseRequested, new E.AbortRequested(CloseReason.Aborted), S.Closed, Reset | Released, Closed: new(CloseReason.Aborted, ClosedFirstBy.Reset)),
        new(S.CloseRequested, E.PeerResetReceived.Instance, S.Closed, CloseSocket | Released, Closed: new(CloseReason.PeerReset, ClosedFirstBy.Reset)),
        new(S.CloseRequested, E.SocketFailed.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.SocketError, ClosedFirstBy.Reset)),
        new(S.CloseRequested, E.ProtocolViolated.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.ProtocolError, ClosedFirstBy.Reset)),
        new(S.CloseRequested, E.SlowConsumerDetected.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.SlowConsumer, ClosedFirstBy.Reset)),
        new(S.CloseRequested, E.HandlerFailed.Instance, S.Closing, DiscardInbound | FlushWrites | ShutdownSend | StartTimer, T.FinWait, NextReason: CloseReason.HandlerFailed),
        new(S.CloseRequested, E.PeerDead.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset)),
        new(S.CloseRequested, E.CloseWaitExpired.Instance, S.CloseRequested, None),
        new(S.CloseRequested, E.PeerCloseGraceExpired.Instance, S.Closing, FlushWrites | ShutdownSend | StartTimer, T.FinWait, NextReason: CloseReason.Drain),
        new(S.CloseRequested, E.FinWaitExpired.Instance, S.CloseRequested, None),
        new(S.CloseRequested, E.WritesFlushed.Instance, S.CloseRequested, None),

        // Closing (FIN_WAIT): our FIN is out, waiting for the peer's (started by a drain).
        new(S.Closing, E.PeerFinReceived.Instance, S.Closed, CloseSocket | Released, Closed: new(CloseReason.Drain, ClosedFirstBy.Local)),
        new(S.Closing, new E.CloseRequested(CloseReason.LocalClose), S.Closing, None),
        new(S.Closing, new E.AbortRequested(CloseReason.Aborted), S.Closed, Reset | Released, Closed: new(CloseReason.Aborted, ClosedFirstBy.Reset)),
        new(S.Closing, E.PeerResetReceived.Instance, S.Closed, CloseSocket | Released, Closed: new(CloseReason.PeerReset, ClosedFirstBy.Reset)),
        new(S.Closing, E.SocketFailed.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.SocketError, ClosedFirstBy.Reset)),
        new(S.Closing, E.ProtocolViolated.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.ProtocolError, ClosedFirstBy.Reset)),
        new(S.Closing, E.SlowConsumerDetected.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.SlowConsumer, ClosedFirstBy.Reset)),
        new(S.Closing, E.HandlerFailed.Instance, S.Closing, DiscardInbound, NextReason: CloseReason.Drain),
        new(S.Closing, E.PeerDead.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.HeartbeatTimeout, ClosedFirstBy.Reset)),
        new(S.Closing, E.CloseWaitExpired.Instance, S.Closing, None),
        new(S.Closing, E.PeerCloseGraceExpired.Instance, S.Closing, None),
        new(S.Closing, E.FinWaitExpired.Instance, S.Closed, Reset | Released, Closed: new(CloseReason.FinWaitTimeout, ClosedFirstBy.Reset)),
        new(S.Closing, E.WritesFlushed.Instance, S.Closing, None),

        // Closed: the notification is out; nothing can happen any more.
        new(S.Closed, E.PeerFinReceived.Instance, S.Closed, None),
        new(S.Closed, new E.CloseRequested(CloseReason.LocalClose), S.Closed, None),
        new(S.Closed, new E.AbortRequested(CloseReason.Aborted), S.Closed, None),
        new(S.Closed, E.PeerResetReceived.Instance, S.Closed, None),
        new(S.Closed, E.SocketFailed.Instance, S.Closed, None),
        new(S.Closed, E.ProtocolViolated.Instance, S.Closed, None),
        new(S.Closed, E.SlowConsumerDetected.Instance, S.Closed, None),
        new(S.Closed, E.HandlerFailed.Instance, S.Closed, None),
        new(S.Closed, E.PeerDead.Instance, S.Closed, None),
        new(S.Closed, E.CloseWaitExpired.Instance, S.Closed, None),
        new(S.Closed, E.PeerCloseGraceExpired.Instance, S.Closed, None),
        new(S.Closed, E.FinWaitExpired.Instance, S.Closed, None),
        new(S.Closed, E.WritesFlushed.Instance, S.Closed, None),
    ];

    /// <summary>The reason carried by the status a row starts from.</summary>
    public static CloseReason StartReason(LifecycleState state) => state switch
    {
        LifecycleState.PeerClosed => CloseReason.PeerClosed,
        _ => CloseReason.Drain,
    };
}
