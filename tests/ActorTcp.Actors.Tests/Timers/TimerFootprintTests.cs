using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit;
using ActorTcp.TestKit.VirtualTime;

namespace ActorTcp.Actors.Tests.Timers;

/// <summary>Connections hold one keyed timer each, by the ten thousand: the timer must stay small.</summary>
[Collection(nameof(MemoryMeasurementCollection))]
public sealed class TimerFootprintTests
{
    private const int Actors = 10_000;

    [Fact]
    public async Task OneRunningKeyedTimer_AddsAtMost256BytesPerActor()
    {
        // Arrange: actors alike but for IWithTimers and their one timer, so the difference is the timer's whole cost.
        var clock = new VirtualTimeProvider();
        await using var system = ActorSystem.Create("footprint", new ActorSystemSettings { TimeProvider = clock });
        var started = new StrongBox();
        var plain = Props.Create(() => new Plain(started));
        var timed = Props.Create(() => new Timed(started));
        system.ActorOf(plain);
        system.ActorOf(timed);
        await Eventually.TrueAsync(() => Volatile.Read(ref started.Count) == 2, "the warm-up actors started");
        var refs = new IActorRef[2 * Actors];

        // Act
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < Actors; i++)
        {
            refs[i] = system.ActorOf(plain);
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref started.Count) == 2 + Actors, "the actors without timers started");
        var middle = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = Actors; i < 2 * Actors; i++)
        {
            refs[i] = system.ActorOf(timed);
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref started.Count) == 2 + (2 * Actors), "the actors with timers started");
        var after = GC.GetTotalMemory(forceFullCollection: true);

        // Assert: the Timers field, the timer scheduler and its interceptor slot, the timer (also its
        // tick envelope) and its wheel entry: about 216 bytes on x64.
        var bytesPerTimer = ((after - middle) - (middle - before)) / (double)Actors;
        GC.KeepAlive(refs);
        Assert.True(bytesPerTimer <= 256, $"a running keyed timer costs {bytesPerTimer:F0} bytes");
    }

    private sealed class StrongBox
    {
        public int Count;
    }

    private sealed class Plain(StrongBox started) : UntypedActor
    {
        protected override void PreStart() => Interlocked.Increment(ref started.Count);

        protected override void OnReceive(object message) => Unhandled(message);
    }

    private sealed class Timed(StrongBox started) : UntypedActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart()
        {
            Timers.StartSingleTimer("idle", "idle", TimeSpan.FromMinutes(1));
            Interlocked.Increment(ref started.Count);
        }

        protected override void OnReceive(object message) => Unhandled(message);
    }
}
