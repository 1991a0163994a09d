using System.Globalization;

namespace ActorTcp.Hocon.Values;

/// <summary>
/// A number value. The original text is kept, because HOCON renders numbers in concatenations and keys
/// exactly as they were written (<c>1e5</c> stays <c>1e5</c>).
/// </summary>
public sealed class HoconNumber : HoconValue
{
    /// <summary>Creates a number value from its JSON text.</summary>
    /// <param name="text">The number as written, e.g. <c>42</c>, <c>-1.5</c> or <c>1e5</c>.</param>
    /// <param name="origin">Where it was written.</param>
    public HoconNumber(string text, HoconOrigin origin)
        : base(origin) => Text = text;

    /// <summary>The number as written.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Number;

    internal override string ConcatenationText => Text;

    /// <summary>The value as a double.</summary>
    public double ToDouble() => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Returns the number as written.</summary>
    public override string ToString() => Text;

    internal override string Describe() => Text;
}
