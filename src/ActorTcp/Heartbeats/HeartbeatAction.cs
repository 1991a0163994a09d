namespace ActorTcp.Heartbeats;

/// <summary>What a heartbeat check asks the connection to do.</summary>
public enum HeartbeatAction
{
    /// <summary>Nothing; check again when <see cref="HeartbeatCheck.NextCheckIn"/> has passed.</summary>
    None,

    /// <summary>Active mode: send the ping frame.</summary>
    SendPing,

    /// <summary>Passive mode: the peer was silent for idle-timeout; close TIME_WAIT-aware with <c>IdleTimeout</c>.</summary>
    IdleTimeout,

    /// <summary>Active mode: max-missed pings went unanswered; the peer is dead, reset the connection.</summary>
    PeerDead,
}
