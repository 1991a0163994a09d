using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon;

/// <summary>An include cannot be honoured: a required file is missing, the includes form a cycle, or the kind of include is not supported.</summary>
public class HoconIncludeException : HoconException
{
    /// <summary>Creates an exception with a default message.</summary>
    public HoconIncludeException()
    {
    }

    /// <summary>Creates an exception with a plain message.</summary>
    /// <param name="message">The message.</param>
    public HoconIncludeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a plain message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public HoconIncludeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception located at <paramref name="origin"/> about the key <paramref name="path"/>.</summary>
    /// <param name="origin">Where the offending text is, if known.</param>
    /// <param name="path">The full key path being parsed or read, if any.</param>
    /// <param name="problem">What was expected, and what was found.</param>
    /// <param name="innerException">The cause, if any.</param>
    public HoconIncludeException(HoconOrigin? origin, string? path, string problem, Exception? innerException = null)
        : base(origin, path, problem, innerException)
    {
    }
}
