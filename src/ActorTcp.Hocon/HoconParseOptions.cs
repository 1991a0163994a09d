namespace ActorTcp.Hocon;

/// <summary>How <see cref="HoconConfig"/> parses and resolves a document.</summary>
public sealed class HoconParseOptions
{
    /// <summary>The default options: substitutions fall back to the process environment.</summary>
    public static HoconParseOptions Default { get; } = new();

    /// <summary>
    /// The name used for text parsed with <see cref="HoconConfig.Parse(string, HoconParseOptions?)"/> in origins and
    /// error messages; <c>(string)</c> when not set. Files always use their path.
    /// </summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// The directory that relative includes in parsed text are resolved against; the current directory when not
    /// set. Files always resolve includes relative to themselves.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Looks up an environment variable for a substitution the document does not define (<c>${HOME}</c>), or
    /// returns null when it is not set. Defaults to <see cref="Environment.GetEnvironmentVariable(string)"/>; set
    /// it to null to disable the fallback, or to a dictionary lookup in tests.
    /// </summary>
    public Func<string, string?>? EnvironmentLookup { get; init; } = Environment.GetEnvironmentVariable;
}
