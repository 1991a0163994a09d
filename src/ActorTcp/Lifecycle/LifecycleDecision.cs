using ActorTcp.Teardown;

namespace ActorTcp.Lifecycle;

/// <summary>The outcome of one event: the next status and what the shell must do.</summary>
/// <param name="Next">The status after the event.</param>
/// <param name="Actions">What to do, in the order <see cref="LifecycleActions"/> documents.</param>
/// <param name="Timer">The timer to start; set exactly when <see cref="LifecycleActions.StartTimer"/> is.</param>
/// <param name="Closed">The notification to publish; set exactly when <see cref="LifecycleActions.PublishClosed"/> is.</param>
public readonly record struct LifecycleDecision(
    LifecycleStatus Next,
    LifecycleActions Actions,
    LifecycleTimer? Timer,
    ConnectionClosed? Closed)
{
    /// <summary>True when the event changed nothing and asks for nothing.</summary>
    public bool IsIgnored => Actions == LifecycleActions.None;

    /// <summary>True when <paramref name="action"/> is part of this decision.</summary>
    /// <param name="action">One action flag.</param>
    public bool Has(LifecycleActions action) => (Actions & action) == action;
}
