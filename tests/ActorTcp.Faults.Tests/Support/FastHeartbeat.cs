using ActorTcp.Configuration;
using ActorTcp.Heartbeats;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>
/// The active heartbeat the dead-peer tests run with: short, so a real-time budget stays a few
/// seconds, and the same for every test, so their budgets and margins agree.
/// </summary>
public static class FastHeartbeat
{
    /// <summary>A ping after this long without inbound bytes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Each further silent period of this length is a missed ping.</summary>
    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Missed pings after which the peer is dead.</summary>
    public const int MaxMissed = 2;

    /// <summary>interval + max-missed × timeout: the longest inbound silence a live peer may keep.</summary>
    public static readonly TimeSpan Budget = Interval + (PingTimeout * MaxMissed);

    /// <summary>The "one tick" allowance of the heartbeat check, widened for a busy two-core machine.</summary>
    public static readonly TimeSpan TickMargin = TimeSpan.FromSeconds(3);

    /// <summary>Turns the active heartbeat on with these timings.</summary>
    /// <param name="options">The server's or client's options.</param>
    public static void Apply(ActorTcpOptions options)
    {
        options.Heartbeat.Mode = HeartbeatMode.Active;
        options.Heartbeat.Interval = Interval;
        options.Heartbeat.Timeout = PingTimeout;
        options.Heartbeat.MaxMissed = MaxMissed;
    }
}
