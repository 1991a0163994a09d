using ActorTcp.Actors;
using Xunit.Abstractions;
using Xunit.Sdk;
using static ActorTcp.TestKit.Tests.Probes.ProbeActors;

namespace ActorTcp.TestKit.Tests.Probes;

/// <summary>Every <see cref="TestProbe"/> expectation, passing and failing, with the words of its failure.</summary>
public sealed class TestProbeTests(ITestOutputHelper output) : TestKit(output)
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void ExpectMsgOfType_ReturnsTheMessage_AndRemembersItsSender()
    {
        // Arrange
        var probe = CreateTestProbe();
        var a = NewSender(this, "a");

        // Act
        a.Tell(new SendTo(probe.Ref, new Pong(1)));
        var pong = probe.ExpectMsg<Pong>();

        // Assert
        Assert.Equal(new Pong(1), pong);
        Assert.Equal(a, probe.Sender);
        Assert.Equal(new Pong(1), probe.LastMessage);
    }

    [Fact]
    public void ExpectMsgOfType_WhenNothingArrives_NamesTheTypeTheWaitAndTheLastMessages()
    {
        // Arrange
        var probe = CreateTestProbe();
        NewSender(this, "a").Tell(new SendTo(probe.Ref, new Ping()));
        probe.ExpectMsg<Ping>();

        // Act
        var failure = Assert.Throws<XunitException>(() => probe.ExpectMsg<Pong>(Short));

        // Assert
        Assert.Equal("expected a Pong within 100 ms but received nothing; last messages: Ping from /user/a", failure.Message);
    }

    [Fact]
    public void ExpectMsgOfType_WhenAnotherTypeArrives_NamesBoth()
    {
        // Arrange
        var probe = CreateTestProbe();
        NewSender(this, "a").Tell(new SendTo(probe.Ref, new Ping()));

        // Act
        var failure = Assert.Throws<XunitException>(() => probe.ExpectMsg<Pong>());

        // Assert
        Assert.Equal("expected a Pong but received Ping from /user/a", failure.Message);
    }

    [Fact]
    public void ExpectMsgWithPredicate_ReturnsAMatch_AndRejectsAMismatchWithTheHint()
    {
        // Arrange
        var probe = CreateTestProbe();
        var a = NewSender(this, "a");
        a.Tell(new SendTo(probe.Ref, new Pong(2)));
        a.Tell(new SendTo(probe.Ref, new Pong(3)));

        // Act
        var match = probe.ExpectMsg<Pong>(p => p.N == 2);
        var failure = Assert.Throws<XunitException>(() => probe.ExpectMsg<Pong>(p => p.N == 2, hint: "N is 2"));

        // Assert
        Assert.Equal(2, match.N);
        Assert.Equal("expected a Pong (N is 2) matching the predicate but received Pong { N = 3 } from /user/a", failure.Message);
    }

    [Fact]
    public void ExpectMsgEqualTo_ReturnsAnEqualMessage_AndRejectsAnotherValue()
    {
        // Arrange
        var probe = CreateTestProbe();
        var a = NewSender(this, "a");
        a.Tell(new SendTo(probe.Ref, "hello"));
        a.Tell(new SendTo(probe.Ref, "bye"));

        // Act
        var hello = probe.ExpectMsg("hello");
        var failure = Assert.Throws<XunitException>(() => probe.ExpectMsg("hello"));

        // Assert
        Assert.Equal("hello", hello);
        Assert.Equal("expected \"hello\" but received \"bye\" from /user/a", failure.Message);
    }

    [Fact]
    public void ExpectNoMsg_PassesOnSilence_AndFailsNamingWhatArrived()
    {
        // Arrange
        var probe = CreateTestProbe();
        probe.ExpectNoMsg(Short);
        NewSender(this, "a").Tell(new SendTo(probe.Ref, new Ping()));

        // Act
        var failure = Assert.Throws<XunitException>(() => probe.ExpectNoMsg(TimeSpan.FromSeconds(3)));

        // Assert
        Assert.Equal("expected no message for 3 s but received Ping from /user/a", failure.Message);
    }

    [Fact]
    public void ExpectTerminated_ReturnsTheTerminationOfAWatchedActor()
    {
        // Arrange
        var probe = CreateTestProbe();
        var a = NewSender(this, "a");
        probe.Watch(a);

        // Act
        Sys.Stop(a);
        var terminated = probe.ExpectTerminated(a);

        // Assert
        Assert.Equal(a, terminated.ActorRef);
    }

    [Fact]
    public void ExpectTerminated_WhenTheActorLives_FailsNamingIt()
    {
        // Arrange
        var probe = CreateTestProbe();
        var a = NewSender(this, "a");
        probe.Watch(a);

        // Act
        var failure = Assert.Throws<XunitException>(() => probe.ExpectTerminated(a, Short));

        // Assert
        Assert.Equal("expected Terminated of /user/a within 100 ms but received nothing; last messages: none", failure.Message);
    }

    [Fact]
    public void Unwatch_StopsTheTerminationFromComing()
    {
        // Arrange
        var probe = CreateTestProbe();
        var a = NewSender(this, "a");
        probe.Watch(a);

        // Act
        probe.Unwatch(a);
        Sys.Stop(a);

        // Assert
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void ReceiveN_ReturnsMessagesInArrivalOrder_AndFailsCountingWhatCame()
    {
        // Arrange
        var probe = CreateTestProbe();
        var a = NewSender(this, "a");
        for (var i = 1; i <= 4; i++)
        {
            a.Tell(new SendTo(probe.Ref, new Pong(i)));
        }

        // Act
        var three = probe.ReceiveN(3);
        var failure = Assert.Throws<XunitException>(() => probe.ReceiveN(2, Short));

        // Assert
        Assert.Equal([new Pong(1), new Pong(2), new Pong(3)], three);
        Assert.Equal("expected 2 messages within 100 ms but received 1: Pong { N = 4 } from /user/a", failure.Message);
    }

    [Fact]
    public void FishForMessage_SkipsUntilTheMatch()
    {
        // Arrange
        var probe = CreateTestProbe();
        var a = NewSender(this, "a");
        a.Tell(new SendTo(probe.Ref, new Ping()));
        a.Tell(new SendTo(probe.Ref, new Pong(1)));
        a.Tell(new SendTo(probe.Ref, new Pong(2)));

        // Act
        var found = probe.FishForMessage<Pong>(m => m is Pong { N: 2 });

        // Assert
        Assert.Equal(new Pong(2), found);
        Assert.False(probe.HasMessages);
    }

    [Fact]
    public void FishForMessage_WhenNoMatchComes_ListsWhatItSkipped()
    {
        // Arrange
        var probe = CreateTestProbe();
        NewSender(this, "a").Tell(new SendTo(probe.Ref, new Ping()));

        // Act
        var failure = Assert.Throws<XunitException>(() => probe.FishForMessage(m => m is Pong, Short, "a Pong"));

        // Assert
        Assert.Equal("fished for a Pong for 100 ms but it did not come; skipped: Ping from /user/a", failure.Message);
    }

    [Fact]
    public void FishForMessageOfType_WhenTheMatchHasAnotherType_SaysSo()
    {
        // Arrange
        var probe = CreateTestProbe();
        NewSender(this, "a").Tell(new SendTo(probe.Ref, new Ping()));

        // Act
        var failure = Assert.Throws<XunitException>(() => probe.FishForMessage<Pong>(_ => true, hint: "anything"));

        // Assert
        Assert.Equal("fished for anything and found Ping from /user/a, which is not a Pong", failure.Message);
    }

    [Fact]
    public async Task Reply_AnswersTheLastSender()
    {
        // Arrange
        var probe = CreateTestProbe();
        var asking = probe.Ref.Ask<string>("question", TimeSpan.FromSeconds(10));
        probe.ExpectMsg("question");

        // Act
        probe.Reply("answer");

        // Assert: the ask's timeout runs on the virtual clock, which stands still meanwhile.
        Assert.Equal("answer", await asking);
    }

    [Fact]
    public void Forward_KeepsTheOriginalSender()
    {
        // Arrange
        var probe = CreateTestProbe();
        var other = CreateTestProbe();
        var a = NewSender(this, "a");
        a.Tell(new SendTo(probe.Ref, new Ping()));
        probe.ExpectMsg<Ping>();

        // Act
        probe.Forward(other.Ref);

        // Assert
        other.ExpectMsg<Ping>();
        Assert.Equal(a, other.Sender);
    }

    [Fact]
    public void Send_MakesTheProbeTheSender_SoRepliesComeBackToIt()
    {
        // Arrange
        var probe = CreateTestProbe();
        var echo = NewEcho(this, "echo");

        // Act
        probe.Send(echo, new Pong(7));

        // Assert
        Assert.Equal(new Pong(7), probe.ExpectMsg<Pong>());
        Assert.Equal(echo, probe.Sender);
    }

    [Fact]
    public void ProbeDefaultTimeout_BoundsExpectationsWithoutOne()
    {
        // Arrange
        var probe = CreateTestProbe();
        probe.DefaultTimeout = TimeSpan.FromMilliseconds(50);

        // Act
        var failure = Assert.Throws<XunitException>(() => probe.ExpectMsg<Ping>());

        // Assert
        Assert.StartsWith("expected a Ping within 50 ms but received nothing", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TestActor_IsTheKitsDefaultProbe()
    {
        // Arrange
        var echo = NewEcho(this, "echo");

        // Act
        echo.Tell(new Pong(1), TestActor);

        // Assert
        Assert.Equal(new Pong(1), ExpectMsg<Pong>());
        Assert.Equal(echo, LastSender);
        Assert.Equal("/user/testActor", "/" + string.Join('/', TestActor.Path.Elements));
    }
}
