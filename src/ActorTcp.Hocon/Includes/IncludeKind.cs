namespace ActorTcp.Hocon.Includes;

/// <summary>How an include statement names its resource.</summary>
internal enum IncludeKind
{
    /// <summary><c>include "name"</c>: a file next to the including one.</summary>
    Heuristic,

    /// <summary><c>include file("name")</c>.</summary>
    File,

    /// <summary><c>include url("name")</c>, which this implementation rejects.</summary>
    Url,

    /// <summary><c>include classpath("name")</c>, which has no meaning on .NET.</summary>
    Classpath,
}
