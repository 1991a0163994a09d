namespace ActorTcp.Heartbeats;

/// <summary>
/// Decides, for one connection, when to ping a silent peer and when to give up on it, without any
/// timer work per read or write.
/// </summary>
/// <remarks>
/// <para>
/// Why it works this way: a server with 100,000 connections that rescheduled a timer on every read
/// would spend its time in the scheduler. Instead (Netty's <c>IdleStateHandler</c> design) reads and
/// writes only stamp the time with a plain field write (<see cref="RecordInbound"/>,
/// <see cref="RecordOutbound"/>), and one keyed timer per connection calls <see cref="OnTimer"/>.
/// The check compares the stamps with now, and says both what to do and how long until the next
/// check could possibly matter — the re-arm is lazy: a busy connection's timer fires, finds recent
/// inbound bytes, and re-arms for the remaining time.
/// </para>
/// <para>
/// A mutable struct, kept in a field of its connection rather than as an object of its own: one per
/// connection, by the ten thousand. Hold it in a non-readonly field or local and never copy it, or
/// the copy's stamps go their own way. The default value has no policy: make it with the constructor.
/// </para>
/// <para>
/// Only inbound bytes prove the peer is alive: our own writes succeed into the kernel's buffer even
/// when the peer is gone.
/// </para>
/// <list type="bullet">
/// <item><description><c>off</c>: never acts.</description></item>
/// <item><description><c>passive</c>: after <c>idle-timeout</c> of inbound silence answers
/// <see cref="HeartbeatAction.IdleTimeout"/>, which the shell turns into a TIME_WAIT-aware close.</description></item>
/// <item><description><c>active</c>: after <c>interval</c> of silence sends a ping; each further
/// <c>timeout</c> of silence is a miss and another ping; at <c>max-missed</c> answers
/// <see cref="HeartbeatAction.PeerDead"/>, which the shell turns into a reset. Any inbound byte
/// clears the misses.</description></item>
/// </list>
/// <para>
/// In active mode the first ping after a silence goes out <see cref="PingLead"/> early: a fixed
/// share of <c>ping-spread</c> that differs from connection to connection. Connections accepted in
/// one burst would otherwise ping in one burst, get their answers in one burst and, should the
/// network then fail, all fall due in the same timer tick. The lead changes no deadline: misses are
/// still counted from <c>interval</c>, so a silent peer is given up at exactly the budget. The shell
/// may run a check that cannot end the connection (<see cref="NextCheckCanEnd"/> false) later, on
/// its listener's <see cref="HeartbeatGrid"/>; the monitor counts from its stamps, so that only
/// moves the ping.
/// </para>
/// </remarks>
/// <example>
/// In the connection actor:
/// <code>
/// // on every read (no timer work):     monitor.RecordInbound(clock.Now);
/// // on the keyed "heartbeat" timer tick:
/// var check = monitor.OnTimer(clock.Now);
/// switch (check.Action)
/// {
///     case HeartbeatAction.SendPing: Send(policy.Ping); break;
///     case HeartbeatAction.IdleTimeout: Decide(new LifecycleEvent.CloseRequested(CloseReason.IdleTimeout)); break;
///     case HeartbeatAction.PeerDead: Decide(LifecycleEvent.PeerDead.Instance); break;
/// }
/// if (check.NextCheckIn != Timeout.InfiniteTimeSpan) Timers.StartSingleTimer("heartbeat", Tick, check.NextCheckIn);
/// </code>
/// </example>
public struct HeartbeatMonitor
{
    private readonly HeartbeatPolicy _policy;
    private readonly long _pingLeadTicks;
    private long _lastInboundTicks;
    private long _lastOutboundTicks;
    private long _pingEpochTicks;
    private int _pingsSent;
    private bool _finished;

    /// <summary>
    /// Starts monitoring a connection opened at <paramref name="now"/> whose pings go out at exactly
    /// the interval (the lead of connection 0).
    /// </summary>
    /// <param name="policy">The listener's shared heartbeat policy.</param>
    /// <param name="now">The time the connection was accepted, on the shell's monotonic clock.</param>
    public HeartbeatMonitor(HeartbeatPolicy policy, TimeSpan now)
        : this(policy, now, connectionId: 0)
    {
    }

    /// <summary>Starts monitoring connection <paramref name="connectionId"/>, opened at <paramref name="now"/>.</summary>
    /// <param name="policy">The listener's shared heartbeat policy.</param>
    /// <param name="now">The time the connection was accepted, on the shell's monotonic clock.</param>
    /// <param name="connectionId">The connection's id, which fixes its share of the ping spread (<see cref="HeartbeatPolicy.PingLead"/>).</param>
    public HeartbeatMonitor(HeartbeatPolicy policy, TimeSpan now, long connectionId)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _pingLeadTicks = policy.Mode == HeartbeatMode.Active ? policy.PingLead(connectionId).Ticks : 0;
        _lastInboundTicks = now.Ticks;
        _lastOutboundTicks = now.Ticks;
        _pingEpochTicks = now.Ticks;
    }

    /// <summary>When the first <see cref="OnTimer"/> call is due, from the connection's start.</summary>
    public readonly TimeSpan FirstCheckIn => _policy.Mode switch
    {
        HeartbeatMode.Passive => _policy.IdleTimeout,
        HeartbeatMode.Active => FirstPingAfter,
        _ => Timeout.InfiniteTimeSpan,
    };

    /// <summary>
    /// Whether the check asked for by the last <see cref="OnTimer"/> ends the connection if the peer
    /// stays silent until then: the idle timeout, or the last miss allowed. Only that check decides
    /// when a dead peer is released, so the shell runs its timer exactly on time rather than at the
    /// end of a scheduler tick; the others can wait for the tick.
    /// </summary>
    public readonly bool NextCheckCanEnd => !_finished && _policy.Mode switch
    {
        HeartbeatMode.Passive => true,
        HeartbeatMode.Active => _pingsSent >= _policy.MaxMissed && _pingEpochTicks == _lastInboundTicks,
        _ => false,
    };

    /// <summary>How much earlier than the interval this connection's first ping after a silence goes out.</summary>
    public readonly TimeSpan PingLead => new(_pingLeadTicks);

    /// <summary>The silence after which this connection's first ping goes out: the interval less the lead.</summary>
    private readonly TimeSpan FirstPingAfter => _policy.Interval - PingLead;

    /// <summary>The time of the last inbound byte (or the connection's start).</summary>
    public readonly TimeSpan LastInbound => new(_lastInboundTicks);

    /// <summary>The time of the last outbound write (or the connection's start).</summary>
    public readonly TimeSpan LastOutbound => new(_lastOutboundTicks);

    /// <summary>The later of <see cref="LastInbound"/> and <see cref="LastOutbound"/>, for the connection registry.</summary>
    public readonly TimeSpan LastActivity => new(Math.Max(_lastInboundTicks, _lastOutboundTicks));

    /// <summary>Stamps inbound bytes: a plain field write, no timer work.</summary>
    /// <param name="now">The time of the read.</param>
    public void RecordInbound(TimeSpan now) => _lastInboundTicks = now.Ticks;

    /// <summary>Stamps an outbound write: a plain field write, no timer work.</summary>
    /// <param name="now">The time of the write.</param>
    public void RecordOutbound(TimeSpan now) => _lastOutboundTicks = now.Ticks;

    /// <summary>Runs the check on the connection's heartbeat timer tick.</summary>
    /// <param name="now">The current time on the shell's monotonic clock.</param>
    /// <returns>What to do now and when to check again.</returns>
    public HeartbeatCheck OnTimer(TimeSpan now)
    {
        if (_finished)
        {
            return new(HeartbeatAction.None, Timeout.InfiniteTimeSpan, 0);
        }

        var silent = now - LastInbound;
        return _policy.Mode switch
        {
            HeartbeatMode.Passive => CheckPassive(silent),
            HeartbeatMode.Active => CheckActive(silent),
            _ => new(HeartbeatAction.None, Timeout.InfiniteTimeSpan, 0),
        };
    }

    private HeartbeatCheck CheckPassive(TimeSpan silent)
    {
        if (silent < _policy.IdleTimeout)
        {
            return new(HeartbeatAction.None, _policy.IdleTimeout - silent, 0);
        }

        _finished = true;
        return new(HeartbeatAction.IdleTimeout, Timeout.InfiniteTimeSpan, 0);
    }

    private HeartbeatCheck CheckActive(TimeSpan silent)
    {
        if (silent < FirstPingAfter)
        {
            return new(HeartbeatAction.None, FirstPingAfter - silent, 0);
        }

        if (_pingEpochTicks != _lastInboundTicks)
        {
            // Bytes arrived since the pings were counted: the peer is alive, misses start over.
            _pingEpochTicks = _lastInboundTicks;
            _pingsSent = 0;
        }

        // Ping k (0-based) is due at interval + k × timeout of silence (the first one the lead
        // earlier); each ping that found no answer by the next deadline is a miss. Counting from
        // the stamp (not from timer ticks) keeps a late tick from stretching the budget.
        var missed = silent < _policy.Interval ? 0 : (int)Math.Min((silent - _policy.Interval).Ticks / _policy.Timeout.Ticks, int.MaxValue);
        if (missed >= _policy.MaxMissed)
        {
            _finished = true;
            return new(HeartbeatAction.PeerDead, Timeout.InfiniteTimeSpan, _policy.MaxMissed);
        }

        var nextCheckIn = _policy.Interval + (_policy.Timeout * (missed + 1)) - silent;
        if (_pingsSent > missed)
        {
            return new(HeartbeatAction.None, nextCheckIn, missed);
        }

        _pingsSent = missed + 1;
        return new(HeartbeatAction.SendPing, nextCheckIn, missed);
    }
}
