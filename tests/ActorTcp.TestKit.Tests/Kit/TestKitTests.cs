using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorTcp.TestKit.Tests.Kit;

/// <summary>The kit's own services: the system's lifetime and clock, log output, Within, AwaitAssert, AwaitCondition.</summary>
public sealed class TestKitTests : TestKit
{
    [Fact]
    public void Dispose_TerminatesTheSystem()
    {
        // Arrange
        var kit = new TestKit();

        // Act
        kit.Dispose();

        // Assert
        Assert.True(kit.Sys.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public void RealTimeKit_HasNoVirtualClock_AndItsSchedulerRunsOnTheSystemClock()
    {
        // Arrange
        using var kit = new TestKit(new TestKitOptions { UseRealTime = true });

        // Act
        kit.Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(20), kit.TestActor, "soon", null);

        // Assert
        kit.ExpectMsg("soon");
        Assert.Same(TimeProvider.System, kit.Time);
        Assert.Throws<InvalidOperationException>(() => kit.Advance(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void TestOutput_ReceivesTheSystemsLogs()
    {
        // Arrange
        var output = new RecordingOutput();
        using var kit = new TestKit(output);

        // Act: a dead letter is logged at Information.
        kit.Sys.DeadLetters.Tell("lost");

        // Assert
        kit.AwaitCondition(() => output.Lines.Any(l => l.Contains("[Information]", StringComparison.Ordinal) && l.Contains("System.String", StringComparison.Ordinal)));
    }

    [Fact]
    public void Within_PassesForABlockInsideTheBounds_AndBoundsExpectationsByTheTimeLeft()
    {
        // Arrange
        TimeSpan? remainingInside = null;

        // Act
        Within(TimeSpan.FromSeconds(2), () =>
        {
            remainingInside = RemainingOrDefault;
            TestActor.Tell("here");
            ExpectMsg("here");
        });

        // Assert
        Assert.NotNull(remainingInside);
        Assert.True(remainingInside <= TimeSpan.FromSeconds(2));
        Assert.Equal(DefaultTimeout, RemainingOrDefault);
        Assert.Throws<InvalidOperationException>(() => Remaining);
    }

    [Fact]
    public void KitDefaultTimeout_BoundsTheDefaultProbesExpectations()
    {
        // Arrange
        using var kit = new TestKit(new TestKitOptions { DefaultTimeout = TimeSpan.FromMilliseconds(50) });

        // Act
        var failure = Assert.Throws<XunitException>(() => kit.ExpectMsg<string>());

        // Assert
        Assert.Equal("expected a String within 50 ms but received nothing; last messages: none", failure.Message);
        Assert.Equal(TimeSpan.FromMilliseconds(50), kit.CreateTestProbe().DefaultTimeout);
    }

    [Fact]
    public void ExpectationInsideWithin_WaitsOnlyForTheTimeLeft()
    {
        // Act
        var failure = Assert.Throws<XunitException>(() => Within(TimeSpan.FromMilliseconds(200), () => ExpectMsg<string>()));

        // Assert: not the 3 s default.
        Assert.Matches(@"^expected a String within \d{1,3}(\.\d+)? ms but received nothing", failure.Message);
    }

    [Fact]
    public void Within_FailsWhenTheBlockIsFasterThanTheMinimum()
    {
        // Act
        var failure = Assert.Throws<XunitException>(() => Within(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), () => { }));

        // Assert
        Assert.Contains("less than the 5 s it should at least take", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_FailsWhenTheBlockOverruns()
    {
        // Act: the expectation inside waits for the time left and then some.
        var failure = Assert.Throws<XunitException>(() => Within(TimeSpan.FromMilliseconds(50), () => ExpectNoMsg(TimeSpan.FromMilliseconds(100))));

        // Assert
        Assert.Contains("more than the 50 ms allowed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithinAsync_ChecksTheDurationOfAnAsyncBlock()
    {
        // Act
        var failure = await Assert.ThrowsAsync<XunitException>(() => Within(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), () => Task.CompletedTask));

        // Assert
        Assert.Contains("less than the 5 s", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwaitAssert_RetriesUntilTheAssertionHolds()
    {
        // Arrange
        var attempts = 0;

        // Act
        AwaitAssert(() => Assert.Equal(3, ++attempts), interval: TimeSpan.FromMilliseconds(1));

        // Assert
        Assert.Equal(3, attempts);
    }

    [Fact]
    public void AwaitAssert_WhenTheAssertionNeverHolds_RethrowsItsLastFailure()
    {
        // Act / Assert
        Assert.Throws<EqualException>(() => AwaitAssert(() => Assert.Equal(1, 2), TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void AwaitCondition_ReturnsOnceTheConditionHolds_AndFailsWithItsMessageOtherwise()
    {
        // Arrange
        var polls = 0;

        // Act
        AwaitCondition(() => ++polls == 3);
        var failure = Assert.Throws<XunitException>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(50), "the door opens"));

        // Assert
        Assert.Equal(3, polls);
        Assert.Equal("the condition \"the door opens\" did not become true within 50 ms", failure.Message);
    }

    private sealed class RecordingOutput : ITestOutputHelper
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public void WriteLine(string message) => _lines.Enqueue(message);

        public void WriteLine(string format, params object[] args) =>
            _lines.Enqueue(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
