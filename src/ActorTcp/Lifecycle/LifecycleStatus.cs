using ActorTcp.Teardown;

namespace ActorTcp.Lifecycle;

/// <summary>
/// What the decider remembers between events: the state, and once a close has begun, the reason
/// that will be published. Who closed first follows from the path, so it is not stored.
/// </summary>
/// <param name="State">The lifecycle state.</param>
/// <param name="Reason">The reason of the close in progress; meaningless in <see cref="LifecycleState.Established"/>.</param>
public readonly record struct LifecycleStatus(LifecycleState State, CloseReason Reason)
{
    /// <summary>A freshly accepted connection.</summary>
    public static LifecycleStatus Established => new(LifecycleState.Established, CloseReason.LocalClose);
}
