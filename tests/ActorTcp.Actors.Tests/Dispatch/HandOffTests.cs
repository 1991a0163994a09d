using ActorTcp.Actors.Tests.TestSupport;

namespace ActorTcp.Actors.Tests.Dispatch;

/// <summary>
/// An actor made runnable by a run may wait in that thread's hand-off slot until the run ends;
/// these tests pin down that it never waits on something that can block the thread.
/// </summary>
public sealed class HandOffTests
{
    private static readonly TimeSpan Timeout = Probe.DefaultTimeout;

    [Fact]
    public async Task ActorBlockingOnAnAskInsideItsHandler_GetsTheAnswer()
    {
        // Arrange
        await using var system = ActorSystem.Create("handoff");
        var answerer = system.ActorOf(Props.Create(() => new Answerer()));
        var blocker = system.ActorOf(Props.Create(() => new BlockingAsker(answerer)));

        // Act
        var answer = await blocker.Ask<int>("go", Timeout);

        // Assert
        Assert.Equal(42, answer);
    }

    [Fact]
    public async Task ActorTold_IsNotHeldBackByTheTellersNextMessage()
    {
        // Arrange: the teller's next message blocks until the told actor has run; both messages
        // queue up behind a gate so that one run processes them.
        await using var system = ActorSystem.Create("handoff");
        using var toldRan = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var told = system.ActorOf(Props.Create(() => new Signaller(toldRan)));
        var teller = system.ActorOf(Props.Create(() => new TellThenWait(told, toldRan)));
        teller.Tell(gate);
        teller.Tell("tell");
        var waiting = teller.Ask<bool>("wait", Timeout);

        // Act
        gate.Set();
        var waited = await waiting;

        // Assert
        Assert.True(waited);
    }

    [Fact]
    public async Task ActorWaitingInItsHandlerForANewChildToStart_SeesItStart()
    {
        // Arrange
        await using var system = ActorSystem.Create("handoff");
        var parent = system.ActorOf(Props.Create(() => new WaitingParent()));

        // Act
        var started = await parent.Ask<bool>("spawn", Timeout);

        // Assert
        Assert.True(started);
    }

    private sealed class WaitingParent : ReceiveActor
    {
        public WaitingParent() => Receive<string>(_ =>
        {
            using var started = new ManualResetEventSlim();
            Context.ActorOf(Props.Create(() => new StartSignaller(started)), "child");
            Sender.Tell(started.Wait(Timeout));
        });
    }

    private sealed class StartSignaller(ManualResetEventSlim started) : ReceiveActor
    {
        protected override void PreStart() => started.Set();
    }

    private sealed class Answerer : ReceiveActor
    {
        public Answerer() => Receive<int>(n => Sender.Tell(n * 42));
    }

    private sealed class BlockingAsker : ReceiveActor
    {
        public BlockingAsker(IActorRef answerer) =>
            Receive<string>(_ => Sender.Tell(answerer.Ask<int>(1, Timeout).GetAwaiter().GetResult()));
    }

    private sealed class Signaller : ReceiveActor
    {
        public Signaller(ManualResetEventSlim ran) => ReceiveAny(_ => ran.Set());
    }

    private sealed class TellThenWait : ReceiveActor
    {
        public TellThenWait(IActorRef told, ManualResetEventSlim toldRan)
        {
            Receive<ManualResetEventSlim>(gate => gate.Wait(Timeout));
            Receive<string>(m => m == "tell", _ => told.Tell("run"));
            Receive<string>(m => m == "wait", _ => Sender.Tell(toldRan.Wait(Timeout)));
        }
    }
}
