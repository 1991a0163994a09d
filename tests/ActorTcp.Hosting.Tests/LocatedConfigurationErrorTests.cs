using ActorTcp.Configuration;
using ActorTcp.Hocon.Configuration;
using ActorTcp.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ActorTcp.Hosting.Tests;

/// <summary>Rejected values are reported where they were written: file, line and column, an environment variable, the command line.</summary>
public sealed class LocatedConfigurationErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("actortcp-hosting-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void BadValueInAFile_IsRejectedWithFileLineAndKey()
    {
        // Arrange
        var file = Write("actortcp {\n  heartbeat {\n    interval = banana\n  }\n}\n");
        var configuration = new ConfigurationBuilder().AddHoconFile(file).Build();

        // Act
        var error = Assert.Throws<ActorTcpConfigurationException>(() => ActorTcpOptionsBinder.Bind(configuration, new ActorTcpOptions()));

        // Assert
        Assert.Equal($"{file}:3:16", error.Location);
        Assert.Equal("actortcp.heartbeat.interval", error.Key);
        Assert.StartsWith($"{file}:3:16: actortcp.heartbeat.interval: \"banana\" is not a valid value; expected a duration such as 500ms, 30s or 5m", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NumberSetting_ReadsADecimal_AndRejectsAnythingElseWithFileLineAndKey()
    {
        // Arrange
        var good = new ConfigurationBuilder().AddHoconFile(Write("actortcp.heartbeat.ping-spread = 0.25")).Build();
        var file = Write("actortcp {\n  heartbeat {\n    ping-spread = 10%\n  }\n}\n");
        var bad = new ConfigurationBuilder().AddHoconFile(file).Build();

        // Act
        var options = new ActorTcpOptions();
        ActorTcpOptionsBinder.Bind(good, options);
        var error = Assert.Throws<ActorTcpConfigurationException>(() => ActorTcpOptionsBinder.Bind(bad, new ActorTcpOptions()));

        // Assert
        Assert.Equal(0.25, options.Heartbeat.PingSpread);
        Assert.StartsWith($"{file}:3:19: actortcp.heartbeat.ping-spread: \"10%\" is not a valid value; expected a number such as 0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadValueOnTheCommandLine_OverridingAFile_IsReportedAtTheCommandLine()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddHoconFile(Write("actortcp.drain.timeout = 30s"))
            .AddCommandLine(["--actortcp:drain:timeout=soon"])
            .Build();

        // Act
        var error = Assert.Throws<ActorTcpConfigurationException>(() => ActorTcpOptionsBinder.Bind(configuration, new ActorTcpOptions()));

        // Assert
        Assert.StartsWith("command line: actortcp.drain.timeout: \"soon\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownGroup_IsReportedAtItsFirstValue()
    {
        // Arrange
        var file = Write("actortcp {\n  hartbeat {\n    interval = 5s\n  }\n}\n");
        var configuration = new ConfigurationBuilder().AddHoconFile(file).Build();

        // Act
        var error = Assert.Throws<ActorTcpConfigurationException>(() => ActorTcpOptionsBinder.Bind(configuration, new ActorTcpOptions()));

        // Assert
        Assert.StartsWith($"{file}:3:16: actortcp.hartbeat: is not a known setting", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("heartbeat.interval = infinite", "actortcp.heartbeat.interval", "finite")]
    [InlineData("write.high-watermark = 0.5MiB", null, null)]
    [InlineData("write.high-watermark = 0.1KiB", "actortcp.write.high-watermark", "whole number of bytes")]
    [InlineData("limits.max-connections = 3GiB", "actortcp.limits.max-connections", "2147483647")]
    [InlineData("framing.frame-timeout = 5 fortnights", "actortcp.framing.frame-timeout", "units: ns, us, ms")]
    public void UnitEdges_AreDecidedForOptions(string hocon, string? rejectedKey, string? because)
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddHoconString("actortcp { " + hocon + " }").Build();

        // Act
        var errors = ActorTcpOptionsBinder.Check(configuration, new ActorTcpOptions());

        // Assert
        if (rejectedKey is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal(rejectedKey, error.Key);
            Assert.Contains(because!, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_ReportsEveryBadValue_NotOnlyTheFirst()
    {
        // Arrange
        var file = Write("actortcp {\n  heartbeat.interval = banana\n  framing.mode = morse\n  drain.timeout = 5s\n}\n");
        var configuration = new ConfigurationBuilder().AddHoconFile(file).Build();
        var options = new ActorTcpOptions();

        // Act
        var errors = ActorTcpOptionsBinder.Check(configuration, options);

        // Assert
        Assert.Equal(["actortcp.heartbeat.interval", "actortcp.framing.mode"], errors.Select(e => e.Key).Order(StringComparer.Ordinal).Reverse());
        Assert.All(errors, error => Assert.StartsWith(file + ":", error.Message, StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(5), options.Drain.Timeout);
    }

    [Fact]
    public void OutOfRangeValue_FoundByValidation_IsLocatedToo()
    {
        // Arrange
        var file = Write("actortcp {\n  write {\n    low-watermark = 1MiB\n  }\n}\n");
        var configuration = new ConfigurationBuilder().AddHoconFile(file).Build();

        // Act
        var error = Assert.Single(ActorTcpOptionsBinder.Check(configuration, new ActorTcpOptions()));

        // Assert
        Assert.Equal("actortcp.write.low-watermark", error.Key);
        Assert.StartsWith($"{file}:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideSpelledWithUnderscores_IsNamedAsTheOrigin_NotTheFileItOverrides()
    {
        // Arrange: the file's value is fine; the override, spelled as environment variables spell keys, is not.
        var configuration = new ConfigurationBuilder()
            .AddHoconFile(Write("actortcp.write.low-watermark = 1KiB"))
            .AddCommandLine(["--actortcp:write:low_watermark=1MiB"])
            .Build();

        // Act
        var error = Assert.Single(ActorTcpOptionsBinder.Check(configuration, new ActorTcpOptions()));

        // Assert
        Assert.Equal("actortcp.write.low-watermark", error.Key);
        Assert.Equal("command line", error.Location);
    }

    [Fact]
    public async Task EmbeddedHost_FailsStart_NamingTheFileLineAndKey()
    {
        // Arrange
        var file = Write("actortcp {\n  listen.port = 0\n  heartbeat.interval = banana\n}\n");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddHoconFile(file);
        builder.Services.AddActorTcp();
        using var host = builder.Build();

        // Act
        var error = await Assert.ThrowsAsync<ActorTcpConfigurationException>(() => host.StartAsync());

        // Assert
        Assert.StartsWith($"{file}:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("actortcp.heartbeat.interval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Origin_IsFoundThroughAChainedConfiguration()
    {
        // Arrange
        var file = Write("actortcp.listen.port = 7000");
        var inner = new ConfigurationBuilder().AddHoconFile(file).Build();
        var outer = new ConfigurationBuilder().AddConfiguration(inner).Build();

        // Act
        var origin = ConfigurationKeyOrigin.Find(outer, "actortcp.listen.port");

        // Assert
        Assert.Equal($"{file}:1:24", origin);
    }

    private string Write(string hocon)
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}.conf");
        File.WriteAllText(file, hocon);
        return file;
    }
}
