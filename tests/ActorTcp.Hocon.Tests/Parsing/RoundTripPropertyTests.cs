using System.Globalization;
using System.Text;
using ActorTcp.Hocon.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace ActorTcp.Hocon.Tests.Parsing;

/// <summary>
/// Random trees written in three spellings (strict JSON, HOCON without braces or commas, and dotted path
/// keys) must parse to the same tree: the property behind lightbend's equivalence fixtures.
/// </summary>
public sealed class RoundTripPropertyTests
{
    private static readonly Gen<string> _keys = Gen.Elements("a", "b", "host", "port", "max-size", "x_1", "Z");

    private static readonly Gen<string> _text = Gen.Elements(
        "plain", "two words", "tab\there", "quote\"inside", "back\\slash", "new\nline", "unicode é ✓", "", "${not.a.substitution}", "// not a comment");

    [Fact]
    public void QuotedStrings_RoundTripAnyText()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), text =>
        {
            var config = TestHocon.Parse("value = " + Quote(text));
            return config.GetString("value") == text;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void JsonHoconAndPathKeySpellings_ParseToTheSameTree()
    {
        Prop.ForAll(Tree(3).ToArbitrary(), tree =>
        {
            var fromJson = TestHocon.Parse(WriteJson(tree)).Root;
            var fromHocon = TestHocon.Parse(WriteHocon(tree, 0)).Root;
            var fromPaths = TestHocon.Parse(WritePaths(tree)).Root;

            TreeAssert.Equal(fromJson, fromHocon);
            TreeAssert.Equal(fromJson, fromPaths);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static Gen<Dictionary<string, object>> Tree(int depth)
    {
        var scalar = Gen.OneOf(
            Gen.Choose(-1000, 1000).Select(n => (object)n),
            _text.Select(s => (object)s),
            Gen.Elements<object>(true, false));
        var value = depth == 0
            ? scalar
            : Gen.Frequency((3, scalar), (1, Tree(depth - 1).Select(d => (object)d)), (1, Gen.ListOf(scalar, 3).Select(l => (object)l.ToList())));
        return Gen.ListOf(Gen.Zip(_keys, value), 4).Select(pairs =>
        {
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (key, item) in pairs)
            {
                result[key] = item;
            }

            return result;
        });
    }

    private static string WriteJson(object value) => value switch
    {
        Dictionary<string, object> obj => "{" + string.Join(",", obj.Select(f => Quote(f.Key) + ":" + WriteJson(f.Value))) + "}",
        List<object> list => "[" + string.Join(",", list.Select(WriteJson)) + "]",
        _ => Scalar(value),
    };

    private static string WriteHocon(Dictionary<string, object> obj, int indent)
    {
        var builder = new StringBuilder();
        var pad = new string(' ', indent * 2);
        foreach (var (key, value) in obj)
        {
            builder.Append(pad).Append(key);
            builder.Append(value switch
            {
                Dictionary<string, object> child => " {\n" + WriteHocon(child, indent + 1) + pad + "}",
                List<object> list => " = [\n" + string.Concat(list.Select(item => pad + "  " + Scalar(item) + "\n")) + pad + "]",
                _ => " = " + Scalar(value),
            });
            builder.Append("  # comment\n");
        }

        return builder.ToString();
    }

    private static string WritePaths(Dictionary<string, object> tree)
    {
        var builder = new StringBuilder();
        WritePaths(tree, string.Empty, builder);
        return builder.ToString();
    }

    private static void WritePaths(Dictionary<string, object> obj, string prefix, StringBuilder builder)
    {
        foreach (var (key, value) in obj)
        {
            var path = prefix + key;
            switch (value)
            {
                case Dictionary<string, object> { Count: 0 }:
                    builder.Append(path).Append(" : {}\n");
                    break;
                case Dictionary<string, object> child:
                    // An object written first resets any earlier value, exactly as the other spellings do.
                    builder.Append(path).Append(" = {}\n");
                    WritePaths(child, path + ".", builder);
                    break;
                case List<object> list:
                    builder.Append(path).Append(" : [").Append(string.Join(", ", list.Select(Scalar))).Append("]\n");
                    break;
                default:
                    builder.Append(path).Append(" : ").Append(Scalar(value)).Append('\n');
                    break;
            }
        }
    }

    private static string Scalar(object value) => value switch
    {
        int n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => Quote(s),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
