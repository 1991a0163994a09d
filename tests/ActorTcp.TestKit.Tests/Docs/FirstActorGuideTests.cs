using System.Text.RegularExpressions;

namespace ActorTcp.TestKit.Tests.Docs;

/// <summary>docs/first-actor.md shows only code that this folder compiles and runs.</summary>
public sealed partial class FirstActorGuideTests
{
    private const string GuidePath = "docs/first-actor.md";
    private const string CodeFolder = "tests/ActorTcp.TestKit.Tests/Docs";

    [Fact]
    public async Task HelloProgram_GreetsThroughTellAndAsk()
    {
        // Act
        var greeting = await HelloProgram.RunAsync();

        // Assert
        Assert.Equal("Hello, Grace!", greeting);
    }

    [Fact]
    public void EveryCodeBlockOfTheGuide_IsCodeOfThisFolder()
    {
        // Arrange: blocks and sources are compared line by line, ignoring indentation; the guide
        // leaves out the namespace line, which is this folder's and not the reader's.
        var root = RepositoryRoot();
        var guide = File.ReadAllText(Path.Combine(root, GuidePath));
        var sources = Directory.GetFiles(Path.Combine(root, CodeFolder), "*.cs")
            .Select(file => TrimmedLines(NamespaceLine().Replace(File.ReadAllText(file).ReplaceLineEndings("\n"), string.Empty)))
            .ToList();

        // Act
        var blocks = CodeBlock().Matches(guide).Select(m => TrimmedLines(m.Groups["code"].Value)).ToList();
        var missing = blocks.Where(block => !sources.Any(source => ContainsRun(source, block))).ToList();

        // Assert
        Assert.Equal(3, blocks.Count);
        Assert.True(missing.Count == 0, "guide code not found in " + CodeFolder + ":\n" + string.Join("\n---\n", missing.Select(b => string.Join('\n', b))));
    }

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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, GuidePath)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"{GuidePath} not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("^namespace [^\n]*;\n\n", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex("```csharp\\n(?<code>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
