using System.Globalization;
using System.Text;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Parsing;

/// <summary>
/// Reads Java <c>.properties</c> files as HOCON.md maps them: each key is split on every '.' (keeping empty
/// parts), every value is a string, and when a key is both a value and a parent the object wins.
/// </summary>
internal static class PropertiesParser
{
    public static HoconObject Parse(string text, string source)
    {
        var root = new HoconObject(new HoconOrigin(source, 1, 1));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].TrimEnd('\r').TrimStart();
            if (line.Length == 0 || line[0] == '#' || line[0] == '!')
            {
                continue;
            }

            // A line ending in an odd number of backslashes continues on the next line.
            while (EndsWithContinuation(line) && i + 1 < lines.Length)
            {
                line = line[..^1] + lines[++i].TrimEnd('\r').TrimStart();
            }

            var separator = FindSeparator(line);
            var key = Unescape(line[..separator].TrimEnd());
            var rest = separator < line.Length ? line[separator..].TrimStart() : string.Empty;
            if (rest.Length > 0 && (rest[0] == '=' || rest[0] == ':'))
            {
                rest = rest[1..].TrimStart();
            }

            Set(root, key.Split('.'), new HoconString(Unescape(rest), new HoconOrigin(source, lineNumber, 1)));
        }

        return root;
    }

    private static void Set(HoconObject root, string[] keys, HoconString value)
    {
        var target = root;
        for (var i = 0; i < keys.Length - 1; i++)
        {
            if (target.TryGetValue(keys[i], out var existing) && existing is HoconObject child)
            {
                target = child;
                continue;
            }

            child = new HoconObject(value.Origin);
            target.Set(keys[i], child);
            target = child;
        }

        var last = keys[^1];
        if (!(target.TryGetValue(last, out var current) && current is HoconObject))
        {
            target.Set(last, value);
        }
    }

    private static bool EndsWithContinuation(string line)
    {
        var count = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    private static int FindSeparator(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f')
            {
                return i;
            }
        }

        return line.Length;
    }

    private static string Unescape(string text)
    {
        if (text.IndexOf('\\') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                builder.Append(c);
                continue;
            }

            c = text[++i];
            switch (c)
            {
                case 't': builder.Append('\t'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when i + 4 < text.Length
                    && ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
