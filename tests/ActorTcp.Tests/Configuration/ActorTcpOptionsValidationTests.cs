using ActorTcp.Configuration;
using ActorTcp.Heartbeats;
using ActorTcp.Limits;

namespace ActorTcp.Tests.Configuration;

public sealed class ActorTcpOptionsValidationTests
{
    public static TheoryData<string, Action<ActorTcpOptions>, string, string> InvalidValues => new()
    {
        { "port too high", o => o.Listen.Port = 70_000, "actortcp.listen.port", "70000 is out of range, allowed 0 to 65535." },
        { "backlog zero", o => o.Listen.Backlog = 0, "actortcp.listen.backlog", "allowed 1 to 65535" },
        { "empty host", o => o.Listen.Host = string.Empty, "actortcp.listen.host", "must not be empty" },
        { "no connections", o => o.Limits.MaxConnections = 0, "actortcp.limits.max-connections", "allowed 1 to" },
        { "negative per-ip", o => o.Limits.MaxConnectionsPerIp = -1, "actortcp.limits.max-connections-per-ip", "allowed 0 to" },
        { "refusal missing", o => o.Limits.Refusal = string.Empty, "actortcp.limits.refusal", "when over-limit = refuse" },
        { "refusal two lines", o => o.Limits.Refusal = "A\nB", "actortcp.limits.refusal", "single line" },
        { "frame size zero", o => o.Framing.MaxFrameSize = 0, "actortcp.framing.max-frame-size", "allowed 1 to 16777216" },
        { "prefix of 3", o => o.Framing.LengthPrefixBytes = 3, "actortcp.framing.length-prefix-bytes", "allowed 1, 2 or 4" },
        { "frame timeout zero", o => o.Framing.FrameTimeout = TimeSpan.Zero, "actortcp.framing.frame-timeout", "positive duration" },
        { "passive idle zero", o => o.Heartbeat.IdleTimeout = TimeSpan.Zero, "actortcp.heartbeat.idle-timeout", "positive duration" },
        { "active max-missed zero", o => { o.Heartbeat.Mode = HeartbeatMode.Active; o.Heartbeat.MaxMissed = 0; }, "actortcp.heartbeat.max-missed", "allowed 1 to 1000" },
        { "active without ping", o => { o.Heartbeat.Mode = HeartbeatMode.Active; o.Heartbeat.Ping = string.Empty; }, "actortcp.heartbeat.ping", "when mode = active" },
        { "ping spread over half", o => { o.Heartbeat.Mode = HeartbeatMode.Active; o.Heartbeat.PingSpread = 0.6; }, "actortcp.heartbeat.ping-spread", "0.6 is out of range, allowed 0 to 0.5." },
        { "ping spread negative", o => { o.Heartbeat.Mode = HeartbeatMode.Active; o.Heartbeat.PingSpread = -0.1; }, "actortcp.heartbeat.ping-spread", "allowed 0 to 0.5" },
        { "ping spread not a number", o => { o.Heartbeat.Mode = HeartbeatMode.Active; o.Heartbeat.PingSpread = double.NaN; }, "actortcp.heartbeat.ping-spread", "allowed 0 to 0.5" },
        { "active interval zero", o => { o.Heartbeat.Mode = HeartbeatMode.Active; o.Heartbeat.Interval = TimeSpan.Zero; }, "actortcp.heartbeat.interval", "positive duration" },
        { "keepalive sub-second", o => o.Tcp.Keepalive.Idle = TimeSpan.FromMilliseconds(500), "actortcp.tcp.keepalive.idle", "allowed 1 to 32767" },
        { "keepalive count", o => o.Tcp.Keepalive.Count = 200, "actortcp.tcp.keepalive.count", "allowed 1 to 127" },
        { "negative user timeout", o => o.Tcp.UserTimeout = TimeSpan.FromSeconds(-1), "actortcp.tcp.user-timeout", "must not be negative" },
        { "linger zero", o => o.Tcp.Linger = TimeSpan.Zero, "actortcp.tcp.linger", "allowed 1 to 3600" },
        { "close-wait zero", o => o.Teardown.CloseWaitTimeout = TimeSpan.Zero, "actortcp.teardown.close-wait-timeout", "positive duration" },
        { "fin-wait zero", o => o.Teardown.FinWaitTimeout = TimeSpan.Zero, "actortcp.teardown.fin-wait-timeout", "positive duration" },
        { "grace zero", o => o.Teardown.PeerCloseGrace = TimeSpan.Zero, "actortcp.teardown.peer-close-grace", "greater than 0s when actortcp.teardown.prefer-peer-close = on" },
        { "handler fin-wait zero", o => o.Teardown.HandlerFailedFinWait = TimeSpan.Zero, "actortcp.teardown.handler-failed-fin-wait", "positive duration" },
        { "low equals high", o => o.Write.LowWatermark = o.Write.HighWatermark, "actortcp.write.low-watermark", "65536 must be at least 0 and less than actortcp.write.high-watermark (65536)." },
        { "high zero", o => o.Write.HighWatermark = 0, "actortcp.write.high-watermark", "allowed 1 to" },
        { "slow consumer zero", o => o.Write.SlowConsumerTimeout = TimeSpan.Zero, "actortcp.write.slow-consumer-timeout", "positive duration" },
        { "drain zero", o => o.Drain.Timeout = TimeSpan.Zero, "actortcp.drain.timeout", "positive duration" },
        { "connect timeout zero", o => o.Outbound.ConnectTimeout = TimeSpan.Zero, "actortcp.outbound.connect-timeout", "positive duration" },
        { "negative buffer", o => o.Outbound.BufferWhileDisconnected = -1, "actortcp.outbound.buffer-while-disconnected", "allowed 0 to 1073741824" },
        { "min backoff zero", o => o.Outbound.Reconnect.MinBackoff = TimeSpan.Zero, "actortcp.outbound.reconnect.min-backoff", "positive duration" },
        { "max below min", o => o.Outbound.Reconnect.MaxBackoff = TimeSpan.FromMilliseconds(100), "actortcp.outbound.reconnect.max-backoff", "must be at least actortcp.outbound.reconnect.min-backoff (00:00:00.2000000)" },
        { "negative attempts", o => o.Outbound.Reconnect.MaxAttempts = -1, "actortcp.outbound.reconnect.max-attempts", "allowed 0 to" },
    };

    [Fact]
    public void Defaults_AreValid()
    {
        // Arrange
        var options = new ActorTcpOptions();

        // Act
        var failure = Record.Exception(options.Validate);

        // Assert
        Assert.Null(failure);
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void InvalidValue_IsRejectedNamingTheFullKeyAndWhatIsAllowed(
        string scenario, Action<ActorTcpOptions> breakIt, string key, string allowed)
    {
        // Arrange
        var options = new ActorTcpOptions();
        breakIt(options);

        // Act
        var failure = Assert.Throws<ActorTcpConfigurationException>(options.Validate);

        // Assert
        Assert.False(string.IsNullOrEmpty(scenario));
        Assert.Equal(key, failure.Key);
        Assert.StartsWith(key + ": ", failure.Message, StringComparison.Ordinal);
        Assert.Contains(allowed, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValuesOnlyCheckedInTheirMode_AreIgnoredOutsideIt()
    {
        // Arrange: settings of unused modes may be anything.
        var options = new ActorTcpOptions();
        options.Heartbeat.Mode = HeartbeatMode.Off;
        options.Heartbeat.IdleTimeout = TimeSpan.Zero;
        options.Heartbeat.MaxMissed = 0;
        options.Teardown.PreferPeerClose = false;
        options.Teardown.PeerCloseGrace = TimeSpan.Zero;
        options.Tcp.Keepalive.Enabled = false;
        options.Tcp.Keepalive.Count = 0;
        options.Limits.OverLimit = OverLimitAction.Rst;
        options.Limits.Refusal = string.Empty;
        options.Outbound.Reconnect.Enabled = false;
        options.Outbound.Reconnect.MinBackoff = TimeSpan.Zero;
        options.Outbound.Reconnect.MaxBackoff = TimeSpan.Zero;

        // Act
        var failure = Record.Exception(options.Validate);

        // Assert
        Assert.Null(failure);
    }
}
