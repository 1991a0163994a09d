namespace ActorTcp.Actors.Tests.Timers;

/// <summary>
/// An actor driven by commands to exercise its keyed timers; every timer message it receives is
/// reported to <c>reportTo</c> as <see cref="Fired"/>, with the sender it arrived with.
/// </summary>
internal sealed class TimedActor : ReceiveActor, IWithTimers
{
    private readonly IActorRef _reportTo;
    private readonly StartPeriodic? _startInPreStart;

    public TimedActor(IActorRef reportTo, StartPeriodic? startInPreStart = null)
    {
        _reportTo = reportTo;
        _startInPreStart = startInPreStart;
        Receive<StartSingle>(c => Reply(() => Timers.StartSingleTimer(c.Key, c.Message, c.Timeout)));
        Receive<StartExactSingle>(c => Reply(() => Timers.StartExactSingleTimer(c.Key, c.Message, c.Timeout)));
        Receive<StartPeriodic>(c => Reply(() => Start(c)));
        Receive<CancelTimer>(c => Reply(() => Timers.Cancel(c.Key)));
        Receive<CancelAllTimers>(_ => Reply(Timers.CancelAll));
        Receive<IsActive>(c => Sender.Tell(Timers.IsTimerActive(c.Key)));
        Receive<GetTimers>(_ => Sender.Tell(Timers));
        Receive<BlockThenRun>(c =>
        {
            c.Blocked.TrySetResult();
            c.Gate.Wait(TimeSpan.FromSeconds(30));
            c.Then(Timers, Context);
        });
        Receive<Marker>(m => _reportTo.Tell(m));
        ReceiveAny(m => _reportTo.Tell(new Fired(m, Sender)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        if (_startInPreStart is { } start)
        {
            Start(start);
            _reportTo.Tell(new Started());
        }
    }

    private void Start(StartPeriodic c)
    {
        if (c.InitialDelay is { } initialDelay)
        {
            Timers.StartPeriodicTimer(c.Key, c.Message, initialDelay, c.Interval);
        }
        else
        {
            Timers.StartPeriodicTimer(c.Key, c.Message, c.Interval);
        }
    }

    private void Reply(Action command)
    {
        command();
        Sender.Tell(new Done());
    }

    internal sealed record StartSingle(object Key, object Message, TimeSpan Timeout);

    internal sealed record StartExactSingle(object Key, object Message, TimeSpan Timeout);

    internal sealed record StartPeriodic(object Key, object Message, TimeSpan Interval, TimeSpan? InitialDelay = null);

    internal sealed record CancelTimer(object Key);

    internal sealed record CancelAllTimers;

    internal sealed record IsActive(object Key);

    internal sealed record GetTimers;

    internal sealed record Done;

    internal sealed record Started;

    internal sealed record Marker;

    internal sealed record Fired(object Message, IActorRef Sender);

    /// <summary>Blocks the actor on <see cref="Gate"/>, then runs <see cref="Then"/> on its turn; timer ticks queue up meanwhile.</summary>
    internal sealed record BlockThenRun(TaskCompletionSource Blocked, ManualResetEventSlim Gate, Action<ITimerScheduler, IActorContext> Then);
}
