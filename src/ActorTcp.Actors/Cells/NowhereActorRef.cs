namespace ActorTcp.Actors.Cells;

/// <summary>The references of <see cref="ActorRefs"/>: they belong to no system and discard what they are told.</summary>
internal sealed class NowhereActorRef(ActorPath path) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    public override ActorSystem? System => null;

    public override void Tell(object message, IActorRef? sender = null) => ArgumentNullException.ThrowIfNull(message);
}
