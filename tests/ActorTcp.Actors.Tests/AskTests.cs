using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit;

namespace ActorTcp.Actors.Tests;

public sealed class AskTests
{
    private static readonly TimeSpan Timeout = Probe.DefaultTimeout;

    [Fact]
    public async Task Ask_CompletesWithTheReply()
    {
        // Arrange
        await using var system = ActorSystem.Create("ask");
        var doubler = system.ActorOf(Props.Create(() => new Doubler()));

        // Act
        var reply = await doubler.Ask<int>(21, Timeout);

        // Assert
        Assert.Equal(42, reply);
    }

    [Fact]
    public async Task StatusFailureReply_FaultsTheTaskWithItsCause()
    {
        // Arrange
        await using var system = ActorSystem.Create("ask");
        var doubler = system.ActorOf(Props.Create(() => new Doubler()));

        // Act
        var failure = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => doubler.Ask<int>(-1, Timeout));

        // Assert
        Assert.Equal("n", failure.ParamName);
    }

    [Fact]
    public async Task NoReplyWithinTimeout_FailsWithAskTimeoutNamingTargetMessageTypeAndTimeout()
    {
        // Arrange: the timeout runs on a clock the test moves.
        var clock = new ManualTimeProvider();
        await using var system = ActorSystem.Create("ask", new ActorSystemSettings { TimeProvider = clock });
        var doubler = system.ActorOf(Props.Create(() => new Doubler()), "doubler");
        var asking = doubler.Ask<int>("not a number", TimeSpan.FromSeconds(3));

        // Act
        clock.Advance(TimeSpan.FromSeconds(2));
        var stillWaiting = !asking.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));

        // Assert
        Assert.True(stillWaiting);
        var timeout = await Assert.ThrowsAsync<AskTimeoutException>(() => asking);
        Assert.Equal(
            "Ask timed out on [actortcp://ask/user/doubler] after [3000 ms] waiting for a reply to a message of type [System.String]",
            timeout.Message);
    }

    [Fact]
    public async Task ReplyAfterTimeout_IsADeadLetter()
    {
        // Arrange
        var clock = new ManualTimeProvider();
        await using var system = ActorSystem.Create("ask", new ActorSystemSettings { TimeProvider = clock });
        var holder = system.ActorOf(Props.Create(() => new ReplyLater()));
        var asking = holder.Ask<string>("hold", TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<AskTimeoutException>(() => asking);

        // Act
        holder.Tell("release");

        // Assert
        await Eventually.TrueAsync(() => system.DeadLetterCount == 1, "the late reply is a dead letter");
    }

    [Fact]
    public async Task ReplyOfAnotherType_FaultsWithInvalidCast()
    {
        // Arrange
        await using var system = ActorSystem.Create("ask");
        var doubler = system.ActorOf(Props.Create(() => new Doubler()));

        // Act / Assert
        await Assert.ThrowsAsync<InvalidCastException>(() => doubler.Ask<string>(2, Timeout));
    }

    [Fact]
    public async Task CancelledAsk_IsCancelled()
    {
        // Arrange
        await using var system = ActorSystem.Create("ask");
        var holder = system.ActorOf(Props.Create(() => new ReplyLater()));
        using var cancellation = new CancellationTokenSource();
        var asking = holder.Ask<string>("hold", Timeout, cancellation.Token);

        // Act
        await cancellation.CancelAsync();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking);
    }

    private sealed class Doubler : ReceiveActor
    {
        public Doubler()
        {
            Receive<int>(n =>
            {
                if (n < 0)
                {
                    Sender.Tell(new Status.Failure(new ArgumentOutOfRangeException(nameof(n))));
                }
                else
                {
                    Sender.Tell(n * 2);
                }
            });
        }
    }

    private sealed class ReplyLater : ReceiveActor
    {
        private IActorRef _asker = ActorRefs.Nobody;

        public ReplyLater()
        {
            Receive<string>(m => m == "hold", _ => _asker = Sender);
            Receive<string>(m => m == "release", _ => _asker.Tell("late"));
        }
    }
}
