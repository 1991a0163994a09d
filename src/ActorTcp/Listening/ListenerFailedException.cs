namespace ActorTcp.Listening;

/// <summary>
/// The listening socket failed in a way a retry cannot fix (not a transient accept error); the
/// listener's supervisor restarts it, which binds the same endpoint again.
/// </summary>
public sealed class ListenerFailedException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ListenerFailedException()
        : base("The listening socket failed")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What failed.</param>
    public ListenerFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the socket error behind it.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The socket error.</param>
    public ListenerFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
