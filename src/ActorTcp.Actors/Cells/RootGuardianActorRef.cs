using ActorTcp.Actors.Dispatch;

namespace ActorTcp.Actors.Cells;

/// <summary>
/// The root (<c>actortcp://system/</c>): the parent of the user guardian. It has no cell; it learns
/// of the guardian's termination, which completes <see cref="ActorSystem.WhenTerminated"/>.
/// </summary>
internal sealed class RootGuardianActorRef(ActorSystem system, ActorPath path) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    public override ActorSystem System { get; } = system;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.PublishDeadLetter(message, ActorCell.ResolveSender(sender), this);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case DeathWatchNotification:
                System.OnGuardianTerminated();
                break;
            case Failed failed:
                // The guardian itself failed: nothing above can decide, so the system shuts down cleanly.
                System.OnGuardianFailed(failed.Cause);
                break;
            default:
                base.SendSystemMessage(message);
                break;
        }
    }
}
