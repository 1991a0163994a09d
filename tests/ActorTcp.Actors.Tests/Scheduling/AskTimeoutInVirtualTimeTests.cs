using ActorTcp.TestKit.VirtualTime;

namespace ActorTcp.Actors.Tests.Scheduling;

/// <summary>Ask timeouts run on the system scheduler, so a virtual clock decides when they expire.</summary>
public sealed class AskTimeoutInVirtualTimeTests
{
    [Fact]
    public async Task AskWithoutReply_TimesOutExactlyWhenVirtualTimeReachesTheTimeout()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        await using var system = ActorSystem.Create("ask", new ActorSystemSettings { TimeProvider = clock });
        var silent = system.ActorOf(Props.Create(() => new Silent()), "silent");
        var asking = silent.Ask<string>(42, TimeSpan.FromSeconds(5));

        // Act
        clock.Advance(TimeSpan.FromMilliseconds(4990));
        var completedEarly = asking.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(10));

        // Assert: the wheel completes the task on this thread, during Advance.
        Assert.False(completedEarly);
        var timeout = await Assert.ThrowsAsync<AskTimeoutException>(() => asking);
        Assert.Equal(
            "Ask timed out on [actortcp://ask/user/silent] after [5000 ms] waiting for a reply to a message of type [System.Int32]",
            timeout.Message);
    }

    [Fact]
    public async Task AskAfterTermination_FailsWithTheTimeoutError()
    {
        // Arrange
        var clock = new VirtualTimeProvider();
        var system = ActorSystem.Create("ask", new ActorSystemSettings { TimeProvider = clock });
        var silent = system.ActorOf(Props.Create(() => new Silent()), "silent");
        await system.Terminate();

        // Act
        var asking = silent.Ask<string>(42, TimeSpan.FromSeconds(5));

        // Assert: no reply can come, and no clock will ever run the timeout.
        await Assert.ThrowsAsync<AskTimeoutException>(() => asking);
    }

    private sealed class Silent : UntypedActor
    {
        protected override void OnReceive(object message)
        {
        }
    }
}
