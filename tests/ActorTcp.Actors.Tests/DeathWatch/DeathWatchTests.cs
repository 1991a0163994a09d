using ActorTcp.Actors.Cells;
using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Logging;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Actors.Tests.DeathWatch;

public sealed class DeathWatchTests
{
    private static readonly TimeSpan Timeout = Probe.DefaultTimeout;

    [Fact]
    public async Task WatchedActorStops_WatcherGetsTerminatedExactlyOnce()
    {
        // Arrange
        await using var system = ActorSystem.Create("watch");
        var (target, parentProbe) = await StartTargetAsync(system);
        var watcher = system.ActorOf(Props.Create(() => new Watcher()));
        await watcher.Ask<Ack>(new WatchTarget(target), Timeout);
        await watcher.Ask<Ack>(new WatchTarget(target), Timeout);

        // Act
        system.Stop(target);
        await parentProbe.ExpectMsgAsync(new TargetTerminated(target));

        // Assert
        var seen = await ReportAfterPendingNotificationsAsync(watcher);
        var terminated = Assert.IsType<Terminated>(Assert.Single(seen));
        Assert.Same(target, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task WatchingAnAlreadyDeadActor_DeliversTerminated()
    {
        // Arrange
        await using var system = ActorSystem.Create("watch");
        var (target, parentProbe) = await StartTargetAsync(system);
        system.Stop(target);
        await parentProbe.ExpectMsgAsync(new TargetTerminated(target));
        var probe = Probe.Create(system);

        // Act
        await probe.WatchAsync(target);

        // Assert
        var terminated = await probe.ExpectTerminatedAsync(target);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task WatchingNobody_DeliversTerminatedAtOnce()
    {
        // Arrange
        await using var system = ActorSystem.Create("watch");
        var probe = Probe.Create(system);

        // Act
        await probe.WatchAsync(ActorRefs.Nobody);

        // Assert
        await probe.ExpectTerminatedAsync(ActorRefs.Nobody);
    }

    [Fact]
    public async Task WatchWith_DeliversTheCustomMessageInsteadOfTerminated()
    {
        // Arrange
        await using var system = ActorSystem.Create("watch");
        var (target, parentProbe) = await StartTargetAsync(system);
        var watcher = system.ActorOf(Props.Create(() => new Watcher()));
        await watcher.Ask<Ack>(new WatchTargetWith(target, "target is gone"), Timeout);

        // Act
        system.Stop(target);
        await parentProbe.ExpectMsgAsync(new TargetTerminated(target));

        // Assert
        Assert.Equal(["target is gone"], await ReportAfterPendingNotificationsAsync(watcher));
    }

    [Fact]
    public async Task Unwatch_BeforeTheTargetStops_NothingIsDelivered()
    {
        // Arrange
        await using var system = ActorSystem.Create("watch");
        var (target, parentProbe) = await StartTargetAsync(system);
        var watcher = system.ActorOf(Props.Create(() => new Watcher()));
        await watcher.Ask<Ack>(new WatchTarget(target), Timeout);
        await watcher.Ask<Ack>(new UnwatchTarget(target), Timeout);

        // Act
        system.Stop(target);
        await parentProbe.ExpectMsgAsync(new TargetTerminated(target));

        // Assert
        Assert.Empty(await ReportAfterPendingNotificationsAsync(watcher));
    }

    [Fact]
    public async Task Unwatch_AfterTerminatedWasQueued_DropsTheQueuedMessage()
    {
        // Arrange: the watcher is busy while the target dies, so the notification waits for it, and
        // the unwatch is already queued behind the busy message.
        await using var system = ActorSystem.Create("watch");
        var (target, parentProbe) = await StartTargetAsync(system);
        var watcher = system.ActorOf(Props.Create(() => new Watcher()));
        await watcher.Ask<Ack>(new WatchTarget(target), Timeout);
        var busy = new Busy(new ManualResetEventSlim(), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        using var gate = busy.Gate;
        watcher.Tell(busy);
        watcher.Tell(new UnwatchTarget(target));
        await busy.Entered.Task.WaitAsync(Timeout);

        // Act
        system.Stop(target);
        await parentProbe.ExpectMsgAsync(new TargetTerminated(target));
        var watcherCell = ((LocalActorRef)watcher).Cell;
        await Eventually.TrueAsync(() => watcherCell.HasPendingSystemMessages, "the notification waits at the busy watcher");
        gate.Set();

        // Assert
        Assert.Empty(await ReportAfterPendingNotificationsAsync(watcher));
    }

    [Fact]
    public async Task UnhandledTerminated_FailsTheWatcherWithDeathPact_AndDefaultStrategyStopsIt()
    {
        // Arrange
        var logs = new CapturingLoggerFactory();
        await using var system = ActorSystem.Create("watch", new ActorSystemSettings { LoggerFactory = logs });
        var (target, parentProbe) = await StartTargetAsync(system);
        var probe = Probe.Create(system);
        var pact = system.ActorOf(Props.Create(() => new Pact()), "pact");
        await pact.Ask<Ack>(new WatchTarget(target), Timeout);
        await probe.WatchAsync(pact);

        // Act
        system.Stop(target);

        // Assert
        await probe.ExpectTerminatedAsync(pact);
        var failure = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        var deathPact = Assert.IsType<DeathPactException>(failure.Exception);
        Assert.Same(target, deathPact.DeadActor);
    }

    [Fact]
    public async Task ParentWatchingItsChild_GetsOneTerminated_AndTheChildIsGoneWithItsName()
    {
        // Arrange
        await using var system = ActorSystem.Create("watch");
        var probe = Probe.Create(system);
        var parent = system.ActorOf(Props.Create(() => new WatchingParent(probe.Ref)));
        var target = await parent.Ask<IActorRef>("child", Timeout);

        // Act
        system.Stop(target);
        await probe.ExpectMsgAsync(new TargetTerminated(target));
        await parent.Ask<ChildrenReport>(new Report(), Timeout);
        var report = await parent.Ask<ChildrenReport>(new Report(), Timeout);
        var recreated = await parent.Ask<IActorRef>("recreate", Timeout);

        // Assert
        Assert.Equal(new ChildrenReport(0, 1), report);
        Assert.Equal(target.Path, recreated.Path);
        Assert.NotSame(target, recreated);
    }

    [Fact]
    public async Task ParentUnwatchingItsChild_GetsNothingWhenTheChildStops()
    {
        // Arrange
        await using var system = ActorSystem.Create("watch");
        var parent = system.ActorOf(Props.Create(() => new ChildWatcher()));
        var child = await parent.Ask<IActorRef>("start-child", Timeout);
        await parent.Ask<Ack>(new WatchTarget(child), Timeout);
        await parent.Ask<Ack>(new UnwatchTarget(child), Timeout);

        // Act
        system.Stop(child);

        // Assert
        Assert.Empty(await SeenOnceTheChildIsGoneAsync(parent));
    }

    [Fact]
    public async Task ParentWatchingItsChildWith_GetsTheCustomMessageOnce()
    {
        // Arrange
        await using var system = ActorSystem.Create("watch");
        var parent = system.ActorOf(Props.Create(() => new ChildWatcher()));
        var child = await parent.Ask<IActorRef>("start-child", Timeout);
        await parent.Ask<Ack>(new WatchTargetWith(child, "child gone"), Timeout);

        // Act
        system.Stop(child);

        // Assert
        Assert.Equal(["child gone"], await SeenOnceTheChildIsGoneAsync(parent));
    }

    [Fact]
    public async Task ParentWatchingItsChildTwice_GetsOneTerminated_AndAnotherMessageIsRefused()
    {
        // Arrange
        await using var system = ActorSystem.Create("watch");
        var parent = system.ActorOf(Props.Create(() => new ChildWatcher()));
        var child = await parent.Ask<IActorRef>("start-child", Timeout);
        await parent.Ask<Ack>(new WatchTarget(child), Timeout);

        // Act
        await parent.Ask<Ack>(new WatchTarget(child), Timeout);
        var refusal = await parent.Ask<Refused>(new WatchTargetWith(child, "other"), Timeout);
        system.Stop(child);

        // Assert
        Assert.Contains("different termination message", refusal.Reason, StringComparison.Ordinal);
        var terminated = Assert.IsType<Terminated>(Assert.Single(await SeenOnceTheChildIsGoneAsync(parent)));
        Assert.Same(child, terminated.ActorRef);
    }

    [Fact]
    public async Task ParentRewatchingItsChildAfterUnwatch_GetsTerminated()
    {
        // Arrange
        await using var system = ActorSystem.Create("watch");
        var parent = system.ActorOf(Props.Create(() => new ChildWatcher()));
        var child = await parent.Ask<IActorRef>("start-child", Timeout);
        await parent.Ask<Ack>(new WatchTargetWith(child, "first"), Timeout);
        await parent.Ask<Ack>(new UnwatchTarget(child), Timeout);

        // Act
        await parent.Ask<Ack>(new WatchTarget(child), Timeout);
        system.Stop(child);

        // Assert
        var terminated = Assert.IsType<Terminated>(Assert.Single(await SeenOnceTheChildIsGoneAsync(parent)));
        Assert.Same(child, terminated.ActorRef);
    }

    /// <summary>
    /// Waits until the parent has processed its child's end (it has no children left); one more
    /// round trip then sees whatever that queued.
    /// </summary>
    [Fact]
    public async Task ParentStartingWatchingAndStoppingChildrenInOneTurn_GetsEveryTerminated()
    {
        // Arrange: the connection manager's pattern, many children ending while siblings stay.
        const int Stopped = 500;
        await using var system = ActorSystem.Create("watch");
        var probe = Probe.Create(system);
        var parent = system.ActorOf(Props.Create(() => new BatchStopper(probe.Ref)));
        await parent.Ask<Ack>(new StartIdle(200), Timeout);

        // Act
        parent.Tell(new StartAndStop(Stopped));

        // Assert: one end per stopped child, and the idle siblings remain.
        var ended = new HashSet<IActorRef>();
        for (var i = 0; i < Stopped; i++)
        {
            ended.Add((await probe.ExpectMsgAsync<TargetTerminated>()).Target);
        }

        Assert.Equal(Stopped, ended.Count);
        Assert.Equal(200, await parent.Ask<int>(new Report(), Timeout));
    }

    private static async Task<IReadOnlyList<object>> SeenOnceTheChildIsGoneAsync(IActorRef parent)
    {
        await Eventually.TrueAsync(
            async () => (await parent.Ask<ChildWatcherReport>(new Report(), Timeout)).Children == 0,
            "the parent has processed its child's end");
        return (await parent.Ask<ChildWatcherReport>(new Report(), Timeout)).Seen;
    }

    /// <summary>
    /// Starts a target as the child of an actor that watches it and forwards its Terminated to a
    /// probe. A parent hears of a child's death after all the child's other watchers were told, so
    /// once the probe has it, every watcher's notification is already queued.
    /// </summary>
    private static async Task<(IActorRef Target, Probe ParentProbe)> StartTargetAsync(ActorSystem system)
    {
        var probe = Probe.Create(system);
        var parent = system.ActorOf(Props.Create(() => new WatchingParent(probe.Ref)));
        var target = await parent.Ask<IActorRef>("child", Timeout);
        return (target, probe);
    }

    /// <summary>Two round trips: notifications queued before the first have turned into mailbox messages before the second.</summary>
    private static async Task<IReadOnlyList<object>> ReportAfterPendingNotificationsAsync(IActorRef watcher)
    {
        await watcher.Ask<IReadOnlyList<object>>(new Report(), Timeout);
        return await watcher.Ask<IReadOnlyList<object>>(new Report(), Timeout);
    }

    private sealed record WatchTarget(IActorRef Target);

    private sealed record WatchTargetWith(IActorRef Target, object Message);

    private sealed record UnwatchTarget(IActorRef Target);

    private sealed record Report;

    private sealed record Busy(ManualResetEventSlim Gate, TaskCompletionSource Entered);

    private sealed record Ack;

    private sealed class Watcher : ReceiveActor
    {
        private readonly List<object> _seen = [];

        public Watcher()
        {
            Receive<WatchTarget>(w =>
            {
                Context.Watch(w.Target);
                Sender.Tell(new Ack());
            });
            Receive<WatchTargetWith>(w =>
            {
                Context.WatchWith(w.Target, w.Message);
                Sender.Tell(new Ack());
            });
            Receive<UnwatchTarget>(u =>
            {
                Context.Unwatch(u.Target);
                Sender.Tell(new Ack());
            });
            Receive<Busy>(busy =>
            {
                busy.Entered.SetResult();
                busy.Gate.Wait(Timeout);
            });
            Receive<Report>(_ => Sender.Tell(_seen.ToArray()));
            Receive<Terminated>(_seen.Add);
            Receive<string>(_seen.Add);
        }
    }

    /// <summary>Wraps a child's Terminated: a forwarded Terminated is dropped by the receiver, as in Akka, because it does not watch the actor.</summary>
    private sealed record TargetTerminated(IActorRef Target);

    private sealed record ChildrenReport(int Children, int TerminatedSeen);

    private sealed class WatchingParent : ReceiveActor
    {
        private int _terminatedSeen;

        public WatchingParent(IActorRef probe)
        {
            var child = Context.Watch(Context.ActorOf(Props.Create(() => new Watcher()), "target"));
            Receive<string>(m => m == "child", _ => Sender.Tell(child));
            Receive<string>(m => m == "recreate", _ => Sender.Tell(Context.ActorOf(Props.Create(() => new Watcher()), "target")));
            Receive<Report>(_ => Sender.Tell(new ChildrenReport(Context.Children.Count, _terminatedSeen)));
            Receive<Terminated>(t =>
            {
                _terminatedSeen++;
                probe.Tell(new TargetTerminated(t.ActorRef));
            });
        }
    }

    private sealed record StartIdle(int Count);

    private sealed record StartAndStop(int Count);

    /// <summary>Keeps idle children; starts, watches and stops a batch in one turn, forwarding each end.</summary>
    private sealed class BatchStopper : ReceiveActor
    {
        public BatchStopper(IActorRef probe)
        {
            Receive<StartIdle>(start =>
            {
                for (var i = 0; i < start.Count; i++)
                {
                    Context.ActorOf(Props.Create(() => new Watcher()));
                }

                Sender.Tell(new Ack());
            });
            Receive<StartAndStop>(batch =>
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var child = Context.Watch(Context.ActorOf(Props.Create(() => new Watcher())));
                    Context.Stop(child);
                }
            });
            Receive<Report>(_ => Sender.Tell(Context.Children.Count));
            Receive<Terminated>(terminated => probe.Tell(new TargetTerminated(terminated.ActorRef)));
        }
    }

    private sealed record Refused(string Reason);

    private sealed record ChildWatcherReport(int Children, IReadOnlyList<object> Seen);

    /// <summary>Starts a child on demand and watches or unwatches it as told; records what its watches deliver.</summary>
    private sealed class ChildWatcher : ReceiveActor
    {
        private readonly List<object> _seen = [];

        public ChildWatcher()
        {
            Receive<string>(m => m == "start-child", _ => Sender.Tell(Context.ActorOf(Props.Create(() => new Watcher()), "kid")));
            Receive<WatchTarget>(w =>
            {
                Context.Watch(w.Target);
                Sender.Tell(new Ack());
            });
            Receive<WatchTargetWith>(w =>
            {
                try
                {
                    Context.WatchWith(w.Target, w.Message);
                    Sender.Tell(new Ack());
                }
                catch (InvalidOperationException refused)
                {
                    Sender.Tell(new Refused(refused.Message));
                }
            });
            Receive<UnwatchTarget>(u =>
            {
                Context.Unwatch(u.Target);
                Sender.Tell(new Ack());
            });
            Receive<Report>(_ => Sender.Tell(new ChildWatcherReport(Context.Children.Count, _seen.ToArray())));
            Receive<Terminated>(_seen.Add);
            Receive<string>(_seen.Add);
        }
    }

    private sealed class Pact : ReceiveActor
    {
        public Pact()
        {
            Receive<WatchTarget>(w =>
            {
                Context.Watch(w.Target);
                Sender.Tell(new Ack());
            });
        }
    }
}
