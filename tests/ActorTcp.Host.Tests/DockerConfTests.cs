using ActorTcp.Host.Tests.Support;

namespace ActorTcp.Host.Tests;

/// <summary>
/// hocon/docker.conf as the container reads it: every interface, overrides from ACTORTCP_* variables,
/// and no start without an admin token, since its admin API is then reachable from outside.
/// </summary>
public sealed class DockerConfTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private static readonly string DockerConf = Path.Combine(HostProcess.RepositoryRoot, "hocon", "docker.conf");

    [Fact]
    public async Task WithoutAnAdminToken_TheConfigurationIsRefused_NamingTheTokenAndTheVariable()
    {
        // Act
        var (exitCode, _, error) = await HostProcess.RunAsync(["check-config", "--config", DockerConf], Generous);

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains($"{DockerConf}:", error, StringComparison.Ordinal);
        Assert.Contains("actortcp.admin.token: must be set", error, StringComparison.Ordinal);
        Assert.Contains("ACTORTCP_ADMIN_TOKEN", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAnAdminToken_ItServesOnEveryInterface_WithTheVariablesApplied()
    {
        // Arrange
        var environment = new Dictionary<string, string>
        {
            ["ACTORTCP_ADMIN_TOKEN"] = "s3cret",
            ["ACTORTCP_DRAIN_TIMEOUT"] = "20s",
            ["ACTORTCP__HEARTBEAT__MAX_MISSED"] = "5",
        };

        // Act
        var (exitCode, output, error) = await HostProcess.RunAsync(["check-config", "--config", DockerConf], Generous, environment);

        // Assert
        Assert.True(exitCode == 0, error);
        Assert.Contains("host = \"0.0.0.0\"", output, StringComparison.Ordinal);
        Assert.Contains("token = \"***\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", output, StringComparison.Ordinal);
        Assert.Contains("timeout = 20s", output, StringComparison.Ordinal);
        Assert.Contains("max-missed = 5  # environment variable ACTORTCP__HEARTBEAT__MAX_MISSED", output, StringComparison.Ordinal);
        Assert.Contains("format = json", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigFile_CanBeNamedByTheEnvironment_ForServeAndHealthcheckAlike()
    {
        // Arrange: what a container sets once for every command it runs.
        var environment = new Dictionary<string, string>
        {
            ["ACTORTCP_CONFIG"] = DockerConf,
            ["ACTORTCP_ADMIN_TOKEN"] = "s3cret",
        };

        // Act
        var (exitCode, output, _) = await HostProcess.RunAsync(["check-config"], Generous, environment);

        // Assert
        Assert.Equal(0, exitCode);
        Assert.Contains($"# {DockerConf}:", output, StringComparison.Ordinal);
    }
}
