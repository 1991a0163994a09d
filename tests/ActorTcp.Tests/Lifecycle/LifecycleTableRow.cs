using ActorTcp.Lifecycle;
using ActorTcp.Teardown;

namespace ActorTcp.Tests.Lifecycle;

/// <summary>One cell of the state × event table: what the decider must answer.</summary>
public sealed record LifecycleTableRow(
    LifecycleState From,
    LifecycleEvent Event,
    LifecycleState To,
    LifecycleActions Actions,
    LifecycleTimerKind Timer = LifecycleTimerKind.None,
    ConnectionClosed? Closed = null,
    CloseReason? NextReason = null)
{
    public override string ToString() => $"{From} + {Event.GetType().Name} -> {To} [{Actions}]";
}
