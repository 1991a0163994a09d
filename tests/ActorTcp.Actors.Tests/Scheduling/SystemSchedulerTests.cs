using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit.VirtualTime;

namespace ActorTcp.Actors.Tests.Scheduling;

/// <summary>
/// <see cref="ActorSystem.Scheduler"/> in virtual time. Ticks are told on the thread that advances
/// the clock, so a marker told right after <c>Advance</c> proves, by mailbox order, that nothing
/// else was told during it.
/// </summary>
public sealed class SystemSchedulerTests
{
    private const string Marker = "marker";

    [Fact]
    public async Task ScheduleTellOnce_TellsOnceWhenTheDelayHasPassed()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        await using var system = ActorSystem.Create("scheduler", new ActorSystemSettings { TimeProvider = clock });
        var probe = Probe.Create(system);
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), probe.Ref, "tick", ActorRefs.NoSender);

        // Act
        clock.Advance(TimeSpan.FromMilliseconds(990));
        probe.Ref.Tell(Marker);
        clock.Advance(TimeSpan.FromMilliseconds(10));
        clock.Advance(TimeSpan.FromMinutes(1));
        probe.Ref.Tell(Marker);

        // Assert
        await probe.ExpectMsgAsync(Marker);
        await probe.ExpectMsgAsync("tick");
        await probe.ExpectMsgAsync(Marker);
    }

    [Fact]
    public async Task ScheduleTellRepeatedly_TellsOncePerIntervalTheAdvanceCovers()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        await using var system = ActorSystem.Create("scheduler", new ActorSystemSettings { TimeProvider = clock });
        var probe = Probe.Create(system);
        system.Scheduler.ScheduleTellRepeatedly(
            TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100), probe.Ref, "tick", ActorRefs.NoSender);

        // Act
        clock.Advance(TimeSpan.FromSeconds(1));
        probe.Ref.Tell(Marker);

        // Assert: at 500, 600, ..., 1000 ms.
        for (var i = 0; i < 6; i++)
        {
            await probe.ExpectMsgAsync("tick");
        }

        await probe.ExpectMsgAsync(Marker);
    }

    [Fact]
    public async Task CancelledTellOnce_IsNeverTold()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        await using var system = ActorSystem.Create("scheduler", new ActorSystemSettings { TimeProvider = clock });
        var probe = Probe.Create(system);
        var handle = system.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromSeconds(1), probe.Ref, "tick", ActorRefs.NoSender);

        // Act
        handle.Cancel();
        clock.Advance(TimeSpan.FromSeconds(2));
        probe.Ref.Tell(Marker);

        // Assert
        Assert.True(handle.IsCancellationRequested);
        await probe.ExpectMsgAsync(Marker);
    }

    [Fact]
    public async Task CancelledRepetition_StopsTelling()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        await using var system = ActorSystem.Create("scheduler", new ActorSystemSettings { TimeProvider = clock });
        var probe = Probe.Create(system);
        var handle = system.Scheduler.ScheduleTellRepeatedlyCancelable(
            TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), probe.Ref, "tick", ActorRefs.NoSender);
        clock.Advance(TimeSpan.FromMilliseconds(300));

        // Act
        handle.Cancel();
        clock.Advance(TimeSpan.FromSeconds(1));
        probe.Ref.Tell(Marker);

        // Assert
        for (var i = 0; i < 3; i++)
        {
            await probe.ExpectMsgAsync("tick");
        }

        await probe.ExpectMsgAsync(Marker);
    }

    [Fact]
    public async Task ScheduledTell_CarriesTheGivenSender_OrNoneWhenNull()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        await using var system = ActorSystem.Create("scheduler", new ActorSystemSettings { TimeProvider = clock });
        var probe = Probe.Create(system);
        var replyTo = Probe.Create(system);
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(100), probe.Ref, "with", replyTo.Ref);
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(200), probe.Ref, "without", null);

        // Act
        clock.Advance(TimeSpan.FromMilliseconds(200));

        // Assert
        Assert.Same(replyTo.Ref, (await probe.ReceiveAsync()).Sender);
        Assert.Same(system.DeadLetters, (await probe.ReceiveAsync()).Sender);
    }

    [Fact]
    public async Task ScheduleOnce_RunsTheActionWhenDue()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        await using var system = ActorSystem.Create("scheduler", new ActorSystemSettings { TimeProvider = clock });
        var runs = 0;
        system.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => runs++);

        // Act
        clock.Advance(TimeSpan.FromMilliseconds(999));
        var before = runs;
        clock.Advance(TimeSpan.FromSeconds(5));

        // Assert: the virtual clock runs the wheel on this thread, so the count is exact.
        Assert.Equal(0, before);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task TickDuration_IsTheResolution()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        var settings = new ActorSystemSettings { TimeProvider = clock, SchedulerTickDuration = TimeSpan.FromMilliseconds(100) };
        await using var system = ActorSystem.Create("scheduler", settings);
        var runs = 0;
        system.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(10), () => runs++);

        // Act
        clock.Advance(TimeSpan.FromMilliseconds(99));
        var beforeTheTickEnds = runs;
        clock.Advance(TimeSpan.FromMilliseconds(1));

        // Assert
        Assert.Equal(0, beforeTheTickEnds);
        Assert.Equal(1, runs);
    }

    [Fact]
    public void TicksPerWheelNotAPowerOfTwo_IsRejectedAtCreation()
    {
        // Arrange
        var settings = new ActorSystemSettings { SchedulerTicksPerWheel = 500 };

        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => ActorSystem.Create("scheduler", settings));
    }

    [Fact]
    public async Task Termination_StopsTheWheel_AndLaterSchedulesAreCancelledHandles()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        var system = ActorSystem.Create("scheduler", new ActorSystemSettings { TimeProvider = clock });
        var pending = system.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromSeconds(1), system.DeadLetters, "tick", null);

        // Act
        await system.Terminate();
        var afterwards = system.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromSeconds(1), system.DeadLetters, "tick", null);

        // Assert: the wheel's driving timer is gone with the system.
        Assert.Equal(0, clock.ActiveTimerCount);
        Assert.True(pending.IsCancellationRequested);
        Assert.True(afterwards.IsCancellationRequested);
    }

    [Fact]
    public async Task NonPositiveInterval_IsRejected()
    {
        // Arrange
        await using var system = ActorSystem.Create("scheduler", new ActorSystemSettings { TimeProvider = new VirtualTimeProvider() });

        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => system.Scheduler.ScheduleTellRepeatedlyCancelable(
            TimeSpan.Zero, TimeSpan.Zero, system.DeadLetters, "tick", null));
    }
}
