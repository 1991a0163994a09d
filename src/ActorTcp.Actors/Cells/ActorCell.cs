using ActorTcp.Actors.Dispatch;
using ActorTcp.Actors.Event;

namespace ActorTcp.Actors.Cells;

/// <summary>
/// The runtime half of one actor: mailbox, run loop, children, supervision and death watch. It is
/// also the actor's <see cref="IActorContext"/> and the thread-pool work item that runs it.
/// </summary>
/// <remarks>
/// <para>
/// Scheduling: <see cref="_status"/> is the only shared state. Producers append to a lock-free queue
/// and then flip the <see cref="Scheduled"/> bit with one compare-and-swap; whoever flips it queues
/// the cell on the thread pool. A run drains the system messages, processes at most
/// <see cref="ActorSystemSettings.Throughput"/> user messages (system messages again after each),
/// clears the bit, and re-queues itself if work arrived meanwhile. An idle cell is therefore never
/// on the thread pool and holds only its stub queue node.
/// </para>
/// <para>
/// Hand-off: when a run's tell makes an idle actor runnable (a reply in a request-response exchange), that
/// one actor is kept in a per-thread slot instead of going through the thread-pool queue, and runs
/// on the same thread as soon as the current run ends — the "run next" slot of Go's and Tokio's
/// schedulers. It saves a queue round trip and a cross-core migration per message in
/// conversations between actors. The slot never holds a cell longer than the rest of the current
/// message: it is released to the pool before the running actor takes its next message, after at
/// most <see cref="MaxHandOffs"/> consecutive hand-offs, and by <c>Ask</c> (which callers may block on).
/// </para>
/// <para>
/// Completions: a tell from an I/O completion (<see cref="SendMessageFromCompletion"/>) that makes
/// the actor runnable on a pool thread running no actor takes the run on that thread instead of
/// queueing it, as an awaited socket operation runs its continuation: the completion's work item
/// ends with the tell, so the pool round trip would be pure cost.
/// </para>
/// <para>
/// Every other field is touched only by the run that owns the <see cref="Scheduled"/> bit (whose
/// atomic hand-over orders the memory accesses of successive runs), except the children container,
/// which is locked because top-level actors are created and stopped from any thread.
/// </para>
/// </remarks>
internal sealed partial class ActorCell : IActorContext, IThreadPoolWorkItem
{
    /// <summary>The cell is queued on, or running on, the thread pool.</summary>
    private const int Scheduled = 1;

    /// <summary>User messages wait: the actor failed, is restarting or is stopping.</summary>
    private const int Suspended = 2;

    /// <summary>The actor has terminated; user messages go to dead letters.</summary>
    private const int Closed = 4;

    /// <summary>Consecutive runs one pool work item may carry through the hand-off slot before it yields the thread.</summary>
    private const int MaxHandOffs = 32;

    [ThreadStatic]
    private static ActorCell? t_underConstruction;

    [ThreadStatic]
    private static ActorCell? t_handOff;

    [ThreadStatic]
    private static LocalActorRef? t_runningSelf;

    private readonly ActorSystem _system;
    private readonly bool _isRestartable;

    /// <summary>The actor's props; null once an actor whose props say it is never re-created exists (see <see cref="Props.WithoutRestart"/>).</summary>
    private Props? _props;
    private readonly IInternalActorRef _parent;
    private readonly LocalActorRef _self;
    private ActorBase? _actor;
    private int _status;
    private MessageQueue _mailbox;
    private SystemMessage? _systemMessages;
    private object? _currentMessage;
    private IActorRef? _currentSender;
    private List<Envelope>? _unstashed;

    /// <summary>
    /// One <see cref="ICellInterceptor"/>, or an array of them once there is more than one: actors
    /// with keyed timers have exactly one, and a one-element array would cost each 32 bytes.
    /// </summary>
    private object? _interceptors;

    public ActorCell(ActorSystem system, Props props, IInternalActorRef parent, ActorPath path)
    {
        _system = system;
        _props = props;
        _isRestartable = props.IsRestartable;
        _parent = parent;
        _self = new LocalActorRef(this, path);
        _mailbox = new MessageQueue();
    }

    public ActorSystem System => _system;

    public IActorRef Self => _self;

    public LocalActorRef SelfRef => _self;

    public ActorPath Path => _self.Path;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    public IActorRef Parent => _parent;

    /// <summary>The sender of the message being processed, or null when it has none.</summary>
    public IActorRef? CurrentSender => _currentSender;

    /// <summary>The message being processed with its sender, or null between messages.</summary>
    public Envelope? CurrentEnvelope => _currentMessage is null ? null : new Envelope(_currentMessage, _currentSender);

    /// <summary>How many runs this cell has had on the thread pool (for tests of the throughput batching).</summary>
    internal int RunCount { get; private set; }

    /// <summary>True while the cell is queued on or running on the thread pool (for tests of the scheduling).</summary>
    internal bool IsScheduled => (Volatile.Read(ref _status) & Scheduled) != 0;

    /// <summary>True when the user queue holds nothing but its stub node.</summary>
    internal bool MailboxIsBareStub => _mailbox.IsBareStub;

    /// <summary>True when system messages wait to be processed.</summary>
    internal bool HasPendingSystemMessages => Volatile.Read(ref _systemMessages) is not null;

    /// <summary>Whether a Restart directive re-creates this actor; when false, its supervisor stops it instead.</summary>
    internal bool IsRestartable => _isRestartable;

    /// <summary>Whether the cell still holds its props (it lets go of props that are never used again).</summary>
    internal bool HoldsProps => _props is not null;

    /// <summary>The instance currently bound to this cell (null before creation and after termination).</summary>
    internal ActorBase? Actor => _actor;

    /// <summary>
    /// The sender to record for a tell: null means "the actor running on this thread, if any" (as
    /// Akka.NET's implicit sender), and <see cref="ActorRefs.NoSender"/> means none.
    /// </summary>
    internal static IActorRef? ResolveSender(IActorRef? sender) =>
        sender is null ? t_runningSelf : ReferenceEquals(sender, ActorRefs.NoSender) ? null : sender;

    /// <summary>Called once by the <see cref="ActorBase"/> constructor to find the cell it belongs to.</summary>
    internal static ActorCell? TakeCellUnderConstruction()
    {
        var cell = t_underConstruction;
        t_underConstruction = null;
        return cell;
    }

    /// <summary>
    /// Adds a per-actor service hook; call from the actor's own thread. Interceptors belong to the
    /// cell and outlive restarts, so adding the same instance again (from a new instance) is ignored.
    /// </summary>
    internal void AddInterceptor(ICellInterceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        switch (_interceptors)
        {
            case null:
                _interceptors = interceptor;
                break;
            case ICellInterceptor[] many when Array.IndexOf(many, interceptor) < 0:
                _interceptors = (ICellInterceptor[])[.. many, interceptor];
                break;
            case ICellInterceptor one when !ReferenceEquals(one, interceptor):
                _interceptors = new[] { one, interceptor };
                break;
        }
    }

    /// <summary>Puts envelopes, in the given order, in front of everything else in the mailbox.</summary>
    internal void PrependToMailbox(IReadOnlyList<Envelope> envelopes)
    {
        var unstashed = _unstashed ??= new List<Envelope>(envelopes.Count);
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            unstashed.Add(envelopes[i]);
        }
    }

    /// <summary>Enqueues a user message; the Tell path. Lock-free, allocates only the queue node.</summary>
    public void SendMessage(object message, IActorRef? sender)
    {
        if (TryEnqueue(message, ResolveSender(sender)))
        {
            TrySchedule(Suspended, mayHandOff: true);
        }
    }

    /// <summary>
    /// Enqueues a user message without a sender from an I/O completion, and when this tell makes the
    /// idle actor runnable on a thread-pool thread that runs no actor, runs it here and now: the
    /// completion's work item has nothing else to do, so queueing the cell as a second work item
    /// would only add a pool round trip and likely a move to the other core. Anywhere else (inside
    /// an actor's run, on a thread the pool does not own) it schedules the cell as a tell does.
    /// </summary>
    public void SendMessageFromCompletion(object message)
    {
        if (!TryEnqueue(message, sender: null))
        {
            return;
        }

        if (t_runningSelf is not null || !Thread.CurrentThread.IsThreadPoolThread)
        {
            TrySchedule(Suspended, mayHandOff: true);
            return;
        }

        if (TryClaim(Suspended))
        {
            // The pool resets a thread's execution context after each work item; the completion's
            // work item goes on after this run, so an AsyncLocal set by a handler must not outlive it.
            var context = ExecutionContext.Capture();
            Execute();
            if (context is not null)
            {
                ExecutionContext.Restore(context);
            }
        }
    }

    /// <summary>Queues a user message, or hands it to dead letters once the actor has terminated; true when queued.</summary>
    private bool TryEnqueue(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if ((Volatile.Read(ref _status) & Closed) != 0)
        {
            _system.PublishDeadLetter(message, sender, _self);
            return false;
        }

        _mailbox.Enqueue(new Envelope(message, sender));
        return true;
    }

    /// <summary>Enqueues a system message; processed even while the actor is suspended or terminated.</summary>
    public void SendSystemMessage(SystemMessage message)
    {
        var head = Volatile.Read(ref _systemMessages);
        while (true)
        {
            message.Next = head;
            var seen = Interlocked.CompareExchange(ref _systemMessages, message, head);
            if (ReferenceEquals(seen, head))
            {
                break;
            }

            head = seen;
        }

        TrySchedule(0, mayHandOff: false);
    }

    /// <summary>
    /// Queues the cell on the thread pool unless it is already queued or a <paramref name="blockingBits"/>
    /// bit is set. Only user messages may use the hand-off slot: a system message (creating a child,
    /// stopping an actor) is never held behind code that might wait for its effect.
    /// </summary>
    private void TrySchedule(int blockingBits, bool mayHandOff)
    {
        if (!TryClaim(blockingBits))
        {
            return;
        }

        if (mayHandOff && t_runningSelf is not null && t_handOff is null)
        {
            t_handOff = this;
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>
    /// Sets the <see cref="Scheduled"/> bit unless it or a <paramref name="blockingBits"/> bit is set;
    /// true when this call set it, and with it took the duty to run the cell.
    /// </summary>
    private bool TryClaim(int blockingBits)
    {
        var status = Volatile.Read(ref _status);
        while ((status & (Scheduled | blockingBits)) == 0)
        {
            var seen = Interlocked.CompareExchange(ref _status, status | Scheduled, status);
            if (seen == status)
            {
                return true;
            }

            status = seen;
        }

        return false;
    }

    /// <summary>
    /// Puts the cell waiting in this thread's hand-off slot on the thread pool, so nothing that may
    /// block the thread (the next message, a caller awaiting an <c>Ask</c>) can delay it.
    /// </summary>
    internal static void ReleaseHandOff()
    {
        if (t_handOff is { } pending)
        {
            t_handOff = null;
            ThreadPool.UnsafeQueueUserWorkItem(pending, preferLocal: false);
        }
    }

    /// <summary>The thread-pool entry: this cell's run, then the runs handed off along the way.</summary>
    public void Execute()
    {
        var cell = this;
        for (var handOffs = 0; ; handOffs++)
        {
            cell.RunOnce();
            var next = t_handOff;
            if (next is null)
            {
                return;
            }

            t_handOff = null;
            if (handOffs == MaxHandOffs)
            {
                ThreadPool.UnsafeQueueUserWorkItem(next, preferLocal: false);
                return;
            }

            cell = next;
        }
    }

    /// <summary>One run: system messages, then up to a throughput's worth of user messages.</summary>
    private void RunOnce()
    {
        var previousSelf = t_runningSelf;
        t_runningSelf = _self;
        RunCount++;
        var moreUnstashed = false;
        try
        {
            if ((_status & Closed) == 0)
            {
                Run();
                moreUnstashed = _unstashed is { Count: > 0 } && (_status & (Suspended | Closed)) == 0;
            }

            if ((_status & Closed) != 0)
            {
                DrainAfterTermination();
            }
        }
        catch (Exception exception)
        {
            // Actor code never throws past Invoke; reaching here is a runtime bug, and the pool
            // thread must survive it.
            ActorLog.RunLoopFault(_system.Log, exception, Path);
        }
        finally
        {
            t_runningSelf = previousSelf;
            Interlocked.And(ref _status, ~Scheduled);
            if (moreUnstashed || HasWorkAfterRun())
            {
                TrySchedule(0, mayHandOff: false);
            }
        }
    }

    private void Run()
    {
        ProcessSystemMessages();
        var budget = _system.Throughput;
        while (budget > 0 && (_status & (Suspended | Closed)) == 0)
        {
            Envelope envelope;
            if (_unstashed is { Count: > 0 } unstashed)
            {
                envelope = unstashed[^1];
                unstashed.RemoveAt(unstashed.Count - 1);
            }
            else if (!_mailbox.TryDequeue(out envelope))
            {
                break;
            }

            ReleaseHandOff();
            Invoke(envelope);
            budget--;
            if (Volatile.Read(ref _systemMessages) is not null)
            {
                ProcessSystemMessages();
            }
        }
    }

    /// <summary>Read after the run gave up the <see cref="Scheduled"/> bit: did work arrive that no producer will schedule?</summary>
    private bool HasWorkAfterRun()
    {
        if (Volatile.Read(ref _systemMessages) is not null)
        {
            return true;
        }

        var status = Volatile.Read(ref _status);
        if ((status & Closed) == 0 && (status & Suspended) != 0)
        {
            return false;
        }

        return !_mailbox.IsEmpty;
    }

    private void Invoke(Envelope envelope)
    {
        var message = envelope.Message;
        _currentMessage = message;
        _currentSender = envelope.Sender;
        try
        {
            if (IsAutoReceived(message))
            {
                AutoReceive(message);
            }
            else
            {
                if (_interceptors is not null)
                {
                    message = Intercept(message);
                    if (message is null)
                    {
                        return;
                    }

                    _currentMessage = message;
                }

                _actor!.InvokeReceive(message);
            }
        }
        catch (Exception exception)
        {
            HandleInvokeFailure(exception);
        }
        finally
        {
            // A failed actor keeps its current message: PreRestart receives it.
            if (!_isFailed)
            {
                ClearCurrentMessage();
            }
        }
    }

    /// <summary>
    /// The messages the cell handles itself; all three types are sealed, so comparing exact types
    /// is both correct and cheaper than a type test per message.
    /// </summary>
    private static bool IsAutoReceived(object message)
    {
        var type = message.GetType();
        return type == typeof(Terminated) || type == typeof(PoisonPill) || type == typeof(Kill);
    }

    private object? Intercept(object message)
    {
        if (_interceptors is ICellInterceptor single)
        {
            return single.BeforeReceive(message);
        }

        foreach (var interceptor in (ICellInterceptor[])_interceptors!)
        {
            var next = interceptor.BeforeReceive(message);
            if (next is null)
            {
                return null;
            }

            message = next;
        }

        return message;
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case Terminated terminated:
                ReceivedTerminated(terminated);
                break;
            case PoisonPill:
                SendSystemMessage(new Terminate());
                break;
            case Kill:
                throw new ActorKilledException("Kill");
        }
    }

    private void ClearCurrentMessage()
    {
        _currentMessage = null;
        _currentSender = null;
    }

    private void ProcessSystemMessages()
    {
        // A plain read first: most runs have no system message, and the exchange is a full fence.
        while (Volatile.Read(ref _systemMessages) is not null)
        {
            var latestFirst = Interlocked.Exchange(ref _systemMessages, null);
            if (latestFirst is null)
            {
                return;
            }

            SystemMessage? oldestFirst = null;
            while (latestFirst is not null)
            {
                var next = latestFirst.Next;
                latestFirst.Next = oldestFirst;
                oldestFirst = latestFirst;
                latestFirst = next;
            }

            while (oldestFirst is not null)
            {
                var next = oldestFirst.Next;
                oldestFirst.Next = null;
                ProcessSystemMessage(oldestFirst);
                oldestFirst = next;
            }
        }
    }

    private void ProcessSystemMessage(SystemMessage message)
    {
        try
        {
            if (_isTerminated)
            {
                ProcessSystemMessageAfterTermination(message);
                return;
            }

            switch (message)
            {
                case Create:
                    CreateActor();
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Resume:
                    FaultResume();
                    break;
                case Terminate:
                    BeginTermination();
                    break;
                case Failed failed:
                    HandleFailed(failed);
                    break;
                case Watch watch:
                    AddWatcher(watch);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification);
                    break;
            }
        }
        catch (Exception exception)
        {
            HandleInvokeFailure(exception);
        }
    }

    private static void ProcessSystemMessageAfterTermination(SystemMessage message)
    {
        // A watch that arrives after the end is answered at once, so Terminated is still delivered.
        if (message is Watch watch && watch.Watchee is LocalActorRef watchee && !ReferenceEquals(watch.Watcher, watchee))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watchee, existenceConfirmed: false, addressTerminated: false));
        }
    }

    private void DrainAfterTermination()
    {
        ProcessSystemMessages();
        while (_mailbox.TryDequeue(out var envelope))
        {
            _system.PublishDeadLetter(envelope.Message, envelope.Sender, _self);
        }
    }

    private void Suspend() => Interlocked.Or(ref _status, Suspended);

    private void Unsuspend() => Interlocked.And(ref _status, ~Suspended);

    private void Close()
    {
        var status = Volatile.Read(ref _status);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref _status, (status & ~Suspended) | Closed, status);
            if (seen == status)
            {
                return;
            }

            status = seen;
        }
    }

    public override string ToString() => $"ActorCell({Path})";
}
