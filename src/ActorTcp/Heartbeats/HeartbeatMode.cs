namespace ActorTcp.Heartbeats;

/// <summary>The application heartbeat (key <c>heartbeat.mode</c>).</summary>
public enum HeartbeatMode
{
    /// <summary>No application heartbeat; TCP keepalive and user timeout still apply.</summary>
    Off,

    /// <summary>The peer must send something within <c>idle-timeout</c>, or we close (TIME_WAIT-aware).</summary>
    Passive,

    /// <summary>We ping a silent peer and reset it after <c>max-missed</c> unanswered pings.</summary>
    Active,
}
