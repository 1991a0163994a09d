namespace ActorTcp.Actors;

/// <summary>
/// Tells a watcher that a watched actor has stopped; delivered exactly once per watch, also when the
/// actor was already dead when it was watched. An actor that does not handle it fails with a
/// <see cref="DeathPactException"/>.
/// </summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">
/// True when the actor was seen alive by the runtime; false when it was already gone when watched.
/// </param>
/// <param name="AddressTerminated">Always false here: there is no remoting.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated);
