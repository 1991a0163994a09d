namespace ActorTcp.Hocon.Values;

/// <summary>
/// An explicit <c>null</c>. Unlike a missing key it hides earlier values, stops an environment-variable
/// fallback, and appears as a null entry in a flattened configuration.
/// </summary>
public sealed class HoconNull : HoconValue
{
    /// <summary>Creates a null value.</summary>
    /// <param name="origin">Where it was written.</param>
    public HoconNull(HoconOrigin origin)
        : base(origin)
    {
    }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Null;

    internal override string ConcatenationText => "null";

    /// <summary>Returns <c>null</c>.</summary>
    public override string ToString() => "null";

    internal override string Describe() => "null";
}
