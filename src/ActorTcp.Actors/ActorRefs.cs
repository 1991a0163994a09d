using ActorTcp.Actors.Cells;

namespace ActorTcp.Actors;

/// <summary>Well-known actor references that belong to no system.</summary>
public static class ActorRefs
{
    private static readonly ActorPath NowhereRoot = ActorPath.CreateRoot("all-systems");

    /// <summary>
    /// A reference to no actor: messages told to it are discarded and watching it yields
    /// <see cref="Terminated"/> at once. Returned, for example, by <see cref="IActorContext.Child"/>
    /// when there is no such child.
    /// </summary>
    public static IActorRef Nobody { get; } = new NowhereActorRef(NowhereRoot.Child("Nobody"));

    /// <summary>
    /// Pass as the sender of <see cref="IActorRef.Tell"/> to send without a sender even from inside an
    /// actor (a null sender there means "this actor"). The receiver's <c>Sender</c> is then the dead
    /// letters reference.
    /// </summary>
    public static IActorRef NoSender { get; } = new NowhereActorRef(NowhereRoot.Child("NoSender"));
}
