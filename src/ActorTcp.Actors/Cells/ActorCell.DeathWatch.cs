using ActorTcp.Actors.Dispatch;

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
        if (_deathWatch is { } state)
        {
            if (state.Watching is { } watching && watching.Remove(target))
            {
                target.SendSystemMessage(new Unwatch(target, _self));
            }

            state.TerminatedQueued?.Remove(target);
        }

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
        var watching = state.Watching ??= new Dictionary<IInternalActorRef, object?>();
        if (watching.TryGetValue(target, out var existing))
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

        watching.Add(target, customMessage);
        target.SendSystemMessage(new Watch(target, _self));
        return subject;
    }

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
        if (_deathWatch is { Watching: { } watching } state && watching.Remove(actor, out var customMessage) && !_isTerminating)
        {
            var queued = state.TerminatedQueued ??= new Dictionary<IInternalActorRef, object?>();
            queued.TryAdd(actor, customMessage);
            SendMessage(new Terminated(actor, notification.ExistenceConfirmed, notification.AddressTerminated), actor);
        }

        if (actor is LocalActorRef child)
        {
            HandleChildTerminated(child);
        }
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
