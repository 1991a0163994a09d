using ActorTcp.Actors.Cells;

namespace ActorTcp.Actors.Supervision;

/// <summary>
/// A parent's record of one child: the reference, how often it was restarted in the current
/// window, whether the parent has already asked it to stop, and whether it watches it.
/// </summary>
internal sealed class ChildRestartStats(LocalActorRef child)
{
    public LocalActorRef Child { get; } = child;

    public int RetriesInWindow { get; set; }

    /// <summary>Timestamp (of the system's time provider) where the current window began; 0 when none.</summary>
    public long WindowStart { get; set; }

    public bool IsStopping { get; set; }

    /// <summary>
    /// The parent watches this child with <see cref="Terminated"/>: kept here rather than in the
    /// parent's death-watch dictionary, which would cost every child of a supervisor an entry.
    /// </summary>
    public bool IsWatched { get; set; }
}
