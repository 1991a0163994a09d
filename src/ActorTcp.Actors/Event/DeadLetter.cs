namespace ActorTcp.Actors.Event;

/// <summary>
/// A message that could not be delivered: its recipient had stopped, or it did not handle it.
/// Dead letters are counted by the system and logged at a rate-limited level, never dropped silently.
/// </summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Who sent it, when known.</param>
/// <param name="Recipient">Who it was meant for.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
