using System.Globalization;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>The <c>--name value</c> pairs of a harness command, with defaults for what is not given.</summary>
internal sealed class HarnessArguments
{
    private readonly Dictionary<string, string> _values;

    private HarnessArguments(Dictionary<string, string> values) => _values = values;

    /// <summary>Reads <c>--name value</c> pairs.</summary>
    public static HarnessArguments Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new HarnessArguments(values);
    }

    /// <summary>A text value.</summary>
    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    /// <summary>A whole number.</summary>
    public int Number(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
