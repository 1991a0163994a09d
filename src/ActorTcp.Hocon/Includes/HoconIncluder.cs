using ActorTcp.Hocon.Parsing;
using ActorTcp.Hocon.Values;

namespace ActorTcp.Hocon.Includes;

/// <summary>
/// Loads the files named by include statements: relative names are found next to the including file,
/// a name without extension loads every one of <c>.properties</c>, <c>.json</c> and <c>.conf</c> that
/// exists (in that order, so the HOCON file wins), a missing file is ignored unless <c>required(…)</c>,
/// and a file that includes itself, directly or not, is an error. Unlike the reference implementation,
/// <c>file("…")</c> is also found next to the including file: resolving it against the working directory
/// would make a configuration depend on where the host was started.
/// </summary>
internal sealed class HoconIncluder
{
    private static readonly string[] _extensionOrder = [".properties", ".json", ".conf"];

    private readonly List<string> _openFiles = [];

    /// <summary>Parses a file as the top document; includes inside it are resolved relative to it.</summary>
    public HoconObject ParseTopFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        _openFiles.Add(fullPath);
        try
        {
            return ParseFile(path, fullPath, []);
        }
        finally
        {
            _openFiles.RemoveAt(_openFiles.Count - 1);
        }
    }

    /// <summary>Loads what <paramref name="directive"/> names, or returns null when an optional include is missing.</summary>
    /// <param name="directive">The include statement.</param>
    /// <param name="directory">The including file's directory (or the base directory of parsed text).</param>
    /// <param name="prefix">The path of the object that holds the include statement.</param>
    /// <param name="currentPath">That path as text, for errors.</param>
    public HoconObject? Include(IncludeDirective directive, string? directory, string[] prefix, string? currentPath)
    {
        if (directive.Kind is IncludeKind.Url or IncludeKind.Classpath
            || (directive.Kind == IncludeKind.Heuristic && IsWebUrl(directive.Name)))
        {
            throw new HoconIncludeException(directive.Origin, currentPath,
                $"expected a file include; url(…), classpath(…) and web URLs are not supported, got \"{directive.Name}\"");
        }

        var name = directive.Name;
        var basePath = Path.IsPathRooted(name) ? name : Path.Combine(directory ?? Directory.GetCurrentDirectory(), name);
        string[] candidates = Path.HasExtension(name)
            ? [basePath]
            : [basePath + _extensionOrder[0], basePath + _extensionOrder[1], basePath + _extensionOrder[2]];

        HoconObject? result = null;
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate))
            {
                continue;
            }

            var fullPath = Path.GetFullPath(candidate);
            if (_openFiles.Contains(fullPath, StringComparer.Ordinal))
            {
                throw new HoconIncludeException(directive.Origin, currentPath,
                    $"expected includes without a cycle, got {DescribeCycle(fullPath)}");
            }

            _openFiles.Add(fullPath);
            HoconObject parsed;
            try
            {
                parsed = ParseFile(candidate, fullPath, prefix);
            }
            catch (IOException e)
            {
                throw new HoconIncludeException(directive.Origin, currentPath, $"expected a readable file, got an error reading \"{candidate}\": {e.Message}", e);
            }
            finally
            {
                _openFiles.RemoveAt(_openFiles.Count - 1);
            }

            if (result is null)
            {
                result = parsed;
                continue;
            }

            foreach (var field in parsed)
            {
                HoconMerge.MergeInto(result, field.Key, field.Value);
            }
        }

        if (result is null && directive.Required)
        {
            throw new HoconIncludeException(directive.Origin, currentPath,
                $"expected the required include \"{name}\" to exist, but none of these files do: {string.Join(", ", candidates)}");
        }

        return result;
    }

    private HoconObject ParseFile(string path, string fullPath, string[] prefix)
    {
        var text = File.ReadAllText(fullPath);
        if (string.Equals(Path.GetExtension(fullPath), ".properties", StringComparison.OrdinalIgnoreCase))
        {
            return PropertiesParser.Parse(text, path);
        }

        return HoconParser.ParseObject(text, path, Path.GetDirectoryName(fullPath), prefix, this);
    }

    private string DescribeCycle(string fullPath)
    {
        var start = _openFiles.IndexOf(fullPath);
        var chain = new List<string>();
        for (var i = start; i < _openFiles.Count; i++)
        {
            chain.Add(Path.GetFileName(_openFiles[i]));
        }

        chain.Add(Path.GetFileName(fullPath));
        return "an include cycle: " + string.Join(" includes ", chain);
    }

    private static bool IsWebUrl(string name) =>
        name.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || name.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
