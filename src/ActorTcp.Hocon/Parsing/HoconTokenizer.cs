using ActorTcp.Hocon.Includes;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Parsing;

/// <summary>
/// Splits HOCON text into tokens in a single pass over the string, tracking line and column. Comments are
/// folded into the whitespace around them; a run of whitespace that holds a newline is one
/// <see cref="TokenKind.Newline"/> token, because newlines separate fields while other whitespace joins
/// values into concatenations.
/// </summary>
internal sealed class HoconTokenizer
{
    // Characters HOCON.md forbids in unquoted text, besides whitespace and "//".
    private static readonly bool[] _forbidden = BuildForbidden();

    private readonly string _text;
    private readonly string _source;
    private readonly Func<string?> _currentPath;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    public HoconTokenizer(string text, string source, Func<string?> currentPath)
    {
        _text = text;
        _source = source;
        _currentPath = currentPath;
    }

    public static bool IsWhitespace(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\r' or '\v' or '\f' => true,
        >= '\u001C' and <= '\u001F' => true,
        < '\u0080' => false,
        '\uFEFF' => true,
        _ => char.IsWhiteSpace(c),
    };

    public string Slice(in Token token) => _text.Substring(token.Start, token.End - token.Start);

    public ReadOnlySpan<char> Span(in Token token) => _text.AsSpan(token.Start, token.End - token.Start);

    public HoconOrigin Origin(in Token token) => new(_source, token.Line, token.Column);

    public Token Next()
    {
        if (_position >= _text.Length)
        {
            return Make(TokenKind.End, _position, _position, _line, Column(_position));
        }

        var c = _text[_position];
        if (IsWhitespace(c) || IsCommentStart(_position))
        {
            return ReadWhitespace();
        }

        var start = _position;
        var line = _line;
        var column = Column(start);
        switch (c)
        {
            case '{': _position++; return Make(TokenKind.OpenBrace, start, _position, line, column);
            case '}': _position++; return Make(TokenKind.CloseBrace, start, _position, line, column);
            case '[': _position++; return Make(TokenKind.OpenBracket, start, _position, line, column);
            case ']': _position++; return Make(TokenKind.CloseBracket, start, _position, line, column);
            case ',': _position++; return Make(TokenKind.Comma, start, _position, line, column);
            case ':': _position++; return Make(TokenKind.Colon, start, _position, line, column);
            case '=': _position++; return Make(TokenKind.Equals, start, _position, line, column);
            case '+':
                if (Peek(1) != '=')
                {
                    throw Error(line, column, "expected '+=' (a '+' anywhere else must be inside a quoted string)");
                }

                _position += 2;
                return Make(TokenKind.PlusEquals, start, _position, line, column);
            case '$':
                if (Peek(1) != '{')
                {
                    throw Error(line, column, "expected '${' to start a substitution (a '$' anywhere else must be inside a quoted string)");
                }

                var optional = Peek(2) == '?';
                _position += optional ? 3 : 2;
                return new Token(TokenKind.Substitution, start, _position, line, column, null, optional);
            case '"':
                return Peek(1) == '"' && Peek(2) == '"' ? ReadTripleQuoted(line, column) : ReadQuoted(line, column);
            default:
                if (c < 128 && _forbidden[c])
                {
                    throw Error(line, column, $"'{c}' is reserved in HOCON; put text that contains it inside a quoted string");
                }

                return ReadUnquoted(line, column);
        }
    }

    /// <summary>
    /// Reads the resource of an include statement, which HOCON.md gives its own small syntax:
    /// a quoted string, optionally wrapped in <c>file()</c>, <c>url()</c>, <c>classpath()</c> and <c>required()</c>.
    /// </summary>
    public IncludeDirective ReadIncludeDirective(HoconOrigin origin)
    {
        SkipWhitespaceAndComments();
        return ReadIncludeTarget(origin, allowRequired: true);
    }

    public HoconParseException Error(int line, int column, string problem) =>
        new(new HoconOrigin(_source, line, column), _currentPath(), problem);

    public HoconParseException ErrorHere(string problem) => Error(_line, Column(_position), problem);

    private static bool[] BuildForbidden()
    {
        var table = new bool[128];
        foreach (var c in "$\"{}[]:=,+#`^?!@*&\\")
        {
            table[c] = true;
        }

        return table;
    }

    private IncludeDirective ReadIncludeTarget(HoconOrigin origin, bool allowRequired)
    {
        if (Peek(0) == '"')
        {
            return new IncludeDirective(IncludeKind.Heuristic, ReadIncludeName(), false, origin);
        }

        var start = _position;
        while (_position < _text.Length && char.IsAsciiLetter(_text[_position]))
        {
            _position++;
        }

        var word = _text[start.._position];
        if (Peek(0) != '(' || (word != "required" && word != "file" && word != "url" && word != "classpath") || (word == "required" && !allowRequired))
        {
            throw ErrorHere("expected a quoted file name, file(\"…\"), url(\"…\"), classpath(\"…\") or required(…) after 'include'");
        }

        _position++;
        SkipWhitespaceAndComments();
        IncludeDirective directive;
        if (word == "required")
        {
            directive = ReadIncludeTarget(origin, allowRequired: false) with { Required = true };
        }
        else
        {
            var kind = word switch
            {
                "file" => IncludeKind.File,
                "url" => IncludeKind.Url,
                _ => IncludeKind.Classpath,
            };
            if (Peek(0) != '"')
            {
                throw ErrorHere($"expected a quoted name inside {word}(…)");
            }

            directive = new IncludeDirective(kind, ReadIncludeName(), false, origin);
        }

        SkipWhitespaceAndComments();
        if (Peek(0) != ')')
        {
            throw ErrorHere($"expected ')' to close {word}(…)");
        }

        _position++;
        return directive;
    }

    private string ReadIncludeName()
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            throw ErrorHere("expected a file name in plain double quotes after 'include', not a triple-quoted string");
        }

        var token = ReadQuoted(_line, Column(_position));
        return token.Text!;
    }

    private void SkipWhitespaceAndComments()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (IsWhitespace(c))
            {
                _position++;
            }
            else if (IsCommentStart(_position))
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    private Token ReadWhitespace()
    {
        var start = _position;
        var line = _line;
        var column = Column(start);
        var sawNewline = false;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                sawNewline = true;
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (IsWhitespace(c))
            {
                _position++;
            }
            else if (IsCommentStart(_position))
            {
                SkipComment();
            }
            else
            {
                break;
            }
        }

        return Make(sawNewline ? TokenKind.Newline : TokenKind.Whitespace, start, _position, line, column);
    }

    private void SkipComment()
    {
        var newline = _text.IndexOf('\n', _position);
        _position = newline < 0 ? _text.Length : newline;
    }

    private Token ReadQuoted(int line, int column)
    {
        var start = _position;
        var i = start + 1;
        var escaped = false;
        while (true)
        {
            if (i >= _text.Length)
            {
                throw Error(line, column, "expected a closing '\"' before the end of the file");
            }

            var c = _text[i];
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                escaped = true;
                i += 2;
                continue;
            }

            if (c < ' ')
            {
                throw Error(line, column, c == '\n'
                    ? "expected a closing '\"' before the end of the line (use \"\"\" for multi-line strings)"
                    : "expected a closing '\"'; control characters must be escaped inside quoted strings");
            }

            i++;
        }

        string text;
        if (!escaped)
        {
            text = _text.Substring(start + 1, i - start - 1);
        }
        else
        {
            try
            {
                text = JsonEscapes.Unescape(_text.AsSpan(start + 1, i - start - 1));
            }
            catch (FormatException e)
            {
                throw Error(line, column, "expected a valid escape in quoted string: " + e.Message);
            }
        }

        _position = i + 1;
        return new Token(TokenKind.QuotedString, start, _position, line, column, text, false);
    }

    private Token ReadTripleQuoted(int line, int column)
    {
        var start = _position;
        var contentStart = start + 3;
        var close = _text.IndexOf("\"\"\"", contentStart, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error(line, column, "expected a closing '\"\"\"' before the end of the file");
        }

        // Any run of three or more quotes closes the string; the extra quotes belong to the content.
        var end = close + 3;
        while (end < _text.Length && _text[end] == '"')
        {
            end++;
        }

        var contentEnd = end - 3;
        for (var i = contentStart; i < contentEnd; i++)
        {
            if (_text[i] == '\n')
            {
                _line++;
                _lineStart = i + 1;
            }
        }

        _position = end;
        return new Token(TokenKind.QuotedString, start, end, line, column, _text[contentStart..contentEnd], false);
    }

    private Token ReadUnquoted(int line, int column)
    {
        var start = _position;
        var numeric = _text[start] == '-' || char.IsAsciiDigit(_text[start]);
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c < 128 && _forbidden[c])
            {
                // The exponent sign of a number such as 1e+5 is the one place a '+' may appear unquoted.
                if (c == '+' && numeric && (_text[_position - 1] is 'e' or 'E') && char.IsAsciiDigit(Peek(1)))
                {
                    _position++;
                    continue;
                }

                break;
            }

            if (IsWhitespace(c) || IsCommentStart(_position))
            {
                break;
            }

            _position++;
        }

        return Make(TokenKind.Unquoted, start, _position, line, column);
    }

    private bool IsCommentStart(int position)
    {
        var c = _text[position];
        return c == '#' || (c == '/' && position + 1 < _text.Length && _text[position + 1] == '/');
    }

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private int Column(int position) => position - _lineStart + 1;

    private static Token Make(TokenKind kind, int start, int end, int line, int column) =>
        new(kind, start, end, line, column, null, false);
}
