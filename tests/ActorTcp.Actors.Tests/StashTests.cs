using System.Collections.Concurrent;
using ActorTcp.Actors.Tests.TestSupport;

namespace ActorTcp.Actors.Tests;

public sealed class StashTests
{
    private static readonly TimeSpan Timeout = Probe.DefaultTimeout;

    [Fact]
    public async Task UnstashAll_DeliversStashedMessagesInOrderWithTheirSenders_BeforeNewerMail()
    {
        // Arrange
        await using var system = ActorSystem.Create("stash");
        var probe = Probe.Create(system);
        var otherSender = Probe.Create(system);
        var gatekeeper = system.ActorOf(Props.Create(() => new Gatekeeper(probe.Ref)));

        // Act
        gatekeeper.Tell("a", probe.Ref);
        gatekeeper.Tell("b", otherSender.Ref);
        gatekeeper.Tell("c", probe.Ref);
        gatekeeper.Tell("open");
        gatekeeper.Tell("d", probe.Ref);

        // Assert
        var seen = new List<(object, IActorRef)>();
        for (var i = 0; i < 4; i++)
        {
            var received = await probe.ReceiveAsync();
            seen.Add((received.Message, ((Processed)received.Message).Sender));
        }

        Assert.Equal(["a", "b", "c", "d"], seen.Select(s => ((Processed)s.Item1).Message));
        Assert.Equal([probe.Ref, otherSender.Ref, probe.Ref, probe.Ref], seen.Select(s => s.Item2));
    }

    [Fact]
    public async Task Unstash_ReturnsOnlyTheOldestMessage()
    {
        // Arrange
        await using var system = ActorSystem.Create("stash");
        var probe = Probe.Create(system);
        var gatekeeper = system.ActorOf(Props.Create(() => new Gatekeeper(probe.Ref)));
        gatekeeper.Tell("a");
        gatekeeper.Tell("b");

        // Act
        gatekeeper.Tell("peek");

        // Assert
        Assert.Equal("a", (await probe.ExpectMsgAsync<Processed>()).Message);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Restart_ReturnsTheStashToTheMailbox_TheNewInstanceGetsItFirst()
    {
        // Arrange
        await using var system = ActorSystem.Create("stash");
        var probe = Probe.Create(system);
        var gatekeeper = system.ActorOf(Props.Create(() => new Gatekeeper(probe.Ref)));
        gatekeeper.Tell("a");
        gatekeeper.Tell("b");

        // Act
        gatekeeper.Tell("crash");
        gatekeeper.Tell("open");
        gatekeeper.Tell("c");

        // Assert: the new instance starts closed again, stashes a and b again, then opens.
        Assert.Equal("a", (await probe.ExpectMsgAsync<Processed>()).Message);
        Assert.Equal("b", (await probe.ExpectMsgAsync<Processed>()).Message);
        Assert.Equal("c", (await probe.ExpectMsgAsync<Processed>()).Message);
    }

    [Fact]
    public async Task Stop_SendsStashedMessagesToDeadLetters()
    {
        // Arrange
        await using var system = ActorSystem.Create("stash");
        var probe = Probe.Create(system);
        var gatekeeper = system.ActorOf(Props.Create(() => new Gatekeeper(probe.Ref)));
        await probe.WatchAsync(gatekeeper);
        gatekeeper.Tell("a");
        gatekeeper.Tell("b");

        // Act
        gatekeeper.Tell(PoisonPill.Instance);

        // Assert
        await probe.ExpectTerminatedAsync(gatekeeper);
        Assert.Equal(2, system.DeadLetterCount);
    }

    [Fact]
    public async Task StashingTheSameMessageTwice_Throws()
    {
        // Arrange
        await using var system = ActorSystem.Create("stash");
        var errors = new ConcurrentQueue<Exception>();
        var actor = system.ActorOf(Props.Create(() => new DoubleStasher(errors)));

        // Act
        await actor.Ask<string>("stash twice", Timeout);

        // Assert
        Assert.IsType<InvalidOperationException>(Assert.Single(errors));
    }

    private sealed record Processed(object Message, IActorRef Sender);

    /// <summary>Stashes everything until "open"; then reports each message with its original sender.</summary>
    private sealed class Gatekeeper : ReceiveActor, IWithStash
    {
        public Gatekeeper(IActorRef probe)
        {
            Receive<string>(m => m == "open", _ =>
            {
                Become(() => ReceiveAny(m => probe.Tell(new Processed(m, Sender))));
                Stash.UnstashAll();
            });
            Receive<string>(m => m == "peek", _ =>
            {
                Become(() => ReceiveAny(m => probe.Tell(new Processed(m, Sender))));
                Stash.Unstash();
            });
            Receive<string>(m => m == "crash", _ => throw new InvalidOperationException("crash"));
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }

    private sealed class DoubleStasher : ReceiveActor, IWithStash
    {
        public DoubleStasher(ConcurrentQueue<Exception> errors)
        {
            ReceiveAny(_ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                }
                catch (InvalidOperationException e)
                {
                    errors.Enqueue(e);
                }

                Stash.ClearStash();
                Sender.Tell("done");
            });
        }

        public IStash Stash { get; set; } = null!;
    }
}
