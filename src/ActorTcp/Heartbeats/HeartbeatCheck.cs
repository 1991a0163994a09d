namespace ActorTcp.Heartbeats;

/// <summary>The outcome of <see cref="HeartbeatMonitor.OnTimer"/>.</summary>
/// <param name="Action">What to do now.</param>
/// <param name="NextCheckIn">
/// When to call <see cref="HeartbeatMonitor.OnTimer"/> again, from now;
/// <see cref="Timeout.InfiniteTimeSpan"/> when no further check is needed.
/// </param>
/// <param name="Missed">Active mode: pings that went unanswered so far since the last inbound byte.</param>
public readonly record struct HeartbeatCheck(HeartbeatAction Action, TimeSpan NextCheckIn, int Missed);
