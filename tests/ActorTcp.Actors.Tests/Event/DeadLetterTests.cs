using ActorTcp.Actors.Tests.TestSupport;
using ActorTcp.TestKit.Logging;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Actors.Tests.Event;

public sealed class DeadLetterTests
{
    [Fact]
    public async Task DeadLetters_AreCounted_FirstOnesLoggedIndividually_ThenSummarizedAtMostOncePerInterval()
    {
        // Arrange
        var logs = new CapturingLoggerFactory();
        var clock = new ManualTimeProvider();
        var system = ActorSystem.Create("letters", new ActorSystemSettings
        {
            LoggerFactory = logs,
            TimeProvider = clock,
            DeadLettersLoggedIndividually = 3,
            DeadLetterSummaryInterval = TimeSpan.FromSeconds(10),
        });

        // Act
        for (var i = 0; i < 10; i++)
        {
            system.DeadLetters.Tell(i);
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        system.DeadLetters.Tell(10);
        system.DeadLetters.Tell(11);
        await system.Terminate().WaitAsync(Probe.DefaultTimeout);

        // Assert
        Assert.Equal(12, system.DeadLetterCount);
        var individual = logs.Entries.Where(e => e.EventId.Name == "DeadLetter").ToList();
        Assert.Equal(3, individual.Count);
        Assert.All(individual, e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.Equal(["System.Int32", "System.Int32", "System.Int32"], individual.Select(e => e.Properties["MessageType"]));
        var summaries = logs.Entries.Where(e => e.EventId.Name == "DeadLettersSummary").ToList();
        Assert.All(summaries, e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.Equal([8L, 1L], summaries.Select(e => e.Properties["NotLogged"]));
    }

    [Fact]
    public async Task SuppressedDeadLetters_AreCountedButNeverLogged_NorTakeALoggedSlot()
    {
        // Arrange
        var logs = new CapturingLoggerFactory();
        await using var system = ActorSystem.Create("letters", new ActorSystemSettings { LoggerFactory = logs, DeadLettersLoggedIndividually = 1 });

        // Act
        system.DeadLetters.Tell(new ExpectedLateCompletion());
        system.DeadLetters.Tell(new ExpectedLateCompletion());
        system.DeadLetters.Tell("unexpected");

        // Assert
        Assert.Equal(3, system.DeadLetterCount);
        var entry = Assert.Single(logs.Entries, e => e.EventId.Name == "DeadLetter");
        Assert.Equal("System.String", entry.Properties["MessageType"]);
    }

    [Fact]
    public async Task DeadLetter_LogNamesSenderAndRecipient()
    {
        // Arrange
        var logs = new CapturingLoggerFactory();
        await using var system = ActorSystem.Create("letters", new ActorSystemSettings { LoggerFactory = logs });
        var probe = Probe.Create(system, "sender");
        var gone = Probe.Create(system, "gone");
        await probe.WatchAsync(gone.Ref);
        system.Stop(gone.Ref);
        await probe.ExpectTerminatedAsync(gone.Ref);

        // Act
        gone.Ref.Tell("hello", probe.Ref);

        // Assert
        var entry = Assert.Single(logs.Entries, e => e.EventId.Name == "DeadLetter");
        Assert.Equal(
            "Dead letter System.String from [actortcp://letters/user/sender] to [actortcp://letters/user/gone] (1 so far)",
            entry.Message);
    }

    private sealed record ExpectedLateCompletion : ActorTcp.Actors.Event.IDeadLetterSuppression;
}
