using ActorTcp.Configuration;
using ActorTcp.Heartbeats;
using ActorTcp.Tests.Framing;

namespace ActorTcp.Tests.Heartbeats;

public sealed class HeartbeatPolicyTests
{
    [Fact]
    public void PingAndPongFrames_AreRecognisedAcrossSegments()
    {
        // Arrange
        var policy = new HeartbeatPolicy(new HeartbeatOptions { Ping = "PING", Pong = "PONG" });

        // Act + Assert
        Assert.True(policy.IsPong(Segments.OneBytePerSegment(Segments.Ascii("PONG"))));
        Assert.True(policy.IsPing(Segments.Of("PING")));
        Assert.False(policy.IsPong(Segments.Of("PONGS")));
        Assert.False(policy.IsPong(Segments.Of("PING")));
    }

    [Fact]
    public void EmptyPong_MatchesNoFrame()
    {
        // Arrange
        var policy = new HeartbeatPolicy(new HeartbeatOptions { Pong = string.Empty });

        // Act + Assert
        Assert.False(policy.IsPong(Segments.Of(string.Empty)));
    }

    [Theory]
    [InlineData(HeartbeatMode.Passive, 300)]
    [InlineData(HeartbeatMode.Active, 60)]
    public void Budget_IsTheLongestSilenceBeforeTheConnectionEnds(HeartbeatMode mode, int seconds)
    {
        // Arrange + Act
        var policy = new HeartbeatPolicy(new HeartbeatOptions { Mode = mode });

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(seconds), policy.Budget);
    }
}
