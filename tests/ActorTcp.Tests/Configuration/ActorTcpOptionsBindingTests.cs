using ActorTcp.Configuration;
using ActorTcp.Framing;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Tests.Configuration;

public sealed class ActorTcpOptionsBindingTests
{
    [Fact]
    public void KebabCaseKeys_BindToTheOptionsThroughTheirKeyNames()
    {
        // Arrange: the keys as a configuration provider presents them (sections joined by ':').
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["actortcp:listen:port"] = "0",
                ["actortcp:limits:max-connections-per-ip"] = "8",
                ["actortcp:framing:mode"] = "LengthPrefixed",
                ["actortcp:framing:length-prefix-bytes"] = "2",
                ["actortcp:tcp:keepalive:count"] = "3",
                ["actortcp:tcp:linger"] = "00:00:05",
                ["actortcp:teardown:close-wait-timeout"] = "00:00:00.200",
                ["actortcp:teardown:prefer-peer-close"] = "false",
                ["actortcp:write:low-watermark"] = "1024",
                ["actortcp:outbound:buffer-while-disconnected"] = "4096",
                ["actortcp:outbound:reconnect:max-backoff"] = "00:00:05",
                ["actortcp:outbound:reconnect:max-attempts"] = "7",
            })
            .Build();

        // Act
        var options = configuration.GetSection(ActorTcpOptions.Section).Get<ActorTcpOptions>()!;

        // Assert
        Assert.Equal(0, options.Listen.Port);
        Assert.Equal(8, options.Limits.MaxConnectionsPerIp);
        Assert.Equal(FramingMode.LengthPrefixed, options.Framing.Mode);
        Assert.Equal(2, options.Framing.LengthPrefixBytes);
        Assert.Equal(3, options.Tcp.Keepalive.Count);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Tcp.Linger);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.Teardown.CloseWaitTimeout);
        Assert.False(options.Teardown.PreferPeerClose);
        Assert.Equal(1024, options.Write.LowWatermark);
        Assert.Equal(64 * 1024, options.Write.HighWatermark);
        Assert.Equal(4096, options.Outbound.BufferWhileDisconnected);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Outbound.Reconnect.MaxBackoff);
        Assert.Equal(7, options.Outbound.Reconnect.MaxAttempts);
        Assert.True(options.Outbound.Reconnect.Enabled);
    }
}
