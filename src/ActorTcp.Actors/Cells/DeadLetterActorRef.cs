using ActorTcp.Actors.Event;

namespace ActorTcp.Actors.Cells;

/// <summary>
/// The system's dead-letter office (<c>/deadLetters</c>): everything told to it is counted and
/// logged as a <see cref="DeadLetter"/>. It is the <c>Sender</c> of messages sent without one.
/// </summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    public override ActorSystem System { get; } = system;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is DeadLetter deadLetter)
        {
            System.PublishDeadLetter(deadLetter.Message, deadLetter.Sender, deadLetter.Recipient);
        }
        else
        {
            System.PublishDeadLetter(message, ActorCell.ResolveSender(sender), this);
        }
    }
}
