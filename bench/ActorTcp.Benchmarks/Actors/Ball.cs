namespace ActorTcp.Benchmarks.Actors;

/// <summary>
/// The message every actor suite passes around, on both sides. One shared immutable instance, so
/// neither the actors nor the <c>ActionBlock</c> baseline pay for allocating messages: what is
/// measured is the cost of delivering them.
/// </summary>
public sealed class Ball
{
    /// <summary>The one instance.</summary>
    public static readonly Ball Instance = new();

    private Ball()
    {
    }
}
