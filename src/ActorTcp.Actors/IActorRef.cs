namespace ActorTcp.Actors;

/// <summary>
/// An immutable, thread-safe handle to an actor: the only way to talk to it. Two handles are equal
/// when they point at the same actor incarnation.
/// </summary>
/// <example>
/// <code>
/// var greeter = system.ActorOf(Props.Create(() => new Greeter()), "greeter");
/// greeter.Tell(new Greet("Ada"));
/// </code>
/// </example>
public interface IActorRef
{
    /// <summary>Where the actor lives in its system's hierarchy.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Enqueues <paramref name="message"/> for the actor and returns at once (fire and forget).
    /// Messages from one sender to one receiver arrive in the order they were told.
    /// </summary>
    /// <param name="message">The message; must not be null.</param>
    /// <param name="sender">
    /// The actor that replies should go to. When null and the call is made from inside an actor,
    /// that actor is the sender (as in Akka.NET); pass <see cref="ActorRefs.NoSender"/> to send
    /// without one. Replies to a message without a sender go to dead letters.
    /// </param>
    void Tell(object message, IActorRef? sender = null);
}
