using ActorTcp.Actors.Cells;
using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit.VirtualTime;
using static ActorTcp.Actors.Tests.Timers.TimedActor;

namespace ActorTcp.Actors.Tests.Timers;

/// <summary>
/// Keyed per-actor timers (<see cref="IWithTimers"/>) in virtual time, with Akka's fine print. Ticks
/// are told on the thread that advances the clock, so a <see cref="Marker"/> told to the actor right
/// after <c>Advance</c> proves, by mailbox order, that no tick was delivered before it.
/// </summary>
public sealed class KeyedTimerTests : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = Probe.DefaultTimeout;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly VirtualTimeProvider _clock = new();
    private readonly ActorSystem _system;
    private readonly Probe _probe;

    public KeyedTimerTests()
    {
        _system = ActorSystem.Create("timers", new ActorSystemSettings { TimeProvider = _clock });
        _probe = Probe.Create(_system);
    }

    public ValueTask DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task SingleTimer_DeliversOnceWithTheActorAsSender_AndIsThenInactive()
    {
        // Arrange
        var actor = NewTimedActor();
        await actor.Ask<Done>(new StartSingle("k", "tick", TimeSpan.FromSeconds(1)), Timeout);
        var activeBefore = await actor.Ask<bool>(new IsActive("k"), Timeout);

        // Act
        _clock.Advance(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(10));
        actor.Tell(new Marker());

        // Assert
        Assert.True(activeBefore);
        var fired = await _probe.ExpectMsgAsync<Fired>();
        Assert.Equal("tick", fired.Message);
        Assert.Same(actor, fired.Sender);
        await _probe.ExpectMsgAsync<Marker>();
        Assert.False(await actor.Ask<bool>(new IsActive("k"), Timeout));
    }

    [Fact]
    public async Task ExactSingleTimer_DeliversAtItsTimeout_NotAtTheEndOfTheTick()
    {
        // Arrange: 1,003 ms falls 3 ms into a 10 ms tick of the system's scheduler.
        var actor = NewTimedActor();
        await actor.Ask<Done>(new StartExactSingle("exact", "give up", TimeSpan.FromMilliseconds(1003)), Timeout);
        await actor.Ask<Done>(new StartSingle("ticked", "check", TimeSpan.FromMilliseconds(1003)), Timeout);

        // Act
        _clock.Advance(TimeSpan.FromMilliseconds(1002));
        actor.Tell(new Marker());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        actor.Tell(new Marker());
        _clock.Advance(TimeSpan.FromMilliseconds(7));

        // Assert: nothing before the timeout; the exact timer at it; the ordinary one at the tick's end.
        await _probe.ExpectMsgAsync<Marker>();
        Assert.Equal("give up", (await _probe.ExpectMsgAsync<Fired>()).Message);
        await _probe.ExpectMsgAsync<Marker>();
        Assert.Equal("check", (await _probe.ExpectMsgAsync<Fired>()).Message);
        Assert.False(await actor.Ask<bool>(new IsActive("exact"), Timeout));
    }

    [Fact]
    public async Task PeriodicTimer_DeliversOncePerIntervalTheAdvanceCovers()
    {
        // Arrange
        var actor = NewTimedActor();
        await actor.Ask<Done>(new StartPeriodic("k", "tick", Interval), Timeout);

        // Act
        _clock.Advance(Interval * 10);
        actor.Tell(new Marker());

        // Assert
        await ExpectTicksThenMarker("tick", 10);
        Assert.True(await actor.Ask<bool>(new IsActive("k"), Timeout));
    }

    [Fact]
    public async Task PeriodicTimerWithInitialDelay_FirstDeliversAfterTheDelay_ThenEveryInterval()
    {
        // Arrange
        var actor = NewTimedActor();
        await actor.Ask<Done>(new StartPeriodic("k", "tick", Interval, TimeSpan.FromSeconds(1)), Timeout);

        // Act
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        actor.Tell(new Marker());
        _clock.Advance(TimeSpan.FromMilliseconds(301));
        actor.Tell(new Marker());

        // Assert: at 1000, 1100, 1200 and 1300 ms.
        await _probe.ExpectMsgAsync<Marker>();
        await ExpectTicksThenMarker("tick", 4);
    }

    [Fact]
    public async Task StartingAKeyAgain_ReplacesItsTimer()
    {
        // Arrange
        var actor = NewTimedActor();
        await actor.Ask<Done>(new StartSingle("k", "old", TimeSpan.FromSeconds(1)), Timeout);

        // Act
        await actor.Ask<Done>(new StartSingle("k", "new", TimeSpan.FromSeconds(2)), Timeout);
        _clock.Advance(TimeSpan.FromSeconds(1));
        actor.Tell(new Marker());
        _clock.Advance(TimeSpan.FromSeconds(10));
        actor.Tell(new Marker());

        // Assert
        await _probe.ExpectMsgAsync<Marker>();
        await ExpectTicksThenMarker("new", 1);
    }

    [Fact]
    public async Task ReplacingATimerWhoseTickIsAlreadyInTheMailbox_NeverDeliversThatTick()
    {
        // Arrange: the old timer's tick is enqueued while the actor is blocked.
        var actor = NewTimedActor();
        await actor.Ask<Done>(new StartPeriodic("k", "old", Interval), Timeout);
        using var gate = new ManualResetEventSlim();
        var blocked = BlockThen(actor, gate, (timers, _) => timers.StartSingleTimer("k", "new", TimeSpan.FromSeconds(1)));
        await blocked.WaitAsync(Timeout);
        _clock.Advance(Interval);
        Assert.False(((LocalActorRef)actor).Cell.MailboxIsBareStub);

        // Act
        gate.Set();
        actor.Tell(new Marker());
        await _probe.ExpectMsgAsync<Marker>();
        _clock.Advance(TimeSpan.FromSeconds(1));
        actor.Tell(new Marker());

        // Assert: the replacement was started at 100 ms and fires at 1100 ms.
        await ExpectTicksThenMarker("new", 1);
    }

    [Fact]
    public async Task CancellingATimerWhoseTickIsAlreadyInTheMailbox_NeverDeliversThatTick()
    {
        // Arrange
        var actor = NewTimedActor();
        await actor.Ask<Done>(new StartSingle("k", "tick", Interval), Timeout);
        using var gate = new ManualResetEventSlim();
        var blocked = BlockThen(actor, gate, (timers, _) => timers.Cancel("k"));
        await blocked.WaitAsync(Timeout);
        _clock.Advance(Interval);
        Assert.False(((LocalActorRef)actor).Cell.MailboxIsBareStub);

        // Act
        gate.Set();
        actor.Tell(new Marker());

        // Assert
        await _probe.ExpectMsgAsync<Marker>();
        Assert.False(await actor.Ask<bool>(new IsActive("k"), Timeout));
    }

    [Fact]
    public async Task IsTimerActive_FollowsStartAndCancel()
    {
        // Arrange
        var actor = NewTimedActor();
        var beforeStart = await actor.Ask<bool>(new IsActive("k"), Timeout);

        // Act
        await actor.Ask<Done>(new StartPeriodic("k", "tick", Interval), Timeout);
        var afterStart = await actor.Ask<bool>(new IsActive("k"), Timeout);
        await actor.Ask<Done>(new CancelTimer("k"), Timeout);
        var afterCancel = await actor.Ask<bool>(new IsActive("k"), Timeout);

        // Assert
        Assert.False(beforeStart);
        Assert.True(afterStart);
        Assert.False(afterCancel);
    }

    [Fact]
    public async Task SeveralKeys_AreIndependent_AndCancelAllStopsEveryOne()
    {
        // Arrange
        var actor = NewTimedActor();
        await actor.Ask<Done>(new StartPeriodic("a", "a", Interval), Timeout);
        await actor.Ask<Done>(new StartPeriodic("b", "b", Interval * 2), Timeout);
        await actor.Ask<Done>(new StartSingle("c", "c", TimeSpan.FromMilliseconds(250)), Timeout);
        await actor.Ask<Done>(new CancelTimer("b"), Timeout);

        // Act
        _clock.Advance(Interval * 4);
        await actor.Ask<Done>(new CancelAllTimers(), Timeout);
        _clock.Advance(TimeSpan.FromSeconds(10));
        actor.Tell(new Marker());

        // Assert: a at 100..400 ms and c at 250 ms, in deadline order.
        var delivered = new List<object>();
        for (var i = 0; i < 5; i++)
        {
            delivered.Add((await _probe.ExpectMsgAsync<Fired>()).Message);
        }

        await _probe.ExpectMsgAsync<Marker>();
        Assert.Equal(["a", "a", "c", "a", "a"], delivered);
        Assert.False(await actor.Ask<bool>(new IsActive("a"), Timeout));
    }

    [Fact]
    public async Task Restart_CancelsTimers_AndDropsTheOldIncarnationsTicks_EvenForAKeyStartedAgain()
    {
        // Arrange: the actor starts "k" in PreStart; a tick of it waits while the actor is blocked.
        var actor = NewTimedActor(new StartPeriodic("k", "tick", Interval));
        await _probe.ExpectMsgAsync<Started>();
        using var gate = new ManualResetEventSlim();
        var blocked = BlockThen(actor, gate, (_, _) => throw new InvalidOperationException("restart me"));
        await blocked.WaitAsync(Timeout);
        _clock.Advance(Interval);
        Assert.False(((LocalActorRef)actor).Cell.MailboxIsBareStub);

        // Act: the failure restarts the actor, whose PreStart starts "k" again.
        gate.Set();
        actor.Tell(new Marker());

        // Assert: the enqueued tick of the old timer is dropped; the new timer runs from the restart on.
        await _probe.ExpectMsgAsync<Started>();
        await _probe.ExpectMsgAsync<Marker>();
        _clock.Advance(Interval);
        actor.Tell(new Marker());
        await ExpectTicksThenMarker("tick", 1);
    }

    [Fact]
    public async Task Restart_CancelsEveryTimer()
    {
        // Arrange
        var actor = NewTimedActor();
        await actor.Ask<Done>(new StartPeriodic("k", "tick", Interval), Timeout);
        using var gate = new ManualResetEventSlim();
        gate.Set();

        // Act
        await BlockThen(actor, gate, (_, _) => throw new InvalidOperationException("restart me")).WaitAsync(Timeout);
        var activeAfterRestart = await actor.Ask<bool>(new IsActive("k"), Timeout);
        _clock.Advance(TimeSpan.FromSeconds(1));
        actor.Tell(new Marker());

        // Assert
        Assert.False(activeAfterRestart);
        await _probe.ExpectMsgAsync<Marker>();
    }

    [Fact]
    public async Task Stop_CancelsTimers_AndTicksLeftInTheMailboxAreNotDeadLetters()
    {
        // Arrange: three ticks wait while the actor is blocked; it then stops itself.
        var actor = NewTimedActor();
        await actor.Ask<Done>(new StartPeriodic("k", "tick", Interval), Timeout);
        var timers = await actor.Ask<ITimerScheduler>(new GetTimers(), Timeout);
        await _probe.WatchAsync(actor);
        using var gate = new ManualResetEventSlim();
        var blocked = BlockThen(actor, gate, (_, context) => context.Stop(context.Self));
        await blocked.WaitAsync(Timeout);
        _clock.Advance(Interval * 3);

        // Act
        gate.Set();
        await _probe.ExpectTerminatedAsync(actor);
        _clock.Advance(TimeSpan.FromSeconds(10));

        // Assert
        Assert.False(timers.IsTimerActive("k"));
        Assert.Equal(0, _system.DeadLetterCount);
    }

    private IActorRef NewTimedActor(StartPeriodic? startInPreStart = null) =>
        _system.ActorOf(Props.Create(() => new TimedActor(_probe.Ref, startInPreStart)));

    private static Task BlockThen(IActorRef actor, ManualResetEventSlim gate, Action<ITimerScheduler, IActorContext> then)
    {
        var blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        actor.Tell(new BlockThenRun(blocked, gate, then));
        return blocked.Task;
    }

    private async Task ExpectTicksThenMarker(object message, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(message, (await _probe.ExpectMsgAsync<Fired>()).Message);
        }

        await _probe.ExpectMsgAsync<Marker>();
    }
}
