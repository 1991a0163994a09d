namespace ActorTcp.Hocon.Typed;

/// <summary>Parses a number with a unit (<see cref="DurationFormat.TryParse"/>, <see cref="ByteSizeFormat.TryParse"/>).</summary>
internal delegate UnitParseResult UnitParser<T>(string text, out T value);
