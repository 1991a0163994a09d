namespace ActorTcp.Actors;

/// <summary>An <c>Ask</c> got no reply within its timeout.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception with a default message.</summary>
    public AskTimeoutException()
        : base("Ask timed out")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">Which actor was asked, what, and for how long.</param>
    public AskTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    /// <param name="message">Which actor was asked, what, and for how long.</param>
    /// <param name="innerException">The cause.</param>
    public AskTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
