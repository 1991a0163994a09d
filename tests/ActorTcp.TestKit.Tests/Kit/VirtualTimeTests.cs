using ActorTcp.Actors;
using ActorTcp.TestKit.VirtualTime;
using static ActorTcp.TestKit.Tests.Kit.TickingActor;

namespace ActorTcp.TestKit.Tests.Kit;

/// <summary>The kit's default virtual clock: timers fire when, and as often as, <see cref="TestKit.Advance"/> says.</summary>
public sealed class VirtualTimeTests : TestKit
{
    [Fact]
    public void PeriodicTimer_FiresExactlyTenTimes_OverOneSecondWithA100MsInterval()
    {
        // Arrange: the timer is started once Started arrives.
        var ticking = Sys.ActorOf(Props.Create(() => new TickingActor(TestActor, TimeSpan.FromMilliseconds(100))));
        ExpectMsg<Started>();

        // Act: ticks are told during Advance on this thread, so the marker queues behind all of them.
        Advance(TimeSpan.FromSeconds(1));
        ticking.Tell(new Marker());

        // Assert
        var received = ReceiveN(11);
        Assert.All(received.Take(10), m => Assert.IsType<Tick>(m));
        Assert.IsType<Marker>(received[10]);
    }

    [Fact]
    public void NothingFires_UntilTheClockIsAdvanced()
    {
        // Arrange
        var ticking = Sys.ActorOf(Props.Create(() => new TickingActor(TestActor, TimeSpan.FromMilliseconds(100))));
        ExpectMsg<Started>();

        // Act
        Advance(TimeSpan.FromMilliseconds(99));
        ticking.Tell(new Marker());

        // Assert
        ExpectMsg<Marker>();
        Assert.Equal(VirtualTimeProvider.DefaultStart + TimeSpan.FromMilliseconds(99), Time.GetUtcNow());
    }

    [Fact]
    public void ScheduledTell_IsDeliveredWhenTheAdvanceCoversItsDelay()
    {
        // Arrange
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMinutes(5), TestActor, "later", null);

        // Act
        Advance(TimeSpan.FromMinutes(5));

        // Assert
        ExpectMsg("later");
    }

    [Fact]
    public async Task AskTimeout_ExpiresInVirtualTime()
    {
        // Arrange
        var asking = TestActor.Ask<string>("question", TimeSpan.FromSeconds(30));
        ExpectMsg("question");

        // Act
        Advance(TimeSpan.FromSeconds(30));

        // Assert
        await Assert.ThrowsAsync<AskTimeoutException>(() => asking);
    }
}
