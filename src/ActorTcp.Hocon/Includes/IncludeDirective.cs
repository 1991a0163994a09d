using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Includes;

/// <summary>One include statement as written: <c>include required(file("x.conf"))</c> and its position.</summary>
internal readonly record struct IncludeDirective(IncludeKind Kind, string Name, bool Required, HoconOrigin Origin);
