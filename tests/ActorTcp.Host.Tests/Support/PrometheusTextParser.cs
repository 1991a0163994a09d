using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ActorTcp.Host.Tests.Support;

/// <summary>One sample line: a name, its labels and its value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>One metric family: its TYPE, HELP and samples.</summary>
public sealed record PrometheusFamily(string Name, string Type, string? Help, List<PrometheusSample> Samples);

/// <summary>
/// A strict reader of the Prometheus text format (0.0.4), independent of the writer under test: it
/// checks metric and label names, label value escapes, sample values, that every sample belongs to a
/// family declared by a TYPE line before it, and that histogram buckets are cumulative and end in
/// <c>le="+Inf"</c> equal to <c>_count</c>. Any violation is a <see cref="FormatException"/> naming the line.
/// </summary>
public static partial class PrometheusTextParser
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static IReadOnlyDictionary<string, PrometheusFamily> Parse(string text)
    {
        var families = new Dictionary<string, PrometheusFamily>(StringComparer.Ordinal);
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line["# TYPE ".Length..].Split(' ');
                Require(parts.Length == 2 && IsMetricName(parts[0]), number, $"malformed TYPE line: {line}");
                Require(Types.Contains(parts[1]), number, $"unknown type {parts[1]}");
                Require(!families.ContainsKey(parts[0]), number, $"second TYPE line for {parts[0]}");
                families[parts[0]] = new PrometheusFamily(parts[0], parts[1], help.GetValueOrDefault(parts[0]), []);
            }
            else if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var rest = line["# HELP ".Length..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                var name = space < 0 ? rest : rest[..space];
                Require(IsMetricName(name), number, $"malformed HELP line: {line}");
                Require(!families.ContainsKey(name), number, $"HELP for {name} after its TYPE line");
                help[name] = space < 0 ? string.Empty : rest[(space + 1)..];
            }
            else if (line.StartsWith('#'))
            {
                continue;
            }
            else
            {
                var sample = ParseSample(line, number);
                FamilyOf(families, sample, number).Samples.Add(sample);
            }
        }

        foreach (var family in families.Values.Where(f => f.Type == "histogram"))
        {
            CheckHistogram(family);
        }

        return families;
    }

    private static PrometheusFamily FamilyOf(Dictionary<string, PrometheusFamily> families, PrometheusSample sample, int number)
    {
        if (families.TryGetValue(sample.Name, out var family) && family.Type != "histogram")
        {
            return family;
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.Name.EndsWith(suffix, StringComparison.Ordinal)
                && families.TryGetValue(sample.Name[..^suffix.Length], out var histogram) && histogram.Type == "histogram")
            {
                Require(suffix != "_bucket" || sample.Labels.ContainsKey("le"), number, $"bucket without le: {sample.Name}");
                return histogram;
            }
        }

        throw new FormatException($"line {number}: sample {sample.Name} has no TYPE line before it");
    }

    private static PrometheusSample ParseSample(string line, int number)
    {
        var name = MetricName().Match(line);
        Require(name.Success && name.Index == 0, number, $"no metric name: {line}");
        var position = name.Length;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var label = LabelName().Match(line, position);
                Require(label.Success && label.Index == position, number, $"bad label name at column {position + 1}: {line}");
                position += label.Length;
                Require(line[position] == '=' && line[position + 1] == '"', number, $"expected =\" after label {label.Value}");
                position += 2;
                var value = new StringBuilder();
                while (line[position] != '"')
                {
                    if (line[position] == '\\')
                    {
                        value.Append(line[position + 1] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            var other => throw new FormatException($"line {number}: bad escape \\{other}"),
                        });
                        position += 2;
                    }
                    else
                    {
                        value.Append(line[position++]);
                    }
                }

                position++;
                Require(labels.TryAdd(label.Value, value.ToString()), number, $"label {label.Value} twice");
                if (line[position] == ',')
                {
                    position++;
                }
                else
                {
                    Require(line[position] == '}', number, $"expected , or }} at column {position + 1}: {line}");
                }
            }

            position++;
        }

        Require(position < line.Length && line[position] == ' ', number, $"expected a space before the value: {line}");
        var fields = line[(position + 1)..].Split(' ');
        Require(fields.Length is 1 or 2, number, $"expected a value and an optional timestamp: {line}");
        Require(fields.Length == 1 || long.TryParse(fields[1], CultureInfo.InvariantCulture, out _), number, $"bad timestamp: {line}");
        return new PrometheusSample(name.Value, labels, Value(fields[0], number));
    }

    private static double Value(string text, int number) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new FormatException($"line {number}: bad value {text}"),
    };

    private static void CheckHistogram(PrometheusFamily family)
    {
        var bySeries = family.Samples.GroupBy(s => string.Join(',', s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key).Select(l => l.Key + "=" + l.Value)));
        foreach (var series in bySeries)
        {
            var buckets = series.Where(s => s.Name == family.Name + "_bucket").ToList();
            var count = series.Single(s => s.Name == family.Name + "_count").Value;
            Require(series.Count(s => s.Name == family.Name + "_sum") == 1, 0, $"{family.Name} {series.Key}: no single _sum");
            Require(buckets.Count > 0 && buckets[^1].Labels["le"] == "+Inf", 0, $"{family.Name} {series.Key}: buckets must end in le=\"+Inf\"");
            Require(buckets[^1].Value == count, 0, $"{family.Name} {series.Key}: the +Inf bucket must equal _count");
            for (var i = 1; i < buckets.Count; i++)
            {
                Require(Value(buckets[i].Labels["le"], 0) > Value(buckets[i - 1].Labels["le"], 0), 0, $"{family.Name}: le not ascending");
                Require(buckets[i].Value >= buckets[i - 1].Value, 0, $"{family.Name}: buckets not cumulative");
            }
        }
    }

    private static bool IsMetricName(string text) => MetricName().Match(text) is { Success: true, Index: 0 } match && match.Length == text.Length;

    private static void Require(bool condition, int line, string problem)
    {
        if (!condition)
        {
            throw new FormatException($"line {line}: {problem}");
        }
    }

    [GeneratedRegex("[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex MetricName();

    [GeneratedRegex("[a-zA-Z_][a-zA-Z0-9_]*")]
    private static partial Regex LabelName();
}
