using System.Text;
using ActorTcp.Hocon.Includes;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Parsing;

/// <summary>
/// Builds the unresolved tree of one HOCON document from its tokens: braces may be omitted at the root,
/// separators and commas are optional where HOCON.md allows, duplicate keys merge, values written side by
/// side become concatenations, and includes are parsed in place through the <see cref="HoconIncluder"/>.
/// </summary>
internal sealed class HoconParser
{
    private const int MaxDepth = 256;

    private readonly HoconTokenizer _tokens;
    private readonly string[] _includePrefix;
    private readonly string? _directory;
    private readonly HoconIncluder _includer;
    private readonly List<string> _path = [];
    private readonly StringBuilder _builder = new();
    private Token _token;
    private int _depth;

    private HoconParser(string text, string source, string? directory, string[] includePrefix, HoconIncluder includer)
    {
        _tokens = new HoconTokenizer(text, source, CurrentPath);
        _directory = directory;
        _includePrefix = includePrefix;
        _includer = includer;
    }

    /// <summary>Parses a document whose root must be an object (braces optional).</summary>
    /// <param name="text">The HOCON text.</param>
    /// <param name="source">The name used in origins and errors, usually the file path.</param>
    /// <param name="directory">The directory relative includes are resolved against.</param>
    /// <param name="includePrefix">The path at which this document is included, empty for the top document.</param>
    /// <param name="includer">Resolves include statements and detects include cycles.</param>
    public static HoconObject ParseObject(string text, string source, string? directory, string[] includePrefix, HoconIncluder includer) =>
        new HoconParser(text, source, directory, includePrefix, includer).ParseRoot();

    private HoconObject ParseRoot()
    {
        Advance();
        SkipWhitespaceAndNewlines();
        HoconObject root;
        if (_token.Kind == TokenKind.OpenBrace)
        {
            root = ParseBracedObject();
            SkipWhitespaceAndNewlines();
            if (_token.Kind != TokenKind.End)
            {
                throw Unexpected("the end of the file after the root object's closing '}'");
            }
        }
        else if (_token.Kind == TokenKind.OpenBracket)
        {
            throw _tokens.Error(_token.Line, _token.Column, "expected an object at the root of the document, got a list");
        }
        else
        {
            root = new HoconObject(_tokens.Origin(_token));
            ParseFields(root, braced: false);
        }

        return root;
    }

    private HoconObject ParseBracedObject()
    {
        var result = new HoconObject(_tokens.Origin(_token));
        EnterNesting();
        Advance();
        ParseFields(result, braced: true);
        _depth--;
        return result;
    }

    // A hostile or broken file with thousands of nested brackets must fail with an error, not overflow the stack.
    private void EnterNesting()
    {
        if (++_depth > MaxDepth)
        {
            throw _tokens.Error(_token.Line, _token.Column, $"expected at most {MaxDepth} levels of nested objects and lists");
        }
    }

    private void ParseFields(HoconObject target, bool braced)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            switch (_token.Kind)
            {
                case TokenKind.CloseBrace:
                    if (!braced)
                    {
                        throw _tokens.Error(_token.Line, _token.Column, "found a '}' that closes nothing (the root object has no opening '{')");
                    }

                    Advance();
                    return;
                case TokenKind.End:
                    if (braced)
                    {
                        throw Unexpected("'}' to close the object");
                    }

                    return;
                case TokenKind.Comma:
                    throw Unexpected("a key (a ',' may only follow a field)");
            }

            if (_token.Kind == TokenKind.Unquoted && _tokens.Span(_token).SequenceEqual("include"))
            {
                ParseInclude(target);
            }
            else
            {
                ParseField(target);
            }

            SkipWhitespace();
            switch (_token.Kind)
            {
                case TokenKind.Comma:
                    Advance();
                    break;
                case TokenKind.Newline:
                case TokenKind.CloseBrace:
                case TokenKind.End:
                    break;
                default:
                    throw Unexpected("',' or a newline between fields");
            }
        }
    }

    private void ParseInclude(HoconObject target)
    {
        var directive = _tokens.ReadIncludeDirective(_tokens.Origin(_token));
        Advance();
        var prefix = _path.Count == 0 ? _includePrefix : [.. _includePrefix, .. _path];
        var included = _includer.Include(directive, _directory, prefix, CurrentPath());
        if (included is null)
        {
            return;
        }

        foreach (var field in included)
        {
            HoconMerge.MergeInto(target, field.Key, field.Value);
        }
    }

    private void ParseField(HoconObject target)
    {
        var keyToken = _token;
        var keys = ParseKey();
        SkipWhitespaceAndNewlines();
        var separator = _token.Kind;
        var pathDepth = _path.Count;
        _path.AddRange(keys);
        try
        {
            HoconValue? value;
            switch (separator)
            {
                case TokenKind.Colon:
                case TokenKind.Equals:
                case TokenKind.PlusEquals:
                    Advance();
                    SkipWhitespaceAndNewlines();
                    value = ParseValue() ?? throw Unexpected("a value after the key");
                    if (separator == TokenKind.PlusEquals)
                    {
                        value = Append(value, pathDepth, keys);
                    }

                    break;
                case TokenKind.OpenBrace:
                    value = ParseValue()!;
                    break;
                default:
                    throw Unexpected("':', '=', '+=' or '{' after the key");
            }

            Assign(target, keys, value, _tokens.Origin(keyToken));
        }
        finally
        {
            _path.RemoveRange(pathDepth, _path.Count - pathDepth);
        }
    }

    // `a += b` is `a = ${?a} [b]`, where the substitution names the field's full path in this document.
    private HoconConcatenation Append(HoconValue value, int pathDepth, List<string> keys)
    {
        var fullPath = new string[pathDepth + keys.Count];
        _path.CopyTo(0, fullPath, 0, pathDepth);
        keys.CopyTo(fullPath, pathDepth);
        var self = new HoconSubstitution(fullPath, optional: true, _includePrefix, value.Origin);
        var element = new HoconArray(value.Origin);
        element.Add(value);
        return new HoconConcatenation([self, element], value.Origin);
    }

    private static void Assign(HoconObject target, List<string> keys, HoconValue value, HoconOrigin origin)
    {
        // `a.b.c = v` is `a { b { c = v } }`, merged into whatever a already holds.
        for (var i = keys.Count - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(origin);
            wrapper.Set(keys[i], value);
            value = wrapper;
        }

        HoconMerge.MergeInto(target, keys[0], value);
    }

    private List<string> ParseKey()
    {
        if (_token.Kind is not (TokenKind.Unquoted or TokenKind.QuotedString))
        {
            throw Unexpected("a key");
        }

        var keys = new List<string>(2);
        return ReadPathExpression(keys, "key") ? keys : throw Unexpected("a key");
    }

    // Reads keys separated by '.' from unquoted and quoted tokens joined by non-newline whitespace, as used
    // by keys and by substitutions. Dots inside quoted strings do not separate keys.
    private bool ReadPathExpression(List<string> keys, string what)
    {
        _builder.Clear();
        var hasContent = false;
        Token? pendingWhitespace = null;
        var first = _token;
        while (true)
        {
            if (_token.Kind == TokenKind.Whitespace)
            {
                pendingWhitespace = _token;
                Advance();
                continue;
            }

            if (_token.Kind is not (TokenKind.Unquoted or TokenKind.QuotedString))
            {
                break;
            }

            if (pendingWhitespace is { } gap && hasContent | keys.Count > 0)
            {
                _builder.Append(_tokens.Span(gap));
                hasContent = true;
            }

            pendingWhitespace = null;
            if (_token.Kind == TokenKind.QuotedString)
            {
                _builder.Append(_token.Text);
                hasContent = true;
            }
            else
            {
                foreach (var c in _tokens.Span(_token))
                {
                    if (c != '.')
                    {
                        _builder.Append(c);
                        hasContent = true;
                        continue;
                    }

                    if (!hasContent)
                    {
                        throw _tokens.Error(first.Line, first.Column, $"expected a {what} without empty parts (write an empty key as \"\", not '..' or a leading or trailing '.')");
                    }

                    keys.Add(_builder.ToString());
                    _builder.Clear();
                    hasContent = false;
                }
            }

            Advance();
        }

        if (!hasContent)
        {
            if (keys.Count == 0)
            {
                return false;
            }

            throw _tokens.Error(first.Line, first.Column, $"expected a {what} without empty parts (write an empty key as \"\", not '..' or a leading or trailing '.')");
        }

        keys.Add(_builder.ToString());
        return true;
    }

    // A value is one or more pieces separated only by non-newline whitespace: a single piece keeps its type,
    // several simple pieces become one string, and anything involving a substitution, object or list is kept
    // as a concatenation for the resolver.
    private HoconValue? ParseValue()
    {
        var first = ParsePiece();
        if (first is null)
        {
            return null;
        }

        if (_token.Kind != TokenKind.Whitespace && !StartsPiece(_token.Kind))
        {
            return first;
        }

        var parts = new List<HoconValue> { first };
        var allSimple = first.ConcatenationText is not null;
        while (true)
        {
            Token? gap = null;
            if (_token.Kind == TokenKind.Whitespace)
            {
                gap = _token;
                Advance();
            }

            var piece = ParsePiece();
            if (piece is null)
            {
                break;
            }

            if (gap is { } whitespace)
            {
                parts.Add(new HoconString(_tokens.Slice(whitespace), _tokens.Origin(whitespace), isUnquotedWhitespace: true));
            }

            parts.Add(piece);
            allSimple &= piece.ConcatenationText is not null;
        }

        if (parts.Count == 1)
        {
            return first;
        }

        if (!allSimple)
        {
            return new HoconConcatenation(parts, first.Origin);
        }

        _builder.Clear();
        foreach (var part in parts)
        {
            _builder.Append(part.ConcatenationText);
        }

        return new HoconString(_builder.ToString(), first.Origin);
    }

    private static bool StartsPiece(TokenKind kind) => kind is TokenKind.OpenBrace or TokenKind.OpenBracket
        or TokenKind.QuotedString or TokenKind.Unquoted or TokenKind.Substitution;

    private HoconValue? ParsePiece()
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.OpenBrace:
                return ParseBracedObject();
            case TokenKind.OpenBracket:
                return ParseArray();
            case TokenKind.Substitution:
                return ParseSubstitution();
            case TokenKind.QuotedString:
                Advance();
                return new HoconString(token.Text!, _tokens.Origin(token));
            case TokenKind.Unquoted:
                Advance();
                return Scalar(token);
            default:
                return null;
        }
    }

    private HoconValue Scalar(in Token token)
    {
        var origin = _tokens.Origin(token);
        var span = _tokens.Span(token);
        if (span.SequenceEqual("true"))
        {
            return new HoconBoolean(true, origin);
        }

        if (span.SequenceEqual("false"))
        {
            return new HoconBoolean(false, origin);
        }

        if (span.SequenceEqual("null"))
        {
            return new HoconNull(origin);
        }

        var text = _tokens.Slice(token);
        return NumberSyntax.IsJsonNumber(span) ? new HoconNumber(text, origin) : new HoconString(text, origin);
    }

    private HoconSubstitution ParseSubstitution()
    {
        var start = _token;
        Advance();
        var keys = new List<string>(4);
        if (!ReadPathExpression(keys, "path"))
        {
            throw Unexpected("a path inside ${…}");
        }

        if (_token.Kind != TokenKind.CloseBrace)
        {
            throw Unexpected("'}' to close the substitution");
        }

        Advance();
        return new HoconSubstitution([.. keys], start.OptionalSubstitution, _includePrefix, _tokens.Origin(start));
    }

    private HoconArray ParseArray()
    {
        var result = new HoconArray(_tokens.Origin(_token));
        EnterNesting();
        Advance();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            if (_token.Kind == TokenKind.CloseBracket)
            {
                _depth--;
                Advance();
                return result;
            }

            if (_token.Kind == TokenKind.Comma)
            {
                throw Unexpected("a list element (a ',' may only follow an element)");
            }

            var element = ParseValue() ?? throw Unexpected("a list element or ']'");
            result.Add(element);
            SkipWhitespace();
            switch (_token.Kind)
            {
                case TokenKind.Comma:
                    Advance();
                    break;
                case TokenKind.Newline:
                case TokenKind.CloseBracket:
                    break;
                default:
                    throw Unexpected("',', a newline or ']' after a list element");
            }
        }
    }

    private void Advance() => _token = _tokens.Next();

    private void SkipWhitespace()
    {
        while (_token.Kind == TokenKind.Whitespace)
        {
            Advance();
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (_token.Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            Advance();
        }
    }

    private HoconParseException Unexpected(string expected) =>
        _tokens.Error(_token.Line, _token.Column, $"expected {expected}, got {Describe(_token)}");

    private string Describe(in Token token) => token.Kind switch
    {
        TokenKind.End => "the end of the file",
        TokenKind.Newline => "a newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.Substitution => "a substitution",
        TokenKind.QuotedString => "\"" + token.Text + "\"",
        _ => "'" + _tokens.Slice(token) + "'",
    };

    private string? CurrentPath() => _path.Count == 0 && _includePrefix.Length == 0 ? null : HoconPath.Render(_includePrefix, _path);
}
