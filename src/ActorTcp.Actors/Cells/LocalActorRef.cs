using ActorTcp.Actors.Dispatch;

namespace ActorTcp.Actors.Cells;

/// <summary>
/// The reference to an actor that lives in this process. It is a thin, separate object so user code
/// holding an <see cref="IActorRef"/> cannot reach the cell's context members.
/// </summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : IInternalActorRef
{
    public ActorCell Cell { get; } = cell;

    public ActorPath Path { get; } = path;

    public ActorSystem System => Cell.System;

    ActorSystem? IInternalActorRef.System => Cell.System;

    public void Tell(object message, IActorRef? sender = null) => Cell.SendMessage(message, sender);

    public void SendSystemMessage(SystemMessage message) => Cell.SendSystemMessage(message);

    public override string ToString() => $"[{Path}]";
}
