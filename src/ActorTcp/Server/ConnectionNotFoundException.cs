namespace ActorTcp.Server;

/// <summary>No open connection has the given id (it never existed, or it has closed).</summary>
public sealed class ConnectionNotFoundException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ConnectionNotFoundException()
        : base("No such connection")
    {
    }

    /// <summary>Creates the exception for connection <paramref name="connectionId"/>.</summary>
    /// <param name="connectionId">The id that was asked for.</param>
    public ConnectionNotFoundException(long connectionId)
        : base($"No open connection has id {connectionId}")
    {
        ConnectionId = connectionId;
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    public ConnectionNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectionNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The id that was asked for, when known.</summary>
    public long? ConnectionId { get; }
}
