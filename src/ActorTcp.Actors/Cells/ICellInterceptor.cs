namespace ActorTcp.Actors.Cells;

/// <summary>
/// The seam through which per-actor services (keyed timers) hook into an actor's cell. Install with
/// <see cref="ActorCell.AddInterceptor"/> from the actor's own thread, typically from
/// <see cref="ActorCell"/>'s instance initialization, where <see cref="IWithStash"/> is wired too.
/// </summary>
internal interface ICellInterceptor
{
    /// <summary>
    /// Sees each user message before the actor does (automatically handled messages such as
    /// <see cref="PoisonPill"/> excepted). Returns the message to deliver — possibly unwrapped — or
    /// null to drop it, e.g. a timer tick made stale by a cancel or restart.
    /// </summary>
    object? BeforeReceive(object message);

    /// <summary>Runs on the actor's thread before <c>PreRestart</c> of the failed instance.</summary>
    void OnRestart();

    /// <summary>Runs on the actor's thread before <c>PostStop</c>.</summary>
    void OnStop();
}
