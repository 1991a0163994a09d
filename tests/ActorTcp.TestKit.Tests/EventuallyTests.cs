using Xunit.Sdk;

namespace ActorTcp.TestKit.Tests;

public sealed class EventuallyTests
{
    [Fact]
    public async Task ConditionThatBecomesTrue_Completes()
    {
        // Arrange
        var calls = 0;

        // Act
        await Eventually.TrueAsync(() => ++calls >= 3, "the third poll");

        // Assert
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task ConditionThatNeverHolds_FailsNamingWhatWasAwaited()
    {
        // Act
        var failure = await Assert.ThrowsAnyAsync<XunitException>(
            () => Eventually.TrueAsync(() => Task.FromResult(false), "the peer closed", TimeSpan.FromMilliseconds(50)));

        // Assert
        Assert.Equal("Timed out waiting until the peer closed", failure.Message);
    }
}
