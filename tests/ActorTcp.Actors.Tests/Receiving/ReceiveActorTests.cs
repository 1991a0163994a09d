using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit;
using ActorTcp.TestKit.Logging;

namespace ActorTcp.Actors.Tests.Receiving;

public sealed class ReceiveActorTests
{
    private static readonly TimeSpan Timeout = Probe.DefaultTimeout;

    [Fact]
    public async Task PredicateHandler_TakesOnlyMatchingMessages_OthersFallThroughInOrder()
    {
        // Arrange
        await using var system = ActorSystem.Create("receive");
        var actor = system.ActorOf(Props.Create(() => new Classifier()));

        // Act
        var positive = await actor.Ask<string>(5, Timeout);
        var other = await actor.Ask<string>(-5, Timeout);
        var text = await actor.Ask<string>("hello", Timeout);

        // Assert
        Assert.Equal(("positive 5", "int -5", "any hello"), (positive, other, text));
    }

    [Fact]
    public async Task FuncHandler_ReturningFalse_PassesTheMessageOnToLaterHandlers()
    {
        // Arrange
        await using var system = ActorSystem.Create("receive");
        var actor = system.ActorOf(Props.Create(() => new Picky()));

        // Act
        var taken = await actor.Ask<string>("short", Timeout);
        var passed = await actor.Ask<string>("a rather long text", Timeout);

        // Assert
        Assert.Equal(("func short", "fallback a rather long text"), (taken, passed));
    }

    [Fact]
    public async Task Become_ReplacesTheBehaviourFromTheNextMessageOn_AndUnbecomeStackedReturns()
    {
        // Arrange
        await using var system = ActorSystem.Create("receive");
        var actor = system.ActorOf(Props.Create(() => new Switch()));

        // Act
        var initially = await actor.Ask<string>("state", Timeout);
        actor.Tell("on");
        var afterBecome = await actor.Ask<string>("state", Timeout);
        actor.Tell("stacked");
        var afterStacked = await actor.Ask<string>("state", Timeout);
        actor.Tell("unstack");
        var afterUnstack = await actor.Ask<string>("state", Timeout);

        // Assert
        Assert.Equal(["off", "on", "stacked", "on"], [initially, afterBecome, afterStacked, afterUnstack]);
    }

    [Fact]
    public async Task UnhandledMessage_IsPublishedAsDeadLetterAndLogged()
    {
        // Arrange
        var logs = new CapturingLoggerFactory();
        await using var system = ActorSystem.Create("receive", new ActorSystemSettings { LoggerFactory = logs });
        var actor = system.ActorOf(Props.Create(() => new Classifier()), "classifier");

        // Act
        actor.Tell(3.5);
        await Eventually.TrueAsync(() => logs.Entries.Any(e => e.EventId.Name == "UnhandledMessage"), "the unhandled message is logged");

        // Assert
        Assert.Equal(1, system.DeadLetterCount);
        var entry = Assert.Single(logs.Entries, e => e.EventId.Name == "UnhandledMessage");
        Assert.Equal("System.Double", entry.Properties["MessageType"]);
        Assert.Contains("/user/classifier", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveOutsideConstructor_Throws()
    {
        // Arrange
        await using var system = ActorSystem.Create("receive");
        var actor = system.ActorOf(Props.Create(() => new LateRegistration()));

        // Act
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => actor.Ask<object>("register", Timeout));

        // Assert
        Assert.Contains("constructor", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntypedActor_BecomeStacked_SwitchesAndReturns()
    {
        // Arrange
        await using var system = ActorSystem.Create("receive");
        var actor = system.ActorOf(Props.Create(() => new UntypedSwitch()));

        // Act
        actor.Tell("flip");
        var flipped = await actor.Ask<string>("state", Timeout);
        actor.Tell("flip");
        var back = await actor.Ask<string>("state", Timeout);

        // Assert
        Assert.Equal(("flipped", "normal"), (flipped, back));
    }

    private sealed class Classifier : ReceiveActor
    {
        public Classifier()
        {
            Receive<int>(n => n > 0, n => Sender.Tell($"positive {n}"));
            Receive<int>(n => Sender.Tell($"int {n}"));
            Receive<string>(s => Sender.Tell($"any {s}"));
        }
    }

    private sealed class Picky : ReceiveActor
    {
        public Picky()
        {
            Receive<string>(s =>
            {
                if (s.Length > 5)
                {
                    return false;
                }

                Sender.Tell($"func {s}");
                return true;
            });
            ReceiveAny(m => Sender.Tell($"fallback {m}"));
        }
    }

    private sealed class Switch : ReceiveActor
    {
        public Switch()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("off"));
            Receive<string>(s => s == "on", _ => Become(On));
        }

        private void On()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("on"));
            Receive<string>(s => s == "stacked", _ => BecomeStacked(() =>
            {
                Receive<string>(s => s == "state", _ => Sender.Tell("stacked"));
                Receive<string>(s => s == "unstack", _ => UnbecomeStacked());
            }));
        }
    }

    private sealed class LateRegistration : ReceiveActor
    {
        public LateRegistration()
        {
            Receive<string>(_ =>
            {
                try
                {
                    Receive<int>(_ => { });
                }
                catch (InvalidOperationException e)
                {
                    Sender.Tell(new Status.Failure(e));
                }
            });
        }
    }

    private sealed class UntypedSwitch : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "flip")
            {
                BecomeStacked(Flipped);
            }
            else if (message is "state")
            {
                Sender.Tell("normal");
            }
        }

        private void Flipped(object message)
        {
            if (message is "flip")
            {
                UnbecomeStacked();
            }
            else if (message is "state")
            {
                Sender.Tell("flipped");
            }
        }
    }
}
