using ActorTcp.Actors.Dispatch;
using ActorTcp.Actors.Event;
using ActorTcp.Actors.Supervision;

namespace ActorTcp.Actors.Cells;

/// <summary>Children: creation, names, stopping, and supervising their failures.</summary>
internal sealed partial class ActorCell
{
    private ChildrenContainer? _children;

    public IReadOnlyCollection<IActorRef> Children
    {
        get
        {
            lock (this)
            {
                if (_children is not { Count: > 0 } children)
                {
                    return [];
                }

                var snapshot = new List<IActorRef>(children.Count);
                foreach (var stats in children.Stats)
                {
                    snapshot.Add(stats.Child);
                }

                return snapshot;
            }
        }
    }

    public IActorRef Child(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (this)
        {
            return _children?.Find(name)?.Child ?? ActorRefs.Nobody;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null)
        {
            ValidateName(name);
        }

        ActorCell child;
        lock (this)
        {
            if (_children is { IsTerminating: true })
            {
                throw new InvalidOperationException($"Cannot create a child of [{Path}]: it is stopping");
            }

            var children = _children ??= new ChildrenContainer();
            name ??= children.NextGeneratedName();
            if (children.Contains(name))
            {
                throw new InvalidActorNameException($"Actor name [{name}] is not unique among the children of [{Path}]");
            }

            child = new ActorCell(_system, props, _self, Path.Child(name));
            children.Add(name, new ChildRestartStats(child.SelfRef));
        }

        child.SendSystemMessage(new Create());
        return child.Self;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not LocalActorRef local)
        {
            return;
        }

        lock (this)
        {
            if (_children?.Find(local) is { } stats)
            {
                stats.IsStopping = true;
            }
        }

        local.Cell.SendSystemMessage(new Terminate());
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0)
        {
            throw new InvalidActorNameException("Actor name must not be empty");
        }

        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"Actor name [{name}] must not start with '$', which is reserved for generated names");
        }

        foreach (var c in name)
        {
            if (c == '/' || c == '#' || c == '?' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new InvalidActorNameException(
                    $"Actor name [{name}] contains an invalid character; '/', '#', '?', whitespace and control characters are not allowed");
            }
        }
    }

    private SupervisorStrategy StrategyForChildren() =>
        _props?.SupervisorStrategy ?? _actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;

    /// <summary>A child failed: apply this actor's supervisor strategy to it.</summary>
    private void HandleFailed(Failed failed)
    {
        if (_isTerminating || failed.Child is not LocalActorRef child)
        {
            return;
        }

        ChildRestartStats? stats;
        lock (this)
        {
            stats = _children?.Find(child);
        }

        if (stats is null || stats.IsStopping)
        {
            return;
        }

        var cause = failed.Cause;
        var strategy = StrategyForChildren();
        var directive = strategy.Decide(cause);
        if (directive == Directive.Restart
            && (!child.Cell.IsRestartable || !strategy.RequestRestartPermission(stats, _system.TimeProvider)))
        {
            // Props made WithoutRestart promise the actor is never re-created: a restart stops it.
            directive = Directive.Stop;
        }

        if (directive == Directive.Escalate && _parent is RootGuardianActorRef)
        {
            ActorLog.EscalatedToGuardian(_system.SupervisionLog, cause, child.Path);
            StopChild(stats);
            return;
        }

        switch (directive)
        {
            case Directive.Resume:
                ActorLog.ActorFailureResumed(_system.SupervisionLog, cause, child.Path);
                child.SendSystemMessage(new Resume());
                break;
            case Directive.Restart:
                ActorLog.ActorFailed(_system.SupervisionLog, cause, child.Path, directive);
                child.SendSystemMessage(new Recreate(cause));
                break;
            case Directive.Stop:
                ActorLog.ActorFailed(_system.SupervisionLog, cause, child.Path, directive);
                StopChild(stats);
                break;
            default:
                // Escalate: this actor fails with the child's exception; the parent decides and logs.
                HandleInvokeFailure(cause);
                break;
        }
    }

    private void StopChild(ChildRestartStats stats)
    {
        lock (this)
        {
            stats.IsStopping = true;
        }

        stats.Child.SendSystemMessage(new Terminate());
    }

    private void ResumeChildren()
    {
        foreach (var child in Children)
        {
            ((LocalActorRef)child).SendSystemMessage(new Resume());
        }
    }

    private bool AnyChildStopping()
    {
        lock (this)
        {
            return _children?.AnyStopping() ?? false;
        }
    }

    /// <summary>Closes the children to new members and stops them all; true when there were none.</summary>
    private bool StopAllChildrenForTermination()
    {
        List<LocalActorRef> toStop;
        lock (this)
        {
            if (_children is not { IsEmpty: false } children)
            {
                _children = ChildrenContainer.TerminatingEmpty;
                return true;
            }

            children.IsTerminating = true;
            toStop = new List<LocalActorRef>(children.Count);
            foreach (var stats in children.Stats)
            {
                stats.IsStopping = true;
                toStop.Add(stats.Child);
            }
        }

        foreach (var child in toStop)
        {
            child.SendSystemMessage(new Terminate());
        }

        return false;
    }

    /// <summary>A child has terminated: free its name, and finish a pending stop or restart that waited for it.</summary>
    private void HandleChildTerminated(LocalActorRef child)
    {
        bool allGone;
        lock (this)
        {
            if (_children is not { } children || !children.Remove(child))
            {
                return;
            }

            allGone = children.IsEmpty;
        }

        if (_isTerminating)
        {
            if (allGone)
            {
                FinishTermination();
            }
        }
        else if (_pendingRecreateCause is { } cause && !AnyChildStopping())
        {
            // Only a restart waits for stopping children; scanning them on every other child's
            // end would cost a parent of thousands of connections a pass over all of them each time.
            FinishRecreate(cause);
        }
    }
}
