using ActorTcp.Actors.Dispatch;

namespace ActorTcp.Actors.Cells;

/// <summary>
/// A reference with no cell behind it (dead letters, <see cref="ActorRefs.Nobody"/>, ask replies, the
/// root). It can be watched, and then reports itself terminated at once, as in Akka.
/// </summary>
internal abstract class MinimalActorRef : IInternalActorRef
{
    public abstract ActorPath Path { get; }

    public abstract ActorSystem? System { get; }

    public abstract void Tell(object message, IActorRef? sender = null);

    public virtual void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && ReferenceEquals(watch.Watchee, this))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false, addressTerminated: false));
        }
    }

    public override string ToString() => $"[{Path}]";
}
