namespace ActorTcp.Hocon.Values;

/// <summary>A string value: quoted, unquoted, triple-quoted or the result of a concatenation.</summary>
public sealed class HoconString : HoconValue
{
    /// <summary>Creates a string value.</summary>
    /// <param name="value">The text.</param>
    /// <param name="origin">Where it was written.</param>
    public HoconString(string value, HoconOrigin origin)
        : base(origin) => Value = value;

    internal HoconString(string value, HoconOrigin origin, bool isUnquotedWhitespace)
        : this(value, origin) => IsUnquotedWhitespace = isUnquotedWhitespace;

    /// <summary>The text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.String;

    /// <summary>
    /// True for the unquoted whitespace between the parts of a concatenation: it is kept between strings and
    /// dropped between objects or arrays.
    /// </summary>
    internal bool IsUnquotedWhitespace { get; }

    internal override string ConcatenationText => Value;

    /// <summary>Returns the text.</summary>
    public override string ToString() => Value;

    internal override string Describe() => "\"" + Value + "\"";
}
