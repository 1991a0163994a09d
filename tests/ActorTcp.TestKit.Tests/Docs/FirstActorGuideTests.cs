using ActorTcp.TestKit.Docs;

namespace ActorTcp.TestKit.Tests.Docs;

/// <summary>docs/first-actor.md shows only code that this folder compiles and runs.</summary>
public sealed class FirstActorGuideTests
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
        // Act
        var guide = GuideCode.Read(GuidePath, CodeFolder);

        // Assert
        Assert.Equal(3, guide.BlockCount);
        Assert.True(guide.Missing.Count == 0, guide.DescribeMissing());
    }
}
