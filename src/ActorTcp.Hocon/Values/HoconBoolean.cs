namespace ActorTcp.Hocon.Values;

/// <summary>A boolean value written as <c>true</c> or <c>false</c>.</summary>
public sealed class HoconBoolean : HoconValue
{
    /// <summary>Creates a boolean value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="origin">Where it was written.</param>
    public HoconBoolean(bool value, HoconOrigin origin)
        : base(origin) => Value = value;

    /// <summary>The value.</summary>
    public bool Value { get; }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Boolean;

    internal override string ConcatenationText => Value ? "true" : "false";

    /// <summary>Returns <c>true</c> or <c>false</c>.</summary>
    public override string ToString() => ConcatenationText;

    internal override string Describe() => ConcatenationText;
}
