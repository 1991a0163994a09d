namespace ActorTcp.Actors;

/// <summary>
/// What an actor can see and do about itself while it processes a message: its references, its
/// children, and death watch. Only valid on the actor's own turn; never capture it for use from
/// another thread.
/// </summary>
public interface IActorContext
{
    /// <summary>This actor's reference.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed; dead letters when it has none.</summary>
    IActorRef Sender { get; }

    /// <summary>This actor's parent (its supervisor).</summary>
    IActorRef Parent { get; }

    /// <summary>The system the actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>A snapshot of the living children, including those that are stopping.</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The child called <paramref name="name"/>, or <see cref="ActorRefs.Nobody"/> when there is none.</summary>
    /// <param name="name">The child's name.</param>
    IActorRef Child(string name);

    /// <summary>Creates and starts a child actor.</summary>
    /// <param name="props">How to create the child.</param>
    /// <param name="name">A name unique among the living children, or null for a generated one (<c>$a</c>, <c>$b</c>, ...).</param>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>
    /// Stops <paramref name="actor"/> asynchronously: it finishes its current message, stops its own
    /// children, runs <c>PostStop</c>, and then its watchers receive <see cref="Terminated"/>.
    /// </summary>
    /// <param name="actor">A child, or this actor itself.</param>
    void Stop(IActorRef actor);

    /// <summary>Receive <see cref="Terminated"/> once when <paramref name="subject"/> stops (at once if it already has).</summary>
    /// <param name="subject">The actor to watch.</param>
    /// <returns><paramref name="subject"/>.</returns>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/>, but receive <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    /// <param name="subject">The actor to watch.</param>
    /// <param name="message">The message to receive when it stops.</param>
    /// <returns><paramref name="subject"/>.</returns>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>
    /// Stop watching <paramref name="subject"/>; its termination message is not delivered afterwards,
    /// even if it is already in the mailbox.
    /// </summary>
    /// <param name="subject">The watched actor.</param>
    /// <returns><paramref name="subject"/>.</returns>
    IActorRef Unwatch(IActorRef subject);
}
