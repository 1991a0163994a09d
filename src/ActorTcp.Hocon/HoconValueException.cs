using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon;

/// <summary>A value read through a typed getter is missing or is not of the requested type (for example a duration written as <c>banana</c>).</summary>
public class HoconValueException : HoconException
{
    /// <summary>Creates an exception with a default message.</summary>
    public HoconValueException()
    {
    }

    /// <summary>Creates an exception with a plain message.</summary>
    /// <param name="message">The message.</param>
    public HoconValueException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a plain message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public HoconValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception located at <paramref name="origin"/> about the key <paramref name="path"/>.</summary>
    /// <param name="origin">Where the offending text is, if known.</param>
    /// <param name="path">The full key path being parsed or read, if any.</param>
    /// <param name="problem">What was expected, and what was found.</param>
    /// <param name="innerException">The cause, if any.</param>
    public HoconValueException(HoconOrigin? origin, string? path, string problem, Exception? innerException = null)
        : base(origin, path, problem, innerException)
    {
    }
}
