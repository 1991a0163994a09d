using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon;

/// <summary>
/// A HOCON document could not be parsed, resolved or read. The message always starts with where the
/// problem is and names the key, in the form <c>file:line:column: path: what was expected</c>, e.g.
/// <c>actortcp.conf:12:3: actortcp.heartbeat.interval: expected a duration such as 500ms, 30s or 5m, got "banana"</c>.
/// </summary>
public class HoconException : Exception
{
    /// <summary>Creates an exception with a plain message.</summary>
    public HoconException()
        : base("The HOCON document is invalid.")
    {
    }

    /// <summary>Creates an exception with a plain message.</summary>
    /// <param name="message">The message.</param>
    public HoconException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a plain message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public HoconException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception located at <paramref name="origin"/> about the key <paramref name="path"/>.</summary>
    /// <param name="origin">Where the offending text is, if known.</param>
    /// <param name="path">The full key path being parsed or read, if any.</param>
    /// <param name="problem">What was expected, and what was found.</param>
    /// <param name="innerException">The cause, if any.</param>
    public HoconException(HoconOrigin? origin, string? path, string problem, Exception? innerException = null)
        : base(Format(origin, path, problem), innerException)
    {
        Origin = origin;
        Path = path;
        Problem = problem;
    }

    /// <summary>Where the offending text is, if known.</summary>
    public HoconOrigin? Origin { get; }

    /// <summary>The full key path being parsed or read, if any.</summary>
    public string? Path { get; }

    /// <summary>What was expected and what was found, without the location.</summary>
    public string? Problem { get; }

    private static string Format(HoconOrigin? origin, string? path, string problem)
    {
        var prefix = origin is { } known ? known + ": " : string.Empty;
        return string.IsNullOrEmpty(path) ? prefix + problem : prefix + path + ": " + problem;
    }
}
