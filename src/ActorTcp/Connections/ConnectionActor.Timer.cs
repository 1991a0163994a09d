using ActorTcp.Actors;
using ActorTcp.Heartbeats;
using ActorTcp.Lifecycle;

namespace ActorTcp.Connections;

/// <summary>
/// The connection's single timer. Reads and writes only stamp times; the timer is armed for the
/// earliest of the pending deadlines (state timer, slow consumer, frame timeout, heartbeat check,
/// the last on its listener's shared grid unless it can end the connection), and on each tick
/// every deadline is compared with now and the timer re-armed for what is left (lazy re-arm): no
/// timer work per read or write.
/// </summary>
public sealed partial class ConnectionActor : IWithTimers
{
    private static readonly TimeSpan Never = TimeSpan.MaxValue;

    /// <summary>The key of the connection's one timer.</summary>
    private static readonly object TimerKey = new();

    private TimeSpan _timerDueAt = Never;
    private TimeSpan _heartbeatDueAt = Never;
    /// <summary>The lifecycle state's timer: its kind (None when there is none) and deadline, kept apart to save the duration's bytes.</summary>
    private LifecycleTimerKind _stateTimerKind;
    private TimeSpan _stateTimerDueAt;

    /// <summary>
    /// Arms the first heartbeat check, due <paramref name="checkIn"/> after the connection opened
    /// (time zero of <see cref="Now"/>), not after the actor started: silence counts from the accept.
    /// </summary>
    private void ScheduleFirstHeartbeat(TimeSpan checkIn)
    {
        _heartbeatDueAt = checkIn == Timeout.InfiniteTimeSpan ? Never : checkIn;
        EnsureTimerBy(HeartbeatWakeAt);
    }

    /// <summary>
    /// Makes sure the timer fires no later than <paramref name="dueAt"/>; re-arms only when it would
    /// fire later. When the deadline is the heartbeat check that can release a dead peer, the timer
    /// runs at that moment rather than at the end of the scheduler tick: the budget allows one tick
    /// of lateness, and nothing else may use it up.
    /// </summary>
    private void EnsureTimerBy(TimeSpan dueAt)
    {
        if (dueAt >= _timerDueAt || _released)
        {
            return;
        }

        // The turn's cached clock may be a whole turn old; the wheel counts the delay from its own
        // fresh reading, so a stale "now" here would make every deadline late by the turn's length.
        _timerDueAt = dueAt;
        var delay = dueAt - ReadClock();
        var timeout = delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        if (dueAt == _heartbeatDueAt && _status.State == LifecycleState.Established && _heartbeat.NextCheckCanEnd)
        {
            Timers.StartExactSingleTimer(TimerKey, ConnectionSignals.TimerTick.Instance, timeout);
        }
        else
        {
            Timers.StartSingleTimer(TimerKey, ConnectionSignals.TimerTick.Instance, timeout);
        }
    }

    private void CancelTimer()
    {
        _timerDueAt = Never;
        Timers.Cancel(TimerKey);
    }

    private void OnTimer()
    {
        if (_released)
        {
            return;
        }

        // Deadlines are compared with now, so a tick only re-arms for what is left.
        var now = Now;
        _timerDueAt = Never;
        CheckDeadlines(now);
        if (!_released)
        {
            EnsureTimerBy(NextDeadline());
        }
    }

    private void CheckDeadlines(TimeSpan now)
    {
        if (_stateTimerKind != LifecycleTimerKind.None && now >= _stateTimerDueAt)
        {
            var kind = _stateTimerKind;
            _stateTimerKind = LifecycleTimerKind.None;
            Apply(kind switch
            {
                LifecycleTimerKind.CloseWait => LifecycleEvent.CloseWaitExpired.Instance,
                LifecycleTimerKind.PeerCloseGrace => LifecycleEvent.PeerCloseGraceExpired.Instance,
                _ => LifecycleEvent.FinWaitExpired.Instance,
            });
        }

        if (!_released && _writeQueue is { } queue && queue.IsSlowConsumer(now, _settings.Options.Write.SlowConsumerTimeout))
        {
            Apply(LifecycleEvent.SlowConsumerDetected.Instance);
        }

        if (!_released && !_discardInbound && _frameTimeout.HasExpired(now, _settings.Options.Framing.FrameTimeout))
        {
            _frameTimeout = default;
            ConnectionLog.ProtocolViolated(_settings.Logger, _info.Id, _info.RemoteEndPoint, "frame-timeout");
            Apply(LifecycleEvent.ProtocolViolated.Instance);
        }

        if (!_released && _status.State == LifecycleState.Established && now >= _heartbeatDueAt)
        {
            CheckHeartbeat(now);
        }
    }

    private void CheckHeartbeat(TimeSpan now)
    {
        var check = _heartbeat.OnTimer(now);
        _heartbeatDueAt = check.NextCheckIn == Timeout.InfiniteTimeSpan ? Never : now + check.NextCheckIn;
        switch (check.Action)
        {
            case HeartbeatAction.SendPing:
                if (check.Missed > 0)
                {
                    _settings.Metrics.HeartbeatMissed();
                }

                _settings.Metrics.HeartbeatSent();
                EnqueueControl(_settings.Heartbeat.Ping.Span);
                break;
            case HeartbeatAction.IdleTimeout:
                Apply(new LifecycleEvent.CloseRequested(Teardown.CloseReason.IdleTimeout));
                break;
            case HeartbeatAction.PeerDead:
                _settings.Metrics.HeartbeatMissed();
                Apply(LifecycleEvent.PeerDead.Instance);
                break;
        }
    }

    /// <summary>The earliest pending deadline; the heartbeat counts only while Established (other states have their own timer).</summary>
    private TimeSpan NextDeadline()
    {
        var next = Never;
        if (_stateTimerKind != LifecycleTimerKind.None)
        {
            next = _stateTimerDueAt;
        }

        if (_writeQueue is { IsSuspended: true } queue)
        {
            next = Min(next, queue.SuspendedSince + _settings.Options.Write.SlowConsumerTimeout);
        }

        if (_frameTimeout.IsPending && !_discardInbound)
        {
            next = Min(next, _frameTimeout.PendingSince + _settings.Options.Framing.FrameTimeout);
        }

        if (_status.State == LifecycleState.Established)
        {
            next = Min(next, HeartbeatWakeAt);
        }

        return next;
    }

    /// <summary>
    /// When the timer should run for the heartbeat check: exactly at its due time when the check can
    /// end the connection, otherwise at the next step of the listener's shared grid, so that the
    /// pings of many connections wake the pool together (see <see cref="HeartbeatGrid"/>).
    /// </summary>
    private TimeSpan HeartbeatWakeAt => _heartbeat.NextCheckCanEnd
        ? _heartbeatDueAt
        : _settings.Heartbeat.Grid.RoundUp(_heartbeatDueAt, _openedTimestamp, Context.System.TimeProvider);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
