namespace ActorTcp.Actors;

/// <summary>
/// An actor could not be created or started: its constructor, <c>PreStart</c> or <c>PostRestart</c>
/// threw (the inner exception). The default strategy stops such an actor.
/// </summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Creates the exception for <paramref name="actor"/>.</summary>
    /// <param name="actor">The actor that could not start.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">What the actor code threw.</param>
    public ActorInitializationException(IActorRef? actor, string message, Exception? innerException)
        : base(message, innerException)
    {
        Actor = actor;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public ActorInitializationException()
        : base("Actor initialization failed")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What happened.</param>
    public ActorInitializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public ActorInitializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The actor that failed to start, when known.</summary>
    public IActorRef? Actor { get; }
}
