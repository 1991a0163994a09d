namespace ActorTcp.Hocon.Values;

/// <summary>
/// A <c>${path}</c> or <c>${?path}</c> reference, replaced by the value at that path during resolution.
/// </summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(string[] path, bool optional, string[] includePrefix, HoconOrigin origin)
        : base(origin)
    {
        Path = path;
        Optional = optional;
        IncludePrefix = includePrefix;
    }

    /// <summary>The path as written, relative to the root of the file that holds the reference.</summary>
    public string[] Path { get; }

    /// <summary>True for <c>${?path}</c>: a missing target removes the field instead of failing.</summary>
    public bool Optional { get; }

    /// <summary>
    /// The path at which the holding file was included (empty for the top file); the reference is looked up
    /// under it first and at the root second, as HOCON.md specifies for included files.
    /// </summary>
    public string[] IncludePrefix { get; }

    public override HoconValueType Type => throw new InvalidOperationException("A substitution has no type until it is resolved.");

    internal override bool IsResolved => false;

    internal override bool IsSettled => false;

    public string PathText => HoconPath.Render(Path);

    internal override string Describe() => "${" + (Optional ? "?" : string.Empty) + PathText + "}";
}
