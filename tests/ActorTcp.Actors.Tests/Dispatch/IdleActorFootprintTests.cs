using ActorTcp.Actors.Cells;
using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit;

namespace ActorTcp.Actors.Tests.Dispatch;

[Collection(nameof(MemoryMeasurementCollection))]
public sealed class IdleActorFootprintTests
{
    private const int Actors = 10_000;

    [Fact]
    public async Task ManyIdleActors_RetainAtMost600BytesEach_InstanceIncluded()
    {
        // Arrange
        await using var system = ActorSystem.Create("footprint");
        var props = Props.Create(() => new Silent());
        system.ActorOf(props);
        var refs = new IActorRef[Actors];
        var before = GC.GetTotalMemory(forceFullCollection: true);

        // Act
        for (var i = 0; i < Actors; i++)
        {
            refs[i] = system.ActorOf(props);
        }

        await Eventually.TrueAsync(
            () => refs.All(r => ((LocalActorRef)r).Cell is { Actor: not null, HasPendingSystemMessages: false }),
            "every actor is created and idle");
        var after = GC.GetTotalMemory(forceFullCollection: true);

        // Assert: reference, cell, mailbox stub, path, name, the actor instance and the parent's
        // bookkeeping entry (the array of references in this test adds 8 bytes more).
        var bytesPerActor = (after - before) / (double)Actors;
        GC.KeepAlive(refs);
        Assert.True(bytesPerActor <= 600, $"an idle actor retains {bytesPerActor:F0} bytes");
    }

    private sealed class Silent : UntypedActor
    {
        protected override void OnReceive(object message) => Unhandled(message);
    }
}
