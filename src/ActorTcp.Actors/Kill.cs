namespace ActorTcp.Actors;

/// <summary>
/// Makes the receiving actor fail with an <see cref="ActorKilledException"/>, which its supervisor
/// handles like any failure (the default strategy stops it).
/// </summary>
public sealed class Kill
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "<Kill>";
}
