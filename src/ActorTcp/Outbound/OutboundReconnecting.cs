namespace ActorTcp.Outbound;

/// <summary>A redial is scheduled.</summary>
/// <param name="Attempt">The redial's number since the last connect, from 1.</param>
/// <param name="Delay">How long the outbound connection waits before dialling (drawn with jitter).</param>
public sealed record OutboundReconnecting(int Attempt, TimeSpan Delay);
