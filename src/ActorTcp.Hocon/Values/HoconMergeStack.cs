namespace ActorTcp.Hocon.Values;

/// <summary>
/// Successive definitions of one key that cannot be merged until substitutions are resolved, oldest first
/// (for example <c>path = [a]</c> then <c>path = ${path} [b]</c>). The resolver merges them from the newest
/// down, and a self-reference in one layer sees only the layers below it.
/// </summary>
internal sealed class HoconMergeStack : HoconValue
{
    public HoconMergeStack(List<HoconValue> layers, HoconOrigin origin)
        : base(origin) => Layers = layers;

    /// <summary>The definitions, oldest first.</summary>
    public List<HoconValue> Layers { get; }

    public override HoconValueType Type => throw new InvalidOperationException("A delayed merge has no type until it is resolved.");

    internal override bool IsResolved => false;

    internal override bool IsSettled => false;

    internal override string Describe() => "a delayed merge";
}
