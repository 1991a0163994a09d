namespace ActorTcp.Actors.Cells;

/// <summary>
/// An actor's death-watch bookkeeping, allocated on first use so that actors that never watch or
/// are never watched pay one null field.
/// </summary>
internal sealed class DeathWatchState
{
    /// <summary>Actors this one watches, with the custom message of <c>WatchWith</c> (null for <see cref="Terminated"/>).</summary>
    public Dictionary<IInternalActorRef, object?>? Watching { get; set; }

    /// <summary>Actors that watch this one.</summary>
    public HashSet<IInternalActorRef>? WatchedBy { get; set; }

    /// <summary>
    /// Watched actors whose <see cref="Terminated"/> is already in the mailbox; an <c>Unwatch</c>
    /// removes the entry so the queued message is dropped when it comes up.
    /// </summary>
    public Dictionary<IInternalActorRef, object?>? TerminatedQueued { get; set; }
}
