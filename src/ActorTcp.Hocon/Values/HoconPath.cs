using System.Text;

namespace ActorTcp.Hocon.Values;

/// <summary>
/// Path expressions as strings: <c>a.b."c.d"</c> is the three keys <c>a</c>, <c>b</c> and <c>c.d</c>.
/// </summary>
internal static class HoconPath
{
    /// <summary>Renders keys as a path expression, quoting the keys that need it.</summary>
    public static string Render(IReadOnlyList<string> keys)
    {
        if (keys.Count == 1 && IsPlain(keys[0]))
        {
            return keys[0];
        }

        var builder = new StringBuilder();
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            AppendKey(builder, keys[i]);
        }

        return builder.ToString();
    }

    /// <summary>Renders <paramref name="prefix"/> followed by <paramref name="keys"/>.</summary>
    public static string Render(IReadOnlyList<string> prefix, IReadOnlyList<string> keys)
    {
        if (prefix.Count == 0)
        {
            return Render(keys);
        }

        var all = new List<string>(prefix.Count + keys.Count);
        all.AddRange(prefix);
        all.AddRange(keys);
        return Render(all);
    }

    /// <summary>
    /// Splits a path expression such as <c>a.b."c.d"</c> into its keys; quoted keys use JSON escapes.
    /// </summary>
    /// <exception cref="FormatException">The path is empty, has an empty unquoted key or an unclosed quote.</exception>
    public static string[] Parse(string path)
    {
        if (path.IndexOf('"') < 0)
        {
            var keys = path.Split('.');
            foreach (var key in keys)
            {
                if (key.Length == 0)
                {
                    throw new FormatException($"'{path}' is not a valid path: empty keys must be quoted (\"\").");
                }
            }

            return keys;
        }

        var result = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '.')
            {
                if (!hasContent)
                {
                    throw new FormatException($"'{path}' is not a valid path: empty keys must be quoted (\"\").");
                }

                result.Add(current.ToString());
                current.Clear();
                hasContent = false;
            }
            else if (c == '"')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '"')
                {
                    end += path[end] == '\\' ? 2 : 1;
                }

                if (end >= path.Length)
                {
                    throw new FormatException($"'{path}' is not a valid path: a quoted key is not closed.");
                }

                current.Append(Parsing.JsonEscapes.Unescape(path.AsSpan(i + 1, end - i - 1)));
                hasContent = true;
                i = end;
            }
            else
            {
                current.Append(c);
                hasContent = true;
            }
        }

        if (!hasContent)
        {
            throw new FormatException($"'{path}' is not a valid path: empty keys must be quoted (\"\").");
        }

        result.Add(current.ToString());
        return [.. result];
    }

    private static void AppendKey(StringBuilder builder, string key)
    {
        if (IsPlain(key))
        {
            builder.Append(key);
            return;
        }

        builder.Append('"');
        foreach (var c in key)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }

    private static bool IsPlain(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
