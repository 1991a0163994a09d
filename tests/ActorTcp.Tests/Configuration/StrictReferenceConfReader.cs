using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorTcp.Tests.Configuration;

/// <summary>
/// Test-only stand-in for the HOCON parser: reads reference.conf's <c>key = value</c> lines scoped
/// by <c>name {</c> ... <c>}</c> blocks into full dotted keys, and rejects every other construct so
/// a file it accepts is plain enough for any HOCON parser to read the same way.
/// </summary>
public static partial class StrictReferenceConfReader
{
    public static Dictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var scope = new Stack<string>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (OpenBlock().Match(line) is { Success: true } open)
            {
                scope.Push(open.Groups[1].Value);
            }
            else if (line == "}")
            {
                if (!scope.TryPop(out _))
                {
                    throw Unexpected(path, number, raw);
                }
            }
            else if (Assignment().Match(line) is { Success: true } assignment)
            {
                var key = string.Join('.', scope.Reverse().Append(assignment.Groups[1].Value));
                if (!values.TryAdd(key, assignment.Groups[2].Value))
                {
                    throw new FormatException($"{path}:{number}: {key} is set twice.");
                }
            }
            else
            {
                throw Unexpected(path, number, raw);
            }
        }

        if (scope.Count > 0)
        {
            throw new FormatException($"{path}: block '{scope.Peek()}' is never closed.");
        }

        return values;
    }

    private static FormatException Unexpected(string path, int number, string line) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path}:{number}: not a key = value line or block: '{line}'"));

    [GeneratedRegex(@"^([a-z][a-z0-9-]*)\s*\{$")]
    private static partial Regex OpenBlock();

    [GeneratedRegex(@"^([a-z][a-z0-9-]*)\s*=\s*(""[^""\\]*""|[A-Za-z0-9.\-]+)$")]
    private static partial Regex Assignment();
}
