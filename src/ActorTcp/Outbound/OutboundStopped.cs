namespace ActorTcp.Outbound;

/// <summary>How an outbound connection ended, and what it could not deliver.</summary>
/// <param name="Reason">Why it stopped.</param>
/// <param name="DiscardedFrames">Frames accepted as <see cref="OutboundSendResult.Buffered"/> that were never sent.</param>
/// <param name="DiscardedBytes">Their payload bytes.</param>
public sealed record OutboundStopped(OutboundStopReason Reason, int DiscardedFrames, long DiscardedBytes);
