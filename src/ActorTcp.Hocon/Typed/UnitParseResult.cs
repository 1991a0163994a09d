namespace ActorTcp.Hocon.Typed;

/// <summary>Why a text did or did not read as a duration or a size, so an error can say which part was wrong.</summary>
public enum UnitParseResult
{
    /// <summary>The text was read.</summary>
    Parsed,

    /// <summary>The text is not a number followed by an optional unit (e.g. <c>banana</c>).</summary>
    NotANumberWithUnit,

    /// <summary>The number is followed by a unit the format does not know (e.g. <c>5 fortnights</c>).</summary>
    UnknownUnit,

    /// <summary>The value does not fit the result type (e.g. <c>1YB</c> as a 64-bit count).</summary>
    OutOfRange,

    /// <summary>A size that is not a whole number of bytes, from <see cref="ByteSizeFormat.TryParseWhole"/> only.</summary>
    NotWholeBytes,
}
