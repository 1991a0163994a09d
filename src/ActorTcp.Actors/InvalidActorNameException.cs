namespace ActorTcp.Actors;

/// <summary>
/// An actor name was rejected: empty, containing <c>/</c>, starting with <c>$</c> (reserved for
/// generated names) or already taken by a living sibling.
/// </summary>
public sealed class InvalidActorNameException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public InvalidActorNameException()
        : base("Invalid actor name")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">Which name, and why it was rejected.</param>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    /// <param name="message">Which name, and why it was rejected.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidActorNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
