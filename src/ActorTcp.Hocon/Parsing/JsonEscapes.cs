using System.Globalization;
using System.Text;

namespace ActorTcp.Hocon.Parsing;

/// <summary>Decodes the backslash escapes of JSON strings, which HOCON quoted strings share.</summary>
internal static class JsonEscapes
{
    /// <summary>Decodes <paramref name="escaped"/>, the content of a quoted string without its quotes.</summary>
    /// <exception cref="FormatException">An escape is not one of JSON's.</exception>
    public static string Unescape(ReadOnlySpan<char> escaped)
    {
        var backslash = escaped.IndexOf('\\');
        if (backslash < 0)
        {
            return new string(escaped);
        }

        var builder = new StringBuilder(escaped.Length);
        builder.Append(escaped[..backslash]);
        for (var i = backslash; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= escaped.Length)
            {
                throw new FormatException("a backslash must be followed by an escape such as \\n or \\u0041");
            }

            switch (escaped[i])
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (i + 4 >= escaped.Length
                        || !ushort.TryParse(escaped.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new FormatException("\\u must be followed by four hexadecimal digits");
                    }

                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw new FormatException($"'\\{escaped[i]}' is not a JSON escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
            }
        }

        return builder.ToString();
    }
}
