namespace ActorTcp.Hocon.Parsing;

/// <summary>The kinds of token the tokenizer produces.</summary>
internal enum TokenKind
{
    End,
    Newline,
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    Substitution,
    QuotedString,
    Unquoted,
}
