namespace ActorTcp.Actors;

/// <summary>
/// An actor failed because it did not handle the <see cref="Terminated"/> message of an actor it
/// watched (a death pact); the default strategy stops it.
/// </summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception for the watched actor that stopped.</summary>
    /// <param name="deadActor">The watched actor.</param>
    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor [{deadActor?.Path}] terminated and its Terminated message was not handled")
    {
        DeadActor = deadActor;
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeathPactException()
        : base("A monitored actor terminated and its Terminated message was not handled")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What happened.</param>
    public DeathPactException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public DeathPactException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The watched actor whose termination was not handled, when known.</summary>
    public IActorRef? DeadActor { get; }
}
