namespace ActorTcp.Actors;

/// <summary>
/// Implemented by actors that stash messages; the runtime assigns <see cref="Stash"/> right after
/// the instance is constructed (so it is not available inside the constructor).
/// </summary>
/// <example>
/// <code>
/// public sealed class Connector : ReceiveActor, IWithStash
/// {
///     public IStash Stash { get; set; } = null!;
///
///     public Connector()
///     {
///         Receive&lt;Connected&gt;(_ => { Become(Ready); Stash.UnstashAll(); });
///         ReceiveAny(_ => Stash.Stash());
///     }
/// }
/// </code>
/// </example>
public interface IWithStash
{
    /// <summary>The actor's stash, set by the runtime.</summary>
    IStash Stash { get; set; }
}
