namespace ActorTcp.Actors;

/// <summary>
/// Implemented by actors that use keyed timers; the runtime assigns <see cref="Timers"/> right after
/// the instance is constructed and before <c>PreStart</c> (so it is not available inside the constructor).
/// </summary>
/// <example>
/// <code>
/// public sealed class Session : ReceiveActor, IWithTimers
/// {
///     public ITimerScheduler Timers { get; set; } = null!;
///
///     public Session()
///     {
///         Receive&lt;Activity&gt;(_ => Timers.StartSingleTimer("idle", new IdleTimeout(), TimeSpan.FromSeconds(30)));
///         Receive&lt;IdleTimeout&gt;(_ => Context.Stop(Self));
///     }
///
///     protected override void PreStart() => Timers.StartSingleTimer("idle", new IdleTimeout(), TimeSpan.FromSeconds(30));
/// }
/// </code>
/// </example>
public interface IWithTimers
{
    /// <summary>The actor's keyed timers, set by the runtime.</summary>
    ITimerScheduler Timers { get; set; }
}
