namespace ActorTcp.Lifecycle;

/// <summary>A state timer to start: which one, for how long, and when it falls due.</summary>
/// <param name="Kind">Which timer, and so which event it fires.</param>
/// <param name="Duration">How long from the decision's <c>now</c>.</param>
/// <param name="DueAt">The decision's <c>now</c> plus <paramref name="Duration"/>, on the same clock.</param>
public readonly record struct LifecycleTimer(LifecycleTimerKind Kind, TimeSpan Duration, TimeSpan DueAt);
