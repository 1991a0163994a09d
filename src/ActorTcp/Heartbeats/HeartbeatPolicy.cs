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
