using ActorTcp.Framing;

namespace ActorTcp.Tests.Framing;

public sealed class FrameTimeoutTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public void FrameDribbledByteByByte_ExpiresFromItsFirstByte()
    {
        // Arrange
        var timeout = default(FrameTimeout);

        // Act: one byte a second of a frame that never ends (slowloris).
        for (var second = 0; second <= 30; second++)
        {
            timeout.Observe(completedFrame: false, partialFrame: true, TimeSpan.FromSeconds(second));
        }

        // Assert
        Assert.Equal(TimeSpan.Zero, timeout.PendingSince);
        Assert.False(timeout.HasExpired(TimeSpan.FromSeconds(29), Limit));
        Assert.True(timeout.HasExpired(TimeSpan.FromSeconds(30), Limit));
    }

    [Fact]
    public void CompletedFrameWithLeftover_RestartsTheClockForTheNewFrame()
    {
        // Arrange
        var timeout = default(FrameTimeout);
        timeout.Observe(false, true, TimeSpan.FromSeconds(1));

        // Act
        timeout.Observe(true, true, TimeSpan.FromSeconds(20));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(20), timeout.PendingSince);
        Assert.Equal(TimeSpan.FromSeconds(25), timeout.RemainingAt(TimeSpan.FromSeconds(25), Limit));
        Assert.False(timeout.HasExpired(TimeSpan.FromSeconds(45), Limit));
    }

    [Fact]
    public void FrameStartedAtTimeZero_IsPending()
    {
        // Arrange
        var timeout = default(FrameTimeout);

        // Act: the connection's clock starts at zero, so a frame can start at zero itself.
        timeout.Observe(completedFrame: false, partialFrame: true, TimeSpan.Zero);

        // Assert
        Assert.True(timeout.IsPending);
        Assert.Equal(TimeSpan.Zero, timeout.PendingSince);
        Assert.True(timeout.HasExpired(Limit, Limit));
    }

    [Fact]
    public void NegativeTime_IsRefused()
    {
        // Arrange
        var timeout = default(FrameTimeout);

        // Act
        var refused = Record.Exception(() => timeout.Observe(completedFrame: false, partialFrame: true, TimeSpan.FromTicks(-1)));

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(refused);
        Assert.False(timeout.IsPending);
    }

    [Fact]
    public void NothingPending_NeverExpires()
    {
        // Arrange
        var timeout = default(FrameTimeout);
        timeout.Observe(false, true, TimeSpan.Zero);

        // Act
        timeout.Observe(true, false, TimeSpan.FromSeconds(5));

        // Assert
        Assert.False(timeout.IsPending);
        Assert.False(timeout.HasExpired(TimeSpan.FromHours(1), Limit));
        Assert.Null(timeout.RemainingAt(TimeSpan.FromHours(1), Limit));
    }
}
