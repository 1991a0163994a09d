using ActorTcp.Actors;

namespace ActorTcp.TestKit.Tests.Kit;

/// <summary>Starts a periodic keyed timer in <c>PreStart</c> and reports every tick, and every other message, to <c>reportTo</c>.</summary>
internal sealed class TickingActor : ReceiveActor, IWithTimers
{
    private readonly IActorRef _reportTo;
    private readonly TimeSpan _interval;

    public TickingActor(IActorRef reportTo, TimeSpan interval)
    {
        _reportTo = reportTo;
        _interval = interval;
        ReceiveAny(m => _reportTo.Tell(m));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("tick", new Tick(), _interval);
        _reportTo.Tell(new Started());
    }

    internal sealed record Tick;

    internal sealed record Started;

    internal sealed record Marker;
}
