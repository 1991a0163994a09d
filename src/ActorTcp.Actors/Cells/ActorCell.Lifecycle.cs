using ActorTcp.Actors.Dispatch;
using ActorTcp.Actors.Event;
using ActorTcp.Actors.Timers;

namespace ActorTcp.Actors.Cells;

/// <summary>Creation, failure, restart and termination of the actor instance.</summary>
internal sealed partial class ActorCell
{
    private bool _isFailed;
    private bool _isTerminating;
    private bool _isTerminated;
    private Exception? _pendingRecreateCause;

    private void CreateActor()
    {
        try
        {
            _actor = NewActorInstance();
            ForgetPropsNeverUsedAgain();
            _actor.InvokePreStart();
        }
        catch (Exception exception)
        {
            HandleInvokeFailure(AsInitializationFailure(exception, "creating"));
        }
    }

    /// <summary>
    /// An actor that is never re-created has no use for its props (and the factory's state they
    /// hold) once its instance exists; props that name a supervisor strategy stay for it.
    /// </summary>
    private void ForgetPropsNeverUsedAgain()
    {
        if (!_isRestartable && _props is { SupervisorStrategy: null })
        {
            _props = null;
        }
    }

    private ActorBase NewActorInstance()
    {
        // Only a first creation, or a re-creation of a restartable actor, gets here: both keep the props.
        var props = _props!;
        var previous = t_underConstruction;
        t_underConstruction = this;
        ActorBase actor;
        try
        {
            actor = props.NewActor();
        }
        finally
        {
            t_underConstruction = previous;
        }

        if (actor is null || !ReferenceEquals(actor.Cell, this))
        {
            throw new ActorInitializationException(_self,
                $"The props of {Path} must create a new {props.ActorType.Name} instance on every call", null);
        }

        actor.OnConstructed();
        InitializeInstance(actor);
        return actor;
    }

    /// <summary>Wires per-instance services into a fresh actor instance; the place where optional actor interfaces are honoured.</summary>
    private void InitializeInstance(ActorBase actor)
    {
        if (actor is IWithStash withStash)
        {
            withStash.Stash = new ActorStash(this);
        }

        if (actor is IWithTimers withTimers)
        {
            withTimers.Timers = CellTimers();
        }
    }

    /// <summary>The cell's keyed timers, made and installed as an interceptor on first use; every incarnation shares them.</summary>
    private TimerScheduler CellTimers()
    {
        if (_interceptors is TimerScheduler existing)
        {
            return existing;
        }

        if (_interceptors is ICellInterceptor[] interceptors)
        {
            foreach (var interceptor in interceptors)
            {
                if (interceptor is TimerScheduler found)
                {
                    return found;
                }
            }
        }

        var timers = new TimerScheduler(this);
        AddInterceptor(timers);
        return timers;
    }

    /// <summary>The actor threw: suspend it and ask the parent for a directive (once per failure).</summary>
    private void HandleInvokeFailure(Exception cause)
    {
        if (_isTerminating)
        {
            ActorLog.LifecycleHookFailed(_system.Log, cause, Path, "a message handler while stopping");
            return;
        }

        if (_isFailed)
        {
            ActorLog.FailureWhileFailed(_system.Log, cause, Path);
            return;
        }

        _isFailed = true;
        Suspend();
        _parent.SendSystemMessage(new Failed(_self, cause));
    }

    private void FaultResume()
    {
        if (!_isFailed || _isTerminating)
        {
            return;
        }

        if (_actor is null)
        {
            FaultCreate();
            return;
        }

        _isFailed = false;
        ClearCurrentMessage();
        Unsuspend();
        ResumeChildren();
    }

    private void FaultCreate()
    {
        _isFailed = false;
        ClearCurrentMessage();
        Unsuspend();
        CreateActor();
    }

    private void FaultRecreate(Exception cause)
    {
        if (!_isFailed || _isTerminating)
        {
            return;
        }

        if (_actor is null)
        {
            FaultCreate();
            return;
        }

        var failedActor = _actor;
        var failedMessage = _currentMessage;
        try
        {
            RunInterceptors(static interceptor => interceptor.OnRestart());
            if (failedActor is IWithStash { Stash: { } stash })
            {
                stash.UnstashAll();
            }

            failedActor.InvokePreRestart(cause, failedMessage);
        }
        catch (Exception exception)
        {
            ActorLog.LifecycleHookFailed(_system.Log, exception, Path, "PreRestart");
        }
        finally
        {
            _actor = null;
            ClearCurrentMessage();
        }

        // Children stopped by PreRestart must be gone before the new instance may reuse their names.
        if (AnyChildStopping())
        {
            _pendingRecreateCause = cause;
            return;
        }

        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        _pendingRecreateCause = null;
        _isFailed = false;
        try
        {
            var fresh = NewActorInstance();
            _actor = fresh;
            fresh.InvokePostRestart(cause);
            Unsuspend();
        }
        catch (Exception exception)
        {
            HandleInvokeFailure(AsInitializationFailure(exception, "restarting"));
        }
    }

    private ActorInitializationException AsInitializationFailure(Exception exception, string stage) =>
        exception as ActorInitializationException
        ?? new ActorInitializationException(_self, $"Exception while {stage} actor {Path}: {exception.Message}", exception);

    private void BeginTermination()
    {
        if (_isTerminating)
        {
            return;
        }

        _isTerminating = true;
        _pendingRecreateCause = null;
        Suspend();
        UnwatchAll();
        if (StopAllChildrenForTermination())
        {
            FinishTermination();
        }
    }

    /// <summary>Runs once every child has terminated: PostStop, then the news goes out.</summary>
    private void FinishTermination()
    {
        if (_isTerminated)
        {
            return;
        }

        var actor = _actor;
        try
        {
            if (actor is not null)
            {
                RunInterceptors(static interceptor => interceptor.OnStop());
                actor.InvokePostStop();
            }
        }
        catch (Exception exception)
        {
            ActorLog.LifecycleHookFailed(_system.Log, exception, Path, "PostStop");
        }
        finally
        {
            _isTerminated = true;
            SendLeftoversToDeadLetters(actor);
            Close();
            TellWatchersWeDied();
            _parent.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true, addressTerminated: false));
            _actor = null;
            _interceptors = null;
            _deathWatch = null;
            ClearCurrentMessage();
        }
    }

    private void SendLeftoversToDeadLetters(ActorBase? actor)
    {
        if (actor is IWithStash { Stash: { } stash })
        {
            foreach (var envelope in stash.ClearStash())
            {
                _system.PublishDeadLetter(envelope.Message, envelope.Sender, _self);
            }
        }

        if (_unstashed is { } unstashed)
        {
            for (var i = unstashed.Count - 1; i >= 0; i--)
            {
                _system.PublishDeadLetter(unstashed[i].Message, unstashed[i].Sender, _self);
            }

            _unstashed = null;
        }
    }

    private void RunInterceptors(Action<ICellInterceptor> hook)
    {
        if (_interceptors is ICellInterceptor single)
        {
            hook(single);
        }
        else if (_interceptors is ICellInterceptor[] interceptors)
        {
            foreach (var interceptor in interceptors)
            {
                hook(interceptor);
            }
        }
    }
}
