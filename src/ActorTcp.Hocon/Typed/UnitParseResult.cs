namespace ActorTcp.Hocon.Typed;

/// <summary>Why a text did or did not read as a duration or a size, so the error can say which.</summary>
internal enum UnitParseResult
{
    Parsed,
    NotANumberWithUnit,
    UnknownUnit,
    OutOfRange,
}
