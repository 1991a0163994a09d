namespace ActorTcp.Hocon.Values;

/// <summary>
/// Where a value was written: the file (or other source) name, and the 1-based line and column.
/// </summary>
/// <param name="Source">The file path, or a description such as <c>(string)</c> or <c>environment variable HOME</c>.</param>
/// <param name="Line">The 1-based line, or 0 when the source has no lines.</param>
/// <param name="Column">The 1-based column, or 0 when the source has no lines.</param>
public readonly record struct HoconOrigin(string Source, int Line, int Column)
{
    /// <summary>Formats the origin as <c>file:line:column</c>, the form compilers use, so editors can jump to it.</summary>
    public override string ToString() => Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
}
