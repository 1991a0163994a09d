namespace ActorTcp.Hocon.Tests.Support;

public sealed class CorpusSkipTests
{
    [Fact]
    public void MissingCorpus_Locally_IsSkippedWithAMessageNamingTheFolder()
    {
        var reason = Corpus.SkipReason("/nowhere/hocon-corpus", exists: false, ci: null);

        Assert.Equal("The HOCON corpus folder /nowhere/hocon-corpus is missing (it is required when CI=true).", reason);
    }

    [Fact]
    public void MissingCorpus_OnCi_IsNotSkipped()
    {
        Assert.Null(Corpus.SkipReason("/nowhere/hocon-corpus", exists: false, ci: "true"));
    }

    [Fact]
    public void PresentCorpus_IsNeverSkipped()
    {
        Assert.Null(Corpus.SkipReason("/somewhere/hocon-corpus", exists: true, ci: null));
    }

    [Fact]
    public void CorpusFolder_IsTheSharedFolderBesideTheRepository()
    {
        Assert.EndsWith(Path.Combine("shared", "hocon-corpus"), Corpus.Folder, StringComparison.Ordinal);
    }
}
