namespace ActorTcp.Hocon.Values;

/// <summary>
/// A node of a HOCON tree. After <see cref="HoconConfig.Parse(string, HoconParseOptions?)"/> every node is one of
/// <see cref="HoconObject"/>, <see cref="HoconArray"/>, <see cref="HoconString"/>, <see cref="HoconNumber"/>,
/// <see cref="HoconBoolean"/> or <see cref="HoconNull"/>, and knows where it was written.
/// </summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconOrigin origin) => Origin = origin;

    /// <summary>Where the value was written.</summary>
    public HoconOrigin Origin { get; }

    /// <summary>The JSON type of the value.</summary>
    public abstract HoconValueType Type { get; }

    /// <summary>
    /// False while the node, or anything inside it, still holds a substitution, a concatenation or a delayed
    /// merge; the resolver skips resolved subtrees entirely.
    /// </summary>
    internal virtual bool IsResolved => true;

    /// <summary>
    /// True for nodes that are final values at their own level (objects, arrays, scalars), false for
    /// substitutions, concatenations and merge stacks, which must be resolved before their type is known.
    /// </summary>
    internal virtual bool IsSettled => true;

    /// <summary>The text of a scalar as it takes part in a string concatenation, or null for objects and arrays.</summary>
    internal virtual string? ConcatenationText => null;

    /// <summary>Describes the value for error messages, e.g. <c>"banana"</c>, <c>42</c> or <c>an object</c>.</summary>
    internal abstract string Describe();
}
