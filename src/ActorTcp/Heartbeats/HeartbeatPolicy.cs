using System.Buffers;
using System.Text;
using ActorTcp.Configuration;

namespace ActorTcp.Heartbeats;

/// <summary>
/// The heartbeat settings of a listener in the form the per-connection <see cref="HeartbeatMonitor"/>
/// needs: durations, and the ping and pong payloads already encoded. One instance is shared by
/// every connection, so a monitor only carries its own time stamps.
/// </summary>
public sealed class HeartbeatPolicy
{
    /// <summary>The fractional part of the golden ratio in 64-bit fixed point: 2^64 / φ.</summary>
    private const ulong GoldenRatioFraction = 0x9E3779B97F4A7C15;

    /// <summary>2^-53: the top 53 bits of a 64-bit fraction times this is a double in [0, 1), never rounded up to 1.</summary>
    private const double TwoToTheMinus53 = 1.0 / (1UL << 53);

    private readonly byte[] _ping;
    private readonly byte[] _pong;

    /// <summary>Builds the policy from validated options.</summary>
    /// <param name="options">The <c>actortcp.heartbeat</c> options.</param>
    public HeartbeatPolicy(HeartbeatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Mode = options.Mode;
        IdleTimeout = options.IdleTimeout;
        Interval = options.Interval;
        Timeout = options.Timeout;
        MaxMissed = options.MaxMissed;
        PingSpread = Interval * options.PingSpread;
        Grid = Mode == HeartbeatMode.Active ? new HeartbeatGrid(PingSpread) : default;
        _ping = Encoding.UTF8.GetBytes(options.Ping);
        _pong = Encoding.UTF8.GetBytes(options.Pong);
    }

    /// <summary>Off, passive or active.</summary>
    public HeartbeatMode Mode { get; }

    /// <summary>Passive mode: longest inbound silence allowed.</summary>
    public TimeSpan IdleTimeout { get; }

    /// <summary>Active mode: inbound silence after which the first ping goes out.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Active mode: each further silence this long is one missed ping.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Active mode: missed pings after which the peer is dead.</summary>
    public int MaxMissed { get; }

    /// <summary>
    /// Active mode: the longest lead a connection's first ping may take on the interval
    /// (<c>ping-spread</c> × <c>interval</c>); each connection's own lead is <see cref="PingLead"/>.
    /// </summary>
    public TimeSpan PingSpread { get; }

    /// <summary>The shared steps that checks which cannot end a connection are rounded up to.</summary>
    public HeartbeatGrid Grid { get; }

    /// <summary>
    /// The lead of connection <paramref name="connectionId"/>'s first ping on the interval, from zero
    /// up to (not including) <see cref="PingSpread"/>. Connection ids are handed out in order, so
    /// the share is the fractional part of id × the golden ratio: consecutive connections land far
    /// apart, and any run of them covers the spread evenly, with no random source to seed or test.
    /// </summary>
    /// <param name="connectionId">The connection's id.</param>
    /// <returns>The lead; zero when the spread is zero.</returns>
    public TimeSpan PingLead(long connectionId)
    {
        var share = (ulong)connectionId * GoldenRatioFraction;
        return TimeSpan.FromTicks((long)(PingSpread.Ticks * ((share >> 11) * TwoToTheMinus53)));
    }

    /// <summary>The ping frame payload.</summary>
    public ReadOnlyMemory<byte> Ping => _ping;

    /// <summary>The pong frame payload.</summary>
    public ReadOnlyMemory<byte> Pong => _pong;

    /// <summary>
    /// Longest inbound silence before the connection is ended: idle-timeout in passive mode,
    /// interval + max-missed × timeout in active mode, infinite when off.
    /// </summary>
    public TimeSpan Budget => Mode switch
    {
        HeartbeatMode.Passive => IdleTimeout,
        HeartbeatMode.Active => Interval + (Timeout * MaxMissed),
        _ => System.Threading.Timeout.InfiniteTimeSpan,
    };

    /// <summary>Whether <paramref name="frame"/> is a pong, which proves life and is not passed to the handler.</summary>
    /// <param name="frame">An inbound frame payload.</param>
    public bool IsPong(in ReadOnlySequence<byte> frame) => Matches(frame, _pong);

    /// <summary>Whether <paramref name="frame"/> is a ping from the peer, which the connection answers with a pong.</summary>
    /// <param name="frame">An inbound frame payload.</param>
    public bool IsPing(in ReadOnlySequence<byte> frame) => Matches(frame, _ping);

    private static bool Matches(in ReadOnlySequence<byte> frame, byte[] expected)
    {
        if (expected.Length == 0 || frame.Length != expected.Length)
        {
            return false;
        }

        return frame.IsSingleSegment
            ? frame.FirstSpan.SequenceEqual(expected)
            : new SequenceReader<byte>(frame).IsNext(expected);
    }
}
