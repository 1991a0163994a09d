namespace ActorTcp.Hocon.Values;

/// <summary>
/// Values written side by side on one line (<c>${a} [3, 4]</c>, <c>${host}:${port}</c>); whether the result
/// is a string, an array or an object is known only once every part is resolved.
/// </summary>
internal sealed class HoconConcatenation : HoconValue
{
    public HoconConcatenation(List<HoconValue> parts, HoconOrigin origin)
        : base(origin) => Parts = parts;

    /// <summary>The parts in order, including the unquoted whitespace between them.</summary>
    public List<HoconValue> Parts { get; }

    public override HoconValueType Type => throw new InvalidOperationException("A concatenation has no type until it is resolved.");

    internal override bool IsResolved => false;

    internal override bool IsSettled => false;

    internal override string Describe() => "a concatenation";
}
