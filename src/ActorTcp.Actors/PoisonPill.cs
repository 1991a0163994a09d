namespace ActorTcp.Actors;

/// <summary>
/// Stops the receiving actor once it has processed the messages enqueued before the pill; the
/// messages after it go to dead letters.
/// </summary>
public sealed class PoisonPill
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "<PoisonPill>";
}
