using System.Text.RegularExpressions;

namespace ActorTcp.TestKit.Docs;

/// <summary>
/// Keeps a Markdown guide honest: every <c>```csharp</c> block of the guide must stand, line for line,
/// in one of the C# files of a folder that the test suite compiles and runs. Lines are compared
/// without their indentation, and the files' <c>namespace</c> line is ignored (it is the folder's,
/// not the reader's).
/// </summary>
/// <example>
/// <code>
/// var guide = GuideCode.Read("docs/first-actor.md", "tests/ActorTcp.TestKit.Tests/Docs");
/// Assert.Equal(3, guide.BlockCount);
/// Assert.True(guide.Missing.Count == 0, guide.DescribeMissing());
/// </code>
/// </example>
public sealed partial class GuideCode
{
    private GuideCode(string codeFolder, int blockCount, IReadOnlyList<string> missing)
    {
        CodeFolder = codeFolder;
        BlockCount = blockCount;
        Missing = missing;
    }

    /// <summary>The folder whose files were searched, relative to the repository root.</summary>
    public string CodeFolder { get; }

    /// <summary>How many C# blocks the guide has.</summary>
    public int BlockCount { get; }

    /// <summary>The blocks not found in any file of the folder, each as its trimmed lines joined.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Reads the guide and the folder, both relative to the repository root found above the test's output.</summary>
    /// <param name="guidePath">The guide, e.g. <c>docs/outbound.md</c>.</param>
    /// <param name="codeFolder">The folder of compiled code the guide quotes.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="InvalidOperationException">No folder above the test's output holds <paramref name="guidePath"/>.</exception>
    public static GuideCode Read(string guidePath, string codeFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(guidePath);
        ArgumentException.ThrowIfNullOrEmpty(codeFolder);
        var root = RepositoryRoot(guidePath);
        var guide = File.ReadAllText(Path.Combine(root, guidePath));
        var sources = Directory.GetFiles(Path.Combine(root, codeFolder), "*.cs")
            .Select(file => TrimmedLines(NamespaceLine().Replace(File.ReadAllText(file).ReplaceLineEndings("\n"), string.Empty)))
            .ToList();
        var blocks = CodeBlock().Matches(guide).Select(m => TrimmedLines(m.Groups["code"].Value)).ToList();
        var missing = blocks
            .Where(block => !sources.Any(source => ContainsRun(source, block)))
            .Select(block => string.Join('\n', block))
            .ToList();
        return new GuideCode(codeFolder, blocks.Count, missing);
    }

    /// <summary>A failure message listing the missing blocks.</summary>
    /// <returns>The message.</returns>
    public string DescribeMissing() => "guide code not found in " + CodeFolder + ":\n" + string.Join("\n---\n", Missing);

    private static string[] TrimmedLines(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim())];

    private static bool ContainsRun(string[] source, string[] block)
    {
        for (var start = 0; start + block.Length <= source.Length; start++)
        {
            if (source.AsSpan(start, block.Length).SequenceEqual(block))
            {
                return true;
            }
        }

        return false;
    }

    private static string RepositoryRoot(string guidePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, guidePath)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"{guidePath} not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("^namespace [^\n]*;\n\n", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex("```csharp\\n(?<code>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
