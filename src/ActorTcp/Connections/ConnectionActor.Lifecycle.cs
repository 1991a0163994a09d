using ActorTcp.Lifecycle;
using ActorTcp.Sockets;
using ActorTcp.Teardown;

namespace ActorTcp.Connections;

/// <summary>Carrying out the decider's actions, releasing the socket, and the single close notification.</summary>
public sealed partial class ConnectionActor
{
    private bool _released;
    private volatile bool _socketClosed;

    /// <summary>
    /// Feeds <paramref name="event"/> to the decider and carries out the decision in the order
    /// <see cref="LifecycleActions"/> documents, except that the handler hears of the peer's FIN last:
    /// it may close from inside that call, which is then a decision of its own on a settled state.
    /// </summary>
    private void Apply(LifecycleEvent @event)
    {
        var decision = _settings.Lifecycle.Decide(_status, @event, Now);
        if (decision.IsIgnored)
        {
            return;
        }

        var from = _status.State;
        _status = decision.Next;
        if (decision.Has(LifecycleActions.StopReading))
        {
            _readingStopped = true;
        }

        if (decision.Has(LifecycleActions.DiscardInbound))
        {
            _discardInbound = true;
            _inbound.Release();
            _frameTimeout = default;
        }

        if (decision.Has(LifecycleActions.NotifyPeerClosed))
        {
            _peerClosedAt = Now;
        }

        if (decision.Has(LifecycleActions.SendGoodbye))
        {
            EnqueueControl(_settings.Goodbye.Span);
        }

        if (decision.Has(LifecycleActions.FlushWrites))
        {
            _flushRequested = true;
        }

        if (decision.Has(LifecycleActions.ShutdownSend))
        {
            RequestShutdownSend(afterFlush: decision.Has(LifecycleActions.FlushWrites));
        }

        if (decision.Has(LifecycleActions.CloseSocket) || decision.Has(LifecycleActions.Reset))
        {
            ReleaseResources(reset: decision.Has(LifecycleActions.Reset));
        }

        if (decision.Has(LifecycleActions.StartTimer) && decision.Timer is { } timer)
        {
            _stateTimerKind = timer.Kind;
            _stateTimerDueAt = timer.DueAt;
            EnsureTimerBy(timer.DueAt);
        }

        if (decision.Has(LifecycleActions.CancelTimer))
        {
            _stateTimerKind = LifecycleTimerKind.None;
        }

        if (from != _status.State)
        {
            RecordState(from, _status.State);
        }

        if (decision.Has(LifecycleActions.PublishClosed) && decision.Closed is { } closed)
        {
            Publish(closed);
            StopWhenHandlerActorDone();
            return;
        }

        if (from != _status.State)
        {
            _stateSubscriber?.Tell(new ConnectionProtocol.StateChanged(_info.Id, _status.State), Self);
        }

        if (decision.Has(LifecycleActions.NotifyPeerClosed))
        {
            NotifyPeerClosed();
        }
    }

    private void RecordState(LifecycleState from, LifecycleState to)
    {
        _info.State = to;
        _settings.Metrics.StateChanged(from, to);
        if (from == LifecycleState.PeerClosed)
        {
            _settings.Metrics.CloseWaitEnded(Now - _peerClosedAt);
        }
    }

    /// <summary>Asks for FIN, at once or once the queued writes are sent; nothing may be queued after it.</summary>
    private void RequestShutdownSend(bool afterFlush)
    {
        _writeClosed = true;
        if (!afterFlush)
        {
            _dropUnsent = true;
            DropQueuedWrites();
        }

        _shutdownPending = true;
    }

    /// <summary>Sends FIN now; a socket that already failed is a reset by the peer.</summary>
    private void ShutdownSendNow()
    {
        _shutdownPending = false;
        if (!SocketTeardown.ShutdownSend(_socket))
        {
            Apply(LifecycleEvent.PeerResetReceived.Instance);
        }
    }

    /// <summary>
    /// Closes or resets the socket and returns every pooled buffer; safe to call more than once.
    /// Buffers lent to a send still in flight are left to the garbage collector instead of the pool,
    /// because the kernel may still be reading them.
    /// </summary>
    private void ReleaseResources(bool reset)
    {
        if (_released)
        {
            return;
        }

        _released = true;
        _socketClosed = true;
        CancelTimer();
        if (reset)
        {
            SocketTeardown.Reset(_socket);
        }
        else
        {
            SocketTeardown.Close(_socket);
        }

        _inbound.Release();
        _readiness?.Dispose();
        _sendCompletion?.Dispose();
        if (_writeQueue is { } queue)
        {
            _settings.Metrics.WriteQueueChanged(-queue.Length);
            if (!_sending)
            {
                queue.Clear();
            }

            _writeQueue = null;
            _info.SetWriteQueueBytes(0);
        }
    }

    /// <summary>The single close notification: metrics, log, handler, parent.</summary>
    private void Publish(ConnectionClosed closed)
    {
        _published = true;
        _settings.Metrics.ConnectionClosed(closed, Now);
        if (IsNormalClose(closed.Reason))
        {
            ConnectionLog.Closed(_settings.Logger, _info.Id, _info.RemoteEndPoint, closed.Reason, closed.FirstBy);
        }
        else
        {
            ConnectionLog.ClosedAbnormally(_settings.Logger, _info.Id, _info.RemoteEndPoint, closed.Reason, closed.FirstBy);
        }

        NotifyClosed(closed);
        Context.Parent.Tell(new ConnectionProtocol.Ended(_info.Id, closed, _info.ToSnapshot()), Self);
    }

    private static bool IsNormalClose(CloseReason reason) =>
        reason is CloseReason.PeerClosed or CloseReason.LocalClose or CloseReason.Drain or CloseReason.IdleTimeout;
}
