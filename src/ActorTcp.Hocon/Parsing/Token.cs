namespace ActorTcp.Hocon.Parsing;

/// <summary>
/// One token: its kind, its span in the text and where it starts. Unquoted text is not copied out of the
/// source until the parser needs it; quoted strings carry their decoded text.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Text, bool OptionalSubstitution);
