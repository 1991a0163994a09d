using ActorTcp.Hocon.Tests.Support;

namespace ActorTcp.Hocon.Tests.Conformance;

/// <summary>
/// lightbend/config's equivalence fixtures: every top-level .conf/.json file of an equivNN folder is a
/// different spelling of that folder's original.json.
/// </summary>
public sealed class EquivalenceTests
{
    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        if (!Corpus.IsAvailable)
        {
            return data;
        }

        foreach (var folder in Directory.GetDirectories(Corpus.Lightbend, "equiv*").Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if ((name.EndsWith(".conf", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal))
                    && !name.StartsWith("original.", StringComparison.Ordinal))
                {
                    data.Add(Path.GetFileName(folder), name);
                }
            }
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(Files))]
    public void EquivalentFile_ResolvesToTheOriginalTree(string folder, string file)
    {
        var directory = Path.Combine(Corpus.Lightbend, folder);
        var expected = HoconConfig.ParseFile(Path.Combine(directory, "original.json"), TestHocon.NoEnvironment);

        var actual = HoconConfig.ParseFile(Path.Combine(directory, file), TestHocon.NoEnvironment);

        TreeAssert.Equal(expected.Root, actual.Root);
    }

    [CorpusFact]
    public void EveryEquivalenceFolder_IsCovered()
    {
        var folders = ((IEnumerable<object[]>)Files()).Select(row => (string)row[0]).Distinct().Count();
        var files = ((IEnumerable<object[]>)Files()).Count();

        Assert.Equal(5, folders);
        Assert.Equal(15, files);
    }
}
