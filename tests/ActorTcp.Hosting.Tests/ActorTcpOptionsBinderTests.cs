using ActorTcp.Configuration;
using ActorTcp.Framing;
using ActorTcp.Heartbeats;
using ActorTcp.Hocon.Configuration;
using ActorTcp.Hosting.Configuration;
using ActorTcp.Teardown;
using Microsoft.Extensions.Configuration;

namespace ActorTcp.Hosting.Tests;

public sealed class ActorTcpOptionsBinderTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("2 hours", 7_200_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("250", 250)]
    public void Duration_WithHoconUnit_BindsToTimeSpan(string text, int expectedMilliseconds)
    {
        // Arrange
        var section = Section(("heartbeat:interval", text));
        var options = new ActorTcpOptions();

        // Act
        ActorTcpOptionsBinder.Bind(section, options);

        // Assert
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), options.Heartbeat.Interval);
    }

    [Theory]
    [InlineData("64KiB", 65_536)]
    [InlineData("1MiB", 1_048_576)]
    [InlineData("10kB", 10_000)]
    [InlineData("512", 512)]
    [InlineData("2K", 2_048)]
    public void Size_WithHoconUnit_BindsToBytes(string text, int expectedBytes)
    {
        // Arrange
        var section = Section(("framing:max-frame-size", text));
        var options = new ActorTcpOptions();

        // Act
        ActorTcpOptionsBinder.Bind(section, options);

        // Assert
        Assert.Equal(expectedBytes, options.Framing.MaxFrameSize);
    }

    [Theory]
    [InlineData("length-prefixed", FramingMode.LengthPrefixed)]
    [InlineData("raw", FramingMode.Raw)]
    [InlineData("LengthPrefixed", FramingMode.LengthPrefixed)]
    public void KebabCaseEnum_BindsToMember(string text, FramingMode expected)
    {
        // Arrange
        var section = Section(("framing:mode", text));
        var options = new ActorTcpOptions();

        // Act
        ActorTcpOptionsBinder.Bind(section, options);

        // Assert
        Assert.Equal(expected, options.Framing.Mode);
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("off", false)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    public void HoconBoolean_BindsToBool(string text, bool expected)
    {
        // Arrange: start from the opposite so that binding must change the value.
        var section = Section(("tcp:keepalive:enabled", text));
        var options = new ActorTcpOptions();
        options.Tcp.Keepalive.Enabled = !expected;

        // Act
        ActorTcpOptionsBinder.Bind(section, options);

        // Assert
        Assert.Equal(expected, options.Tcp.Keepalive.Enabled);
    }

    [Fact]
    public void EmptyNullableDuration_BindsToNull()
    {
        // Arrange
        var section = Section(("tcp:linger", ""));
        var options = new ActorTcpOptions();
        options.Tcp.Linger = TimeSpan.FromSeconds(3);

        // Act
        ActorTcpOptionsBinder.Bind(section, options);

        // Assert
        Assert.Null(options.Tcp.Linger);
    }

    [Theory]
    [InlineData("heartbeat:interval", "banana", "actortcp.heartbeat.interval", "duration")]
    [InlineData("write:high-watermark", "lots", "actortcp.write.high-watermark", "size")]
    [InlineData("write:high-watermark", "1.5", "actortcp.write.high-watermark", "size")]
    [InlineData("teardown:prefer-peer-close", "maybe", "actortcp.teardown.prefer-peer-close", "true, false, yes, no, on, off")]
    [InlineData("teardown:on-grace-expired", "explode", "actortcp.teardown.on-grace-expired", "expected one of")]
    public void UnreadableValue_IsRejectedNamingKeyValueAndExpectation(string path, string text, string key, string expectation)
    {
        // Arrange
        var section = Section((path, text));

        // Act
        var error = Assert.Throws<ActorTcpConfigurationException>(() => ActorTcpOptionsBinder.Bind(section, new ActorTcpOptions()));

        // Assert
        Assert.Equal(key, error.Key);
        Assert.StartsWith(key, error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(expectation, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumError_ListsTheKebabCaseMembers()
    {
        // Arrange
        var section = Section(("teardown:on-grace-expired", "explode"));

        // Act
        var error = Assert.Throws<ActorTcpConfigurationException>(() => ActorTcpOptionsBinder.Bind(section, new ActorTcpOptions()));

        // Assert
        foreach (var member in Enum.GetNames<GraceExpiredAction>())
        {
            Assert.Contains(member.ToLowerInvariant(), error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("heartbeat:intervall", "actortcp.heartbeat.intervall")]
    [InlineData("hartbeat:interval", "actortcp.hartbeat")]
    [InlineData("tcp:keepalive:idel", "actortcp.tcp.keepalive.idel")]
    public void UnknownKey_IsRejectedNamingTheKey(string path, string key)
    {
        // Arrange
        var section = Section((path, "5s"));

        // Act
        var error = Assert.Throws<ActorTcpConfigurationException>(() => ActorTcpOptionsBinder.Bind(section, new ActorTcpOptions()));

        // Assert
        Assert.Equal(key, error.Key);
        Assert.Contains("not a known setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueForAWholeGroup_IsRejectedNamingTheGroup()
    {
        // Arrange
        var section = Section(("heartbeat", "5s"));

        // Act
        var error = Assert.Throws<ActorTcpConfigurationException>(() => ActorTcpOptionsBinder.Bind(section, new ActorTcpOptions()));

        // Assert
        Assert.Equal("actortcp.heartbeat", error.Key);
        Assert.Contains("\"5s\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HoconString_BindsToTheOptions()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddHoconString("actortcp { listen.port = 0, heartbeat { mode = active, interval = 5s } }")
            .Build();
        var options = new ActorTcpOptions();

        // Act
        ActorTcpOptionsBinder.Bind(configuration.GetSection(ActorTcpOptions.Section), options);

        // Assert
        Assert.Equal(0, options.Listen.Port);
        Assert.Equal(HeartbeatMode.Active, options.Heartbeat.Mode);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Heartbeat.Interval);
        Assert.Equal(new ActorTcpOptions().Heartbeat.Timeout, options.Heartbeat.Timeout);
    }

    [Fact]
    public void ReferenceConf_BindsToTheDefaults()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddHoconFile(Path.Combine(AppContext.BaseDirectory, "reference.conf"))
            .Build();
        var options = new ActorTcpOptions();
        options.Framing.MaxFrameSize = 1;
        options.Teardown.PreferPeerClose = false;

        // Act
        ActorTcpOptionsBinder.Bind(configuration.GetSection(ActorTcpOptions.Section), options);

        // Assert
        Assert.Equal(64 * 1024, options.Framing.MaxFrameSize);
        Assert.True(options.Teardown.PreferPeerClose);
        Assert.Null(options.Tcp.Linger);
        options.Validate();
    }

    [Fact]
    public void EnvironmentVariable_OverridesHocon()
    {
        // Arrange: a prefix of this test's own keeps the variables away from hosts built by other tests.
        // Environment variables cannot hold '-', so IDLE_TIMEOUT stands for idle-timeout.
        var prefix = $"ACTORTCP_TEST_{Guid.NewGuid():N}_";
        var variables = new[] { prefix + "ACTORTCP__HEARTBEAT__INTERVAL", prefix + "ACTORTCP__HEARTBEAT__IDLE_TIMEOUT" };
        Environment.SetEnvironmentVariable(variables[0], "7s");
        Environment.SetEnvironmentVariable(variables[1], "90s");
        var options = new ActorTcpOptions();
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddHoconString("actortcp { heartbeat { interval = 5s, idle-timeout = 1m } }")
                .AddEnvironmentVariables(prefix)
                .Build();

            // Act
            ActorTcpOptionsBinder.Bind(configuration.GetSection(ActorTcpOptions.Section), options);
        }
        finally
        {
            Array.ForEach(variables, variable => Environment.SetEnvironmentVariable(variable, null));
        }

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(7), options.Heartbeat.Interval);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Heartbeat.IdleTimeout);
    }

    [Fact]
    public void CommandLine_OverridesHocon()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddHoconString("actortcp { framing { mode = line } }")
            .AddCommandLine(["--actortcp:framing:mode=length-prefixed"])
            .Build();
        var options = new ActorTcpOptions();

        // Act
        ActorTcpOptionsBinder.Bind(configuration.GetSection(ActorTcpOptions.Section), options);

        // Assert
        Assert.Equal(FramingMode.LengthPrefixed, options.Framing.Mode);
    }

    private static IConfigurationSection Section(params (string Path, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(v => $"actortcp:{v.Path}", v => (string?)v.Value))
            .Build()
            .GetSection(ActorTcpOptions.Section);
}
