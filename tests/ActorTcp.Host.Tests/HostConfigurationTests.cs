using ActorTcp.Configuration;
using ActorTcp.Framing;
using ActorTcp.Heartbeats;
using ActorTcp.Host.Configuration;
using Microsoft.Extensions.Logging;

namespace ActorTcp.Host.Tests;

public sealed class HostConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("actortcp-host-config-").FullName;

    [Fact]
    public void BuiltInDefaults_ServeEchoOnLoopback7400_WithAdminOn7480()
    {
        // Act
        var resolved = ResolvedConfiguration.Load(new HostConfigurationSources(null));

        // Assert
        Assert.True(resolved.CanServe, string.Join("\n", resolved.AllErrors));
        Assert.Equal("127.0.0.1", resolved.Options.Listen.Host);
        Assert.Equal(7400, resolved.Options.Listen.Port);
        Assert.Equal("echo", resolved.Options.Handler.Name);
        Assert.Equal(FramingMode.Line, resolved.Options.Framing.Mode);
        Assert.Equal(HeartbeatMode.Active, resolved.Options.Heartbeat.Mode);
        Assert.Equal("127.0.0.1", resolved.Options.Admin.Host);
        Assert.Equal(7480, resolved.Options.Admin.Port);
    }

    [Fact]
    public void ConfigFile_IsMergedOverTheDefaults_AndSwitchesOverBoth()
    {
        // Arrange
        var file = Write("actortcp { listen.port = 9000, heartbeat.interval = 5s, logging { level = debug, format = json } }");

        // Act
        var resolved = ResolvedConfiguration.Load(new HostConfigurationSources(file, Port: 9100, AdminPort: 9101));

        // Assert
        Assert.True(resolved.CanServe, string.Join("\n", resolved.AllErrors));
        Assert.Equal(9100, resolved.Options.Listen.Port);
        Assert.Equal(9101, resolved.Options.Admin.Port);
        Assert.Equal(TimeSpan.FromSeconds(5), resolved.Options.Heartbeat.Interval);
        Assert.Equal(TimeSpan.FromSeconds(10), resolved.Options.Heartbeat.Timeout);
        Assert.Equal("127.0.0.1", resolved.Options.Listen.Host);
        Assert.Equal(LogLevel.Debug, resolved.Options.Logging.Level);
        Assert.Equal(LogFormat.Json, resolved.Options.Logging.Format);
    }

    [Fact]
    public void BadValues_AreAllReported_EachWithFileLineAndKey()
    {
        // Arrange
        var file = Write("""
            actortcp {
              heartbeat {
                interval = banana
              }
              write.high-watermark = 1.5
            }
            """);

        // Act
        var resolved = ResolvedConfiguration.Load(new HostConfigurationSources(file));

        // Assert
        Assert.False(resolved.CanServe);
        Assert.Collection(
            resolved.Errors,
            error => Assert.StartsWith($"{file}:3:16: actortcp.heartbeat.interval: \"banana\" is not a valid value; expected a duration", error, StringComparison.Ordinal),
            error => Assert.StartsWith($"{file}:5:26: actortcp.write.high-watermark: \"1.5\" is not a valid value", error, StringComparison.Ordinal));
    }

    [Fact]
    public void OutOfRangeValue_IsReportedWithItsFileAndLine()
    {
        // Arrange
        var file = Write("actortcp {\n  write.low-watermark = 1MiB\n}\n");

        // Act
        var error = Assert.Single(ResolvedConfiguration.Load(new HostConfigurationSources(file)).Errors);

        // Assert
        Assert.StartsWith($"{file}:2:", error, StringComparison.Ordinal);
        Assert.Contains("actortcp.write.low-watermark", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_IsReportedWithItsFileAndLine()
    {
        // Arrange
        var file = Write("actortcp {\n  heartbeat {\n    intervall = 5s\n  }\n}\n");

        // Act
        var error = Assert.Single(ResolvedConfiguration.Load(new HostConfigurationSources(file)).Errors);

        // Assert
        Assert.StartsWith($"{file}:3:", error, StringComparison.Ordinal);
        Assert.Contains("actortcp.heartbeat.intervall: is not a known setting", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxError_IsReportedWithFileAndLine()
    {
        // Arrange
        var file = Write("actortcp {\n  listen { port = 1\n");

        // Act
        var error = Assert.Single(ResolvedConfiguration.Load(new HostConfigurationSources(file)).Errors);

        // Assert
        Assert.StartsWith($"{file}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsReportedByName()
    {
        // Arrange
        var file = Path.Combine(_directory, "absent.conf");

        // Act
        var error = Assert.Single(ResolvedConfiguration.Load(new HostConfigurationSources(file)).Errors);

        // Assert
        Assert.Contains("absent.conf", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NonLoopbackAdminWithoutToken_IsRefused_NamingTheTokenAndWhereTheHostWasSet()
    {
        // Arrange
        var file = Write("actortcp {\n  admin.host = \"0.0.0.0\"\n}\n");

        // Act
        var resolved = ResolvedConfiguration.Load(new HostConfigurationSources(file));

        // Assert
        Assert.False(resolved.CanServe);
        var error = Assert.Single(resolved.PolicyErrors);
        Assert.StartsWith($"{file}:2:", error, StringComparison.Ordinal);
        Assert.Contains("actortcp.admin.token: must be set", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NonLoopbackAdminWithToken_IsAllowed()
    {
        // Arrange
        var file = Write("actortcp.admin { host = \"0.0.0.0\", token = \"s3cret\" }");

        // Act
        var resolved = ResolvedConfiguration.Load(new HostConfigurationSources(file));

        // Assert
        Assert.True(resolved.CanServe, string.Join("\n", resolved.AllErrors));
    }

    [Fact]
    public void UnknownHandler_IsRefused_WithFileLineAndKey()
    {
        // Arrange
        var file = Write("actortcp {\n  handler.name = chat\n}\n");

        // Act
        var error = Assert.Single(ResolvedConfiguration.Load(new HostConfigurationSources(file)).PolicyErrors);

        // Assert
        Assert.StartsWith($"{file}:2:", error, StringComparison.Ordinal);
        Assert.Contains("actortcp.handler.name: \"chat\" is not a handler this host knows; expected one of echo", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintedConfiguration_ReadsBackAsTheSameOptions()
    {
        // Arrange
        var file = Write("actortcp { listen.port = 9000, heartbeat.interval = 1500ms, framing.mode = length-prefixed, tcp.linger = 5s }");
        var resolved = ResolvedConfiguration.Load(new HostConfigurationSources(file));

        // Act
        var printed = ResolvedConfigurationWriter.Write(resolved.Options, resolved.Configuration!);
        var reread = ResolvedConfiguration.Load(new HostConfigurationSources(Write(printed)));

        // Assert
        Assert.True(reread.CanServe, string.Join("\n", reread.AllErrors));
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(resolved.Options),
            System.Text.Json.JsonSerializer.Serialize(reread.Options));
        Assert.Contains("port = 9000  # " + file + ":1:", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void PrintedConfiguration_MasksTheAdminToken()
    {
        // Arrange
        var file = Write("actortcp.admin.token = \"s3cret\"");
        var resolved = ResolvedConfiguration.Load(new HostConfigurationSources(file));

        // Act
        var printed = ResolvedConfigurationWriter.Write(resolved.Options, resolved.Configuration!);

        // Assert
        Assert.DoesNotContain("s3cret", printed, StringComparison.Ordinal);
        Assert.Contains("token = \"***\"", printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30_000, "30s")]
    [InlineData(300_000, "5m")]
    [InlineData(1_500, "1500ms")]
    [InlineData(0, "0s")]
    [InlineData(86_400_000, "1d")]
    public void Duration_IsPrintedInTheLargestExactUnit(int milliseconds, string expected) =>
        Assert.Equal(expected, ResolvedConfigurationWriter.Duration(TimeSpan.FromMilliseconds(milliseconds)));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string hocon)
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}.conf");
        File.WriteAllText(file, hocon);
        return file;
    }
}
