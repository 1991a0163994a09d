namespace ActorTcp.Actors.Dispatch;

/// <summary>
/// A user message together with the actor that sent it, as it travels through a mailbox.
/// </summary>
/// <param name="Message">The message itself.</param>
/// <param name="Sender">The sending actor, or <see langword="null"/> when there is none.</param>
public readonly record struct Envelope(object Message, IActorRef? Sender);
