namespace ActorTcp.Hocon.Tests.Support;

/// <summary>
/// A fact that needs the shared HOCON corpus: skipped with a message naming the folder when it is missing
/// locally, but run (and failing) when CI=true.
/// </summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (Corpus.SkipReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
