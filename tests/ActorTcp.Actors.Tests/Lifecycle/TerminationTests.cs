using System.Collections.Concurrent;
using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit;

namespace ActorTcp.Actors.Tests.Lifecycle;

public sealed class TerminationTests
{
    [Fact]
    public async Task Terminate_StopsChildrenBeforeParents_AndRunsEveryPostStopOnce()
    {
        // Arrange: a tree root -> (a -> (a1, a2), b -> b1) under the guardian.
        var system = ActorSystem.Create("termination");
        var stops = new ConcurrentQueue<string>();
        var started = new CountdownEvent(7);
        system.ActorOf(Props.Create(() => new TreeNode(stops, started, 2, 2)), "root");
        Assert.True(started.Wait(Probe.DefaultTimeout), "the tree started");

        // Act
        await system.Terminate().WaitAsync(Probe.DefaultTimeout);

        // Assert
        var order = stops.ToList();
        Assert.Equal(order.Count, order.Distinct().Count());
        Assert.Equal(7, order.Count);
        foreach (var path in order)
        {
            var parent = path[..path.LastIndexOf('/')];
            var parentIndex = order.IndexOf(parent);
            if (parentIndex >= 0)
            {
                Assert.True(order.IndexOf(path) < parentIndex, $"{path} stopped before its parent {parent}");
            }
        }

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task PoisonPill_ProcessesEarlierMessages_ThenStops_LaterMessagesAreDeadLetters()
    {
        // Arrange
        await using var system = ActorSystem.Create("termination");
        var probe = Probe.Create(system);
        var echo = system.ActorOf(Props.Create(() => new Forwarder(probe.Ref)));
        await probe.WatchAsync(echo);

        // Act
        echo.Tell("one");
        echo.Tell(PoisonPill.Instance);
        echo.Tell("two");

        // Assert
        await probe.ExpectMsgAsync("one");
        await probe.ExpectMsgAsync("PostStop");
        await probe.ExpectTerminatedAsync(echo);
        await Eventually.TrueAsync(() => system.DeadLetterCount == 1, "the message after the pill is a dead letter");
    }

    [Fact]
    public async Task MessageToStoppedActor_GoesToDeadLetters()
    {
        // Arrange
        await using var system = ActorSystem.Create("termination");
        var probe = Probe.Create(system);
        var echo = system.ActorOf(Props.Create(() => new Forwarder(probe.Ref)));
        await probe.WatchAsync(echo);
        system.Stop(echo);
        await probe.ExpectMsgAsync("PostStop");
        await probe.ExpectTerminatedAsync(echo);

        // Act
        echo.Tell("late");

        // Assert
        Assert.Equal(1, system.DeadLetterCount);
    }

    [Fact]
    public async Task Stop_WaitsForChildrenToStop_BeforeParentPostStop()
    {
        // Arrange
        await using var system = ActorSystem.Create("termination");
        var stops = new ConcurrentQueue<string>();
        var started = new CountdownEvent(3);
        var probe = Probe.Create(system);
        var root = system.ActorOf(Props.Create(() => new TreeNode(stops, started, 1, 2)), "root");
        Assert.True(started.Wait(Probe.DefaultTimeout), "the tree started");
        await probe.WatchAsync(root);

        // Act
        system.Stop(root);
        await probe.ExpectTerminatedAsync(root);

        // Assert
        Assert.Equal(3, stops.Count);
        Assert.Equal("/user/root", stops.Last());
    }

    [Fact]
    public async Task ActorOfAfterTerminate_Throws()
    {
        // Arrange
        var system = ActorSystem.Create("termination");
        await system.Terminate().WaitAsync(Probe.DefaultTimeout);

        // Act / Assert
        Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create(() => new Forwarder(ActorRefs.Nobody))));
    }

    [Fact]
    public async Task Kill_FailsTheActor_DefaultStrategyStopsIt()
    {
        // Arrange
        await using var system = ActorSystem.Create("termination");
        var probe = Probe.Create(system);
        var actor = system.ActorOf(Props.Create(() => new Forwarder(probe.Ref)));
        await probe.WatchAsync(actor);

        // Act
        actor.Tell(Kill.Instance);

        // Assert
        await probe.ExpectMsgAsync("PostStop");
        await probe.ExpectTerminatedAsync(actor);
    }

    private sealed class Forwarder : ReceiveActor
    {
        private readonly IActorRef _target;

        public Forwarder(IActorRef target)
        {
            _target = target;
            ReceiveAny(m => target.Tell(m));
        }

        protected override void PostStop() => _target.Tell("PostStop");
    }

    /// <summary>Creates <c>width</c> children down to <c>depth</c>; records its path (without the system prefix) when it stops.</summary>
    private sealed class TreeNode : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _stops;
        private readonly CountdownEvent _started;
        private readonly int _depth;
        private readonly int _width;

        public TreeNode(ConcurrentQueue<string> stops, CountdownEvent started, int depth, int width)
        {
            _stops = stops;
            _started = started;
            _depth = depth;
            _width = width;
        }

        protected override void PreStart()
        {
            if (_depth > 0)
            {
                for (var i = 0; i < _width; i++)
                {
                    Context.ActorOf(Props.Create(() => new TreeNode(_stops, _started, _depth - 1, _width)), $"n{i}");
                }
            }

            _started.Signal();
        }

        protected override void PostStop() => _stops.Enqueue("/" + string.Join('/', Self.Path.Elements));
    }
}
