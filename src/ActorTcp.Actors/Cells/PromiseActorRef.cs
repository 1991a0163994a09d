using ActorTcp.Actors.Scheduling;

namespace ActorTcp.Actors.Cells;

/// <summary>
/// The temporary sender of an <c>Ask</c>: the first reply completes the task (a
/// <see cref="Status.Failure"/> faults it), later replies go to dead letters. It has no mailbox.
/// It is its own timeout callback on the system scheduler, so a virtual clock drives ask timeouts too.
/// </summary>
internal sealed class PromiseActorRef<T> : MinimalActorRef, IScheduledCallback
{
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorSystem _system;
    private readonly IActorRef _target;
    private readonly Type _messageType;
    private readonly TimeSpan _timeout;
    private ActorPath? _path;
    private ICancelable? _timeoutHandle;
    private CancellationTokenRegistration _cancellationRegistration;

    public PromiseActorRef(ActorSystem system, IActorRef target, Type messageType, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _system = system;
        _target = target;
        _messageType = messageType;
        _timeout = timeout;
        StartTimeout();
        if (cancellationToken.CanBeCanceled)
        {
            _cancellationRegistration = cancellationToken.UnsafeRegister(
                static (state, token) => ((PromiseActorRef<T>)state!).Complete(p => p.TrySetCanceled(token)), this);
        }
    }

    public Task<T> Task => _promise.Task;

    public override ActorPath Path => _path ??= _system.NextTemporaryPath();

    public override ActorSystem System => _system;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var completed = message switch
        {
            Status.Failure failure => Complete(p => p.TrySetException(failure.Cause)),
            T reply => Complete(p => p.TrySetResult(reply)),
            _ => Complete(p => p.TrySetException(new InvalidCastException(
                $"Ask of [{_target.Path}] expected a reply of type [{typeof(T).FullName}] but got [{message.GetType().FullName}]"))),
        };
        if (!completed)
        {
            _system.PublishDeadLetter(message, ActorCell.ResolveSender(sender), this);
        }
    }

    /// <summary>Runs on the scheduler's thread when the reply deadline has passed.</summary>
    void IScheduledCallback.Run() => OnTimeout();

    /// <summary>Arms the reply deadline on the system scheduler.</summary>
    private void StartTimeout()
    {
        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        _timeoutHandle = _system.WheelScheduler.Schedule(_timeout, this);
        if (_timeoutHandle.IsCancellationRequested)
        {
            // The system has terminated and its scheduler with it: no reply can come any more.
            OnTimeout();
        }
    }

    private void OnTimeout() => Complete(p => p.TrySetException(new AskTimeoutException(
        $"Ask timed out on [{_target.Path}] after [{_timeout.TotalMilliseconds} ms] waiting for a reply to a message of type [{_messageType.FullName}]")));

    private bool Complete(Func<TaskCompletionSource<T>, bool> complete)
    {
        if (!complete(_promise))
        {
            return false;
        }

        _timeoutHandle?.Cancel();
        _cancellationRegistration.Dispose();
        return true;
    }
}
