using System.Collections.Concurrent;
using ActorTcp.Actors.Cells;
using ActorTcp.Actors.Supervision;
using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Logging;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Actors.Tests.Supervision;

public sealed class SupervisionTests
{
    private static readonly TimeSpan Timeout = Probe.DefaultTimeout;

    [Fact]
    public async Task Restart_DropsExactlyTheFailingMessage_NextMessagesReachTheNewInstance()
    {
        // Arrange
        await using var system = ActorSystem.Create("supervision");
        var journal = new Journal();
        var worker = system.ActorOf(Props.Create(() => new Worker(journal)), "worker");

        // Act
        worker.Tell("a");
        worker.Tell("fail");
        worker.Tell("b");
        worker.Tell("c");
        await journal.WaitForAsync("2:c");

        // Assert
        Assert.Equal(
            ["1:ctor", "1:PreStart", "1:a", "1:PreRestart(boom fail)", "1:PostStop", "2:ctor", "2:PostRestart(boom)", "2:PreStart", "2:b", "2:c"],
            journal.Entries);
    }

    [Fact]
    public async Task Restart_DefaultPreRestartStopsChildren_NewInstanceCanReuseTheirNames()
    {
        // Arrange
        await using var system = ActorSystem.Create("supervision");
        var journal = new Journal();
        var parent = system.ActorOf(Props.Create(() => new ParentWithChild(journal)), "parent");
        var firstChild = await parent.Ask<IActorRef>("child", Timeout);

        // Act
        parent.Tell("fail");
        var secondChild = await parent.Ask<IActorRef>("child", Timeout);

        // Assert
        Assert.NotSame(firstChild, secondChild);
        Assert.Equal(firstChild.Path, secondChild.Path);
        Assert.Contains("kid stopped", journal.Entries);
        Assert.DoesNotContain(journal.Entries, e => e.StartsWith("error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resume_KeepsTheInstanceAndItsState()
    {
        // Arrange
        await using var system = ActorSystem.Create("supervision");
        var journal = new Journal();
        var supervisor = system.ActorOf(Props.Create(() => new Supervisor(
            Props.Create(() => new Worker(journal)),
            new OneForOneStrategy(_ => Directive.Resume))));
        var worker = await supervisor.Ask<IActorRef>("child", Timeout);

        // Act
        worker.Tell("a");
        worker.Tell("fail");
        worker.Tell("b");
        var count = await worker.Ask<int>("count", Timeout);

        // Assert
        Assert.Equal(2, count);
        Assert.DoesNotContain("2:ctor", journal.Entries);
    }

    [Fact]
    public async Task StopDirective_StopsTheChild_LaterMessagesAreDeadLetters()
    {
        // Arrange
        await using var system = ActorSystem.Create("supervision");
        var journal = new Journal();
        var probe = Probe.Create(system);
        var supervisor = system.ActorOf(Props.Create(() => new Supervisor(
            Props.Create(() => new Worker(journal)),
            SupervisorStrategy.StoppingStrategy)));
        var worker = await supervisor.Ask<IActorRef>("child", Timeout);
        await probe.WatchAsync(worker);

        // Act
        worker.Tell("fail");
        await probe.ExpectTerminatedAsync(worker);
        worker.Tell("late");

        // Assert
        Assert.Equal(["1:ctor", "1:PreStart", "1:PostStop"], journal.Entries);
        Assert.Equal(1, system.DeadLetterCount);
    }

    [Fact]
    public async Task Escalate_FailsTheParentWithTheSameException()
    {
        // Arrange: top -> middle (escalates) -> worker.
        await using var system = ActorSystem.Create("supervision");
        var journal = new Journal();
        var seenByTop = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var middleProps = Props.Create(() => new Supervisor(
            Props.Create(() => new Worker(journal)),
            new OneForOneStrategy(_ => Directive.Escalate)));
        var top = system.ActorOf(Props.Create(() => new Supervisor(middleProps, new OneForOneStrategy(cause =>
        {
            seenByTop.TrySetResult(cause);
            return Directive.Stop;
        }))));
        var middle = await top.Ask<IActorRef>("child", Timeout);
        var worker = await middle.Ask<IActorRef>("child", Timeout);

        // Act
        worker.Tell("fail");
        var cause = await seenByTop.Task.WaitAsync(Timeout);

        // Assert
        Assert.IsType<InvalidOperationException>(cause);
        Assert.Equal("boom", cause.Message);
        Assert.Same(journal.LastFailure, cause);
    }

    [Fact]
    public async Task RestartDirective_ForPropsWithoutRestart_StopsTheChildInsteadOfRecreatingIt()
    {
        // Arrange
        await using var system = ActorSystem.Create("supervision");
        var journal = new Journal();
        var probe = Probe.Create(system);
        var supervisor = system.ActorOf(Props.Create(() => new Supervisor(
            Props.Create(() => new Worker(journal)).WithoutRestart(),
            new OneForOneStrategy(_ => Directive.Restart))));
        var worker = await supervisor.Ask<IActorRef>("child", Timeout);
        await probe.WatchAsync(worker);

        // Act
        worker.Tell("fail");

        // Assert
        await probe.ExpectTerminatedAsync(worker);
        Assert.Equal(["1:ctor", "1:PreStart", "1:PostStop"], journal.Entries);
    }

    [Fact]
    public async Task GuardianRestart_ForTopLevelPropsWithoutRestart_StopsTheActor()
    {
        // Arrange: the user guardian's default strategy restarts a failed top-level actor.
        await using var system = ActorSystem.Create("supervision");
        var journal = new Journal();
        var probe = Probe.Create(system);
        var worker = system.ActorOf(Props.Create(() => new Worker(journal)).WithoutRestart(), "worker");
        await probe.WatchAsync(worker);

        // Act
        worker.Tell("fail");

        // Assert
        await probe.ExpectTerminatedAsync(worker);
        Assert.DoesNotContain("2:ctor", journal.Entries);
    }

    [Fact]
    public async Task PropsWithoutRestart_AreLetGoOnceTheActorExists_RestartablePropsAreKept()
    {
        // Arrange
        await using var system = ActorSystem.Create("supervision");
        var journal = new Journal();

        // Act
        var once = (LocalActorRef)system.ActorOf(Props.Create(() => new Worker(journal)).WithoutRestart(), "once");
        var restartable = (LocalActorRef)system.ActorOf(Props.Create(() => new Worker(journal)), "restartable");
        await once.Ask<int>("count", Timeout);
        await restartable.Ask<int>("count", Timeout);

        // Assert
        Assert.False(once.Cell.HoldsProps);
        Assert.True(restartable.Cell.HoldsProps);
    }

    [Fact]
    public void WithoutRestart_SurvivesWithSupervisorStrategy_AndLeavesTheOriginalRestartable()
    {
        // Arrange
        var props = Props.Create(() => new Worker(new Journal()));

        // Act
        var once = props.WithoutRestart().WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);

        // Assert
        Assert.False(once.IsRestartable);
        Assert.Same(SupervisorStrategy.StoppingStrategy, once.SupervisorStrategy);
        Assert.True(props.IsRestartable);
    }

    [Fact]
    public async Task RestartsBeyondMaxRetriesWithinWindow_StopTheChild()
    {
        // Arrange
        await using var system = ActorSystem.Create("supervision");
        var journal = new Journal();
        var probe = Probe.Create(system);
        var supervisor = system.ActorOf(Props.Create(() => new Supervisor(
            Props.Create(() => new Worker(journal)),
            new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart))));
        var worker = await supervisor.Ask<IActorRef>("child", Timeout);
        await probe.WatchAsync(worker);

        // Act
        worker.Tell("fail");
        worker.Tell("fail");
        worker.Tell("fail");

        // Assert
        await probe.ExpectTerminatedAsync(worker);
        Assert.Equal(["1:ctor", "2:ctor", "3:ctor"], journal.Entries.Where(e => e.EndsWith(":ctor", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RestartWindow_StartsOverOnceItHasPassed()
    {
        // Arrange: one restart allowed per minute of a clock the test moves.
        var clock = new ManualTimeProvider();
        await using var system = ActorSystem.Create("supervision", new ActorSystemSettings { TimeProvider = clock });
        var journal = new Journal();
        var supervisor = system.ActorOf(Props.Create(() => new Supervisor(
            Props.Create(() => new Worker(journal)),
            new OneForOneStrategy(1, TimeSpan.FromMinutes(1), _ => Directive.Restart))));
        var worker = await supervisor.Ask<IActorRef>("child", Timeout);
        worker.Tell("fail");
        await journal.WaitForAsync("2:PreStart");

        // Act
        clock.Advance(TimeSpan.FromMinutes(2));
        worker.Tell("fail");

        // Assert
        await journal.WaitForAsync("3:PreStart");
    }

    [Fact]
    public async Task ConstructorFailure_IsAnInitializationFailure_AndStopsTheActor()
    {
        // Arrange
        await using var system = ActorSystem.Create("supervision");
        var probe = Probe.Create(system);
        var decided = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var supervisor = system.ActorOf(Props.Create(() => new Supervisor(
            Props.Create<Unconstructible>(),
            new OneForOneStrategy(cause =>
            {
                decided.TrySetResult(cause);
                return SupervisorStrategy.DefaultDecider(cause);
            }))));

        // Act
        var child = await supervisor.Ask<IActorRef>("child", Timeout);
        await probe.WatchAsync(child);

        // Assert
        var cause = await decided.Task.WaitAsync(Timeout);
        Assert.IsType<ActorInitializationException>(cause);
        Assert.IsType<NotSupportedException>(cause.InnerException);
        await probe.ExpectTerminatedAsync(child);
    }

    [Fact]
    public async Task FailureEscalatedToTheGuardian_IsLoggedAtError_AndStopsOnlyThatActor()
    {
        // Arrange
        var logs = new CapturingLoggerFactory();
        await using var system = ActorSystem.Create("supervision", new ActorSystemSettings
        {
            LoggerFactory = logs,
            GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate),
        });
        var journal = new Journal();
        var probe = Probe.Create(system);
        var worker = system.ActorOf(Props.Create(() => new Worker(journal)), "worker");
        await probe.WatchAsync(worker);

        // Act
        worker.Tell("fail");

        // Assert
        await probe.ExpectTerminatedAsync(worker);
        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("EscalatedToGuardian", entry.EventId.Name);
        Assert.Same(journal.LastFailure, entry.Exception);
        var stillWorking = system.ActorOf(Props.Create(() => new Worker(journal)));
        Assert.Equal(0, await stillWorking.Ask<int>("count", Timeout));
    }

    [Fact]
    public async Task ChildFailure_IsLoggedOnceAtErrorBySupervisor()
    {
        // Arrange
        var logs = new CapturingLoggerFactory();
        await using var system = ActorSystem.Create("supervision", new ActorSystemSettings { LoggerFactory = logs });
        var journal = new Journal();
        var middleProps = Props.Create(() => new Supervisor(
            Props.Create(() => new Worker(journal)),
            new OneForOneStrategy(_ => Directive.Escalate)));
        var top = system.ActorOf(Props.Create(() => new Supervisor(middleProps, SupervisorStrategy.DefaultStrategy)));
        var middle = await top.Ask<IActorRef>("child", Timeout);
        var worker = await middle.Ask<IActorRef>("child", Timeout);

        // Act
        worker.Tell("fail");
        await Eventually.TrueAsync(() => logs.Entries.Any(e => e.Level == LogLevel.Error), "the failure is logged");

        // Assert
        var entry = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal("ActorFailed", entry.EventId.Name);
        Assert.Equal(Directive.Restart, entry.Properties["Directive"]);
        Assert.Equal(middle.Path, entry.Properties["ActorPath"]);
        Assert.Same(journal.LastFailure, entry.Exception);
    }

    /// <summary>An ordered record of lifecycle events, shared by the instances of one actor.</summary>
    private sealed class Journal
    {
        private readonly ConcurrentQueue<string> _entries = new();
        private int _instances;

        public IReadOnlyList<string> Entries => [.. _entries];

        public Exception? LastFailure { get; set; }

        public int NextInstance() => Interlocked.Increment(ref _instances);

        public void Add(string entry) => _entries.Enqueue(entry);

        public Task WaitForAsync(string entry) => Eventually.TrueAsync(() => _entries.Contains(entry), $"'{entry}' is journaled");
    }

    /// <summary>Counts messages; "fail" throws; every lifecycle hook is journaled with the instance number.</summary>
    private sealed class Worker : ReceiveActor
    {
        private readonly Journal _journal;
        private readonly int _instance;
        private int _count;

        public Worker(Journal journal)
        {
            _journal = journal;
            _instance = journal.NextInstance();
            Log("ctor");
            Receive<string>(m => m == "fail", _ =>
            {
                var failure = new InvalidOperationException("boom");
                _journal.LastFailure = failure;
                throw failure;
            });
            Receive<string>(m => m == "count", _ => Sender.Tell(_count));
            Receive<string>(m =>
            {
                _count++;
                Log(m);
            });
        }

        protected override void PreStart() => Log("PreStart");

        protected override void PostStop() => Log("PostStop");

        protected override void PreRestart(Exception reason, object? message)
        {
            Log($"PreRestart({reason.Message} {message})");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            Log($"PostRestart({reason.Message})");
            base.PostRestart(reason);
        }

        private void Log(string entry) => _journal.Add($"{_instance}:{entry}");
    }

    /// <summary>Creates one child from the given props and supervises it with the given strategy.</summary>
    private sealed class Supervisor : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;

        public Supervisor(Props childProps, SupervisorStrategy strategy)
        {
            _strategy = strategy;
            var child = Context.ActorOf(childProps, "child");
            Receive<string>(m => m == "child", _ => Sender.Tell(child));
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;
    }

    /// <summary>Creates a child named "kid" in PreStart (so again after each restart); "fail" throws.</summary>
    private sealed class ParentWithChild : ReceiveActor
    {
        private readonly Journal _journal;
        private IActorRef _child = ActorRefs.Nobody;

        public ParentWithChild(Journal journal)
        {
            _journal = journal;
            Receive<string>(m => m == "fail", _ => throw new InvalidOperationException("parent boom"));
            Receive<string>(m => m == "child", _ => Sender.Tell(_child));
        }

        protected override void PreStart()
        {
            try
            {
                _child = Context.ActorOf(Props.Create(() => new Kid(_journal)), "kid");
            }
            catch (InvalidActorNameException e)
            {
                _journal.Add("error " + e.Message);
            }
        }
    }

    private sealed class Kid(Journal journal) : ReceiveActor
    {
        protected override void PostStop() => journal.Add("kid stopped");
    }

    private sealed class Unconstructible : ReceiveActor
    {
        public Unconstructible() => throw new NotSupportedException("cannot be built");
    }
}
