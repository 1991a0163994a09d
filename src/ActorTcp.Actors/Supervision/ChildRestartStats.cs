using ActorTcp.Actors.Cells;

namespace ActorTcp.Actors.Supervision;

/// <summary>
/// A parent's record of one child: the reference, how often it was restarted in the current
/// window, and whether the parent has already asked it to stop.
/// </summary>
internal sealed class ChildRestartStats(LocalActorRef child)
{
    public LocalActorRef Child { get; } = child;

    public int RetriesInWindow { get; set; }

    /// <summary>Timestamp (of the system's time provider) where the current window began; 0 when none.</summary>
    public long WindowStart { get; set; }

    public bool IsStopping { get; set; }
}
