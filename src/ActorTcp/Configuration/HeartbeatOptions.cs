using ActorTcp.Heartbeats;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>The application heartbeat (HOCON section <c>actortcp.heartbeat</c>).</summary>
public sealed class HeartbeatOptions
{
    /// <summary>
    /// Off, passive or active. Passive is the library default because it needs nothing from the
    /// protocol; active sends <see cref="Ping"/>, which the protocol must understand.
    /// </summary>
    [ConfigurationKeyName("mode")]
    public HeartbeatMode Mode { get; set; } = HeartbeatMode.Passive;

    /// <summary>Passive mode: close a connection that sent nothing for this long.</summary>
    [ConfigurationKeyName("idle-timeout")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Active mode: send a ping after this long without inbound bytes.</summary>
    [ConfigurationKeyName("interval")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Active mode: each further period this long without inbound bytes is a missed ping.</summary>
    [ConfigurationKeyName("timeout")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Active mode: after this many missed pings the peer is dead and is reset.</summary>
    [ConfigurationKeyName("max-missed")]
    public int MaxMissed { get; set; } = 3;

    /// <summary>
    /// Active mode: the share of <see cref="Interval"/> by which a connection's first ping after a
    /// silence may go early, from 0 to 0.5. Each connection takes its own fixed part of it, so
    /// connections accepted together do not ping, hear back and fall due together. The dead-peer
    /// budget does not change. 0 pings every connection at exactly the interval. It also sets the
    /// step of the grid that pings run on (<see cref="Heartbeats.HeartbeatGrid"/>).
    /// </summary>
    [ConfigurationKeyName("ping-spread")]
    public double PingSpread { get; set; } = 0.1;

    /// <summary>Active mode: the ping frame payload (the framer adds framing).</summary>
    [ConfigurationKeyName("ping")]
    public string Ping { get; set; } = "PING";

    /// <summary>The pong frame payload; it proves life and is not passed to the handler.</summary>
    [ConfigurationKeyName("pong")]
    public string Pong { get; set; } = "PONG";

    /// <summary>Rejects out-of-range values, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.heartbeat</c>.</param>
    public void Validate(string section)
    {
        var check = new OptionCheck<HeartbeatOptions>(section);
        if (Mode == HeartbeatMode.Passive)
        {
            check.Positive(nameof(IdleTimeout), IdleTimeout);
        }

        if (Mode == HeartbeatMode.Active)
        {
            check.Positive(nameof(Interval), Interval);
            check.Positive(nameof(Timeout), Timeout);
            check.InRange(nameof(MaxMissed), MaxMissed, 1, 1000);
            check.InRange(nameof(PingSpread), PingSpread, 0, 0.5);
            check.NotEmpty(nameof(Ping), Ping, "when mode = active");
        }
    }
}
