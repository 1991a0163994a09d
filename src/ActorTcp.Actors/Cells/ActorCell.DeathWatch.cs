using ActorTcp.Actors.Dispatch;
using ActorTcp.Actors.Supervision;

namespace ActorTcp.Actors.Cells;

/// <summary>Death watch: who this actor watches, who watches it, and delivering <see cref="Terminated"/> exactly once.</summary>
internal sealed partial class ActorCell
{
    private DeathWatchState? _deathWatch;

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        var target = AsInternal(subject);
        if (WatchedChild(target) is { } child)
        {
            child.IsWatched = false;
        }
        else if (_deathWatch?.Watching is { } watching && watching.Remove(target))
        {
            target.SendSystemMessage(new Unwatch(target, _self));
        }

        _deathWatch?.TerminatedQueued?.Remove(target);
        return subject;
    }

    private IActorRef WatchCore(IActorRef subject, object? customMessage)
    {
        var target = AsInternal(subject);
        if (ReferenceEquals(target, _self))
        {
            return subject;
        }

        var state = _deathWatch ??= new DeathWatchState();
        var child = ChildStats(target);
        object? existing = null;
        if (child is { IsWatched: true } || state.Watching?.TryGetValue(target, out existing) == true)
        {
            if (!Equals(existing, customMessage))
            {
                throw new InvalidOperationException(
                    $"[{Path}] already watches [{target.Path}] with a different termination message; Unwatch it first");
            }

            return subject;
        }

        if (state.TerminatedQueued?.ContainsKey(target) == true)
        {
            return subject;
        }

        if (customMessage is null && child is not null)
        {
            // The parent hears of its child's end in every case, so the mark on the child's record
            // is all a watch needs: no entry here, no Watch message. Supervisors watch every child.
            child.IsWatched = true;
            return subject;
        }

        (state.Watching ??= new Dictionary<IInternalActorRef, object?>()).Add(target, customMessage);
        target.SendSystemMessage(new Watch(target, _self));
        return subject;
    }

    /// <summary>The record of a child of this actor (alive or stopping, not yet reported terminated), or null.</summary>
    private ChildRestartStats? ChildStats(IInternalActorRef actor)
    {
        if (actor is not LocalActorRef local)
        {
            return null;
        }

        lock (this)
        {
            return _children?.Find(local);
        }
    }

    /// <summary>The record of a child this actor watches with <see cref="Terminated"/> (see <see cref="WatchCore"/>), or null.</summary>
    private ChildRestartStats? WatchedChild(IInternalActorRef actor) =>
        ChildStats(actor) is { IsWatched: true } stats ? stats : null;

    private static IInternalActorRef AsInternal(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject as IInternalActorRef
            ?? throw new ArgumentException($"Cannot watch [{subject.Path}]: it is not an actor reference of this runtime", nameof(subject));
    }

    private void AddWatcher(Watch watch)
    {
        // The parent is told of this actor's end in every case (see TellWatchersWeDied), so a parent
        // that watches its child needs no entry here; supervisors watch every child, and the set
        // would otherwise cost each child about 200 bytes.
        if (ReferenceEquals(watch.Watchee, _self) && !ReferenceEquals(watch.Watcher, _self) && !ReferenceEquals(watch.Watcher, _parent))
        {
            var state = _deathWatch ??= new DeathWatchState();
            (state.WatchedBy ??= new HashSet<IInternalActorRef>()).Add(watch.Watcher);
        }
    }

    private void RemoveWatcher(Unwatch unwatch)
    {
        if (ReferenceEquals(unwatch.Watchee, _self))
        {
            _deathWatch?.WatchedBy?.Remove(unwatch.Watcher);
        }
    }

    /// <summary>A watched actor or a child has terminated.</summary>
    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        var actor = notification.Actor;
        if (StopWatching(actor, out var customMessage) && !_isTerminating)
        {
            var queued = (_deathWatch ??= new DeathWatchState()).TerminatedQueued ??= new Dictionary<IInternalActorRef, object?>();
            queued.TryAdd(actor, customMessage);
            SendMessage(new Terminated(actor, notification.ExistenceConfirmed, notification.AddressTerminated), actor);
        }

        if (actor is LocalActorRef child)
        {
            HandleChildTerminated(child);
        }
    }

    /// <summary>Forgets a watch on <paramref name="actor"/>; true, with its WatchWith message (or null), when there was one.</summary>
    private bool StopWatching(IInternalActorRef actor, out object? customMessage)
    {
        customMessage = null;
        if (WatchedChild(actor) is { } child)
        {
            child.IsWatched = false;
            return true;
        }

        return _deathWatch?.Watching is { } watching && watching.Remove(actor, out customMessage);
    }

    /// <summary>A queued <see cref="Terminated"/> comes up: deliver it (or the WatchWith message) unless unwatched since.</summary>
    private void ReceivedTerminated(Terminated terminated)
    {
        if (terminated.ActorRef is not IInternalActorRef actor
            || _deathWatch?.TerminatedQueued is not { } queued
            || !queued.Remove(actor, out var customMessage))
        {
            return;
        }

        var message = customMessage ?? terminated;
        _currentMessage = message;
        _actor!.InvokeReceive(message);
    }

    private void UnwatchAll()
    {
        if (_deathWatch is not { } state)
        {
            return;
        }

        if (state.Watching is { } watching)
        {
            foreach (var target in watching.Keys)
            {
                target.SendSystemMessage(new Unwatch(target, _self));
            }

            watching.Clear();
        }

        lock (this)
        {
            if (_children is { } children)
            {
                foreach (var child in children.Stats)
                {
                    child.IsWatched = false;
                }
            }
        }

        state.TerminatedQueued = null;
    }

    private void TellWatchersWeDied()
    {
        if (_deathWatch?.WatchedBy is not { } watchers)
        {
            return;
        }

        foreach (var watcher in watchers)
        {
            // The parent hears separately, and last, so it sees every watcher already notified.
            if (!ReferenceEquals(watcher, _parent))
            {
                watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true, addressTerminated: false));
            }
        }

        watchers.Clear();
    }
}
