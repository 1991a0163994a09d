namespace ActorTcp.Hocon.Tests.Support;

/// <summary>A theory that needs the shared HOCON corpus; see <see cref="CorpusFactAttribute"/>.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (Corpus.SkipReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
