using ActorTcp.Actors.Cells;

namespace ActorTcp.Actors.Dispatch;

/// <summary>
/// A message about an actor's life rather than its work: creation, supervision and death watch.
/// System messages travel in their own queue, which a run drains before any user message. The
/// whole protocol is listed in this file.
/// </summary>
/// <remarks>
/// The queue is intrusive: each message carries its own link, so an actor with no pending system
/// message holds nothing but a null reference. A message instance is enqueued at most once.
/// </remarks>
internal abstract class SystemMessage
{
    internal SystemMessage? Next;
}

/// <summary>Creates the actor instance and runs <c>PreStart</c>; always the first system message.</summary>
internal sealed class Create : SystemMessage
{
}

/// <summary>From the supervisor: restart after <see cref="Cause"/>, keeping the mailbox.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>From the supervisor: continue with the same instance after a failure.</summary>
internal sealed class Resume : SystemMessage
{
}

/// <summary>Stops the actor: children first, then <c>PostStop</c>, then watchers are told.</summary>
internal sealed class Terminate : SystemMessage
{
}

/// <summary>From a child to its parent: the child failed, is suspended, and waits for a directive.</summary>
internal sealed class Failed(IInternalActorRef child, Exception cause) : SystemMessage
{
    public IInternalActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;
}

/// <summary>To <see cref="Watchee"/>: tell <see cref="Watcher"/> when you terminate.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>To <see cref="Watchee"/>: <see cref="Watcher"/> no longer wants to hear of your end.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>
/// To a watcher or the parent: <see cref="Actor"/> has terminated. The receiving cell turns it into
/// a <see cref="Terminated"/> user message for watchers and into child bookkeeping for the parent.
/// </summary>
internal sealed class DeathWatchNotification(IInternalActorRef actor, bool existenceConfirmed, bool addressTerminated)
    : SystemMessage
{
    public IInternalActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;

    public bool AddressTerminated { get; } = addressTerminated;
}
