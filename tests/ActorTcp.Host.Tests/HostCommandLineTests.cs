using System.CommandLine;
using ActorTcp.Host.Cli;

namespace ActorTcp.Host.Tests;

public sealed class HostCommandLineTests
{
    [Fact]
    public void NoArguments_RunsServe()
    {
        // Act
        var result = HostCommandLine.Create().Parse([]);

        // Assert
        Assert.Empty(result.Errors);
        Assert.IsType<RootCommand>(result.CommandResult.Command);
        Assert.NotNull(result.CommandResult.Command.Action);
    }

    [Theory]
    [InlineData("--config", "app.conf", "--port", "7401", "--admin-port", "7481")]
    [InlineData("serve", "--config", "app.conf", "--port", "7401", "--admin-port", "7481")]
    [InlineData("serve", "-c", "app.conf", "-p", "7401", "--admin-port", "7481")]
    public void ServeOptions_AreReadOnTheRootAndOnServe(params string[] args)
    {
        // Arrange
        var command = args[0] == "serve" ? new Command("serve") : new RootCommand();
        var serve = new ServeCommand(command);

        // Act
        var result = command.Parse(args[0] == "serve" ? args[1..] : args);
        var sources = serve.Sources(result);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal("app.conf", sources.ConfigFile);
        Assert.Equal(7401, sources.Port);
        Assert.Equal(7481, sources.AdminPort);
    }

    [Fact]
    public void ServeWithoutSwitches_LeavesThePortsToTheConfiguration()
    {
        // Arrange
        var command = new Command("serve");
        var serve = new ServeCommand(command);

        // Act
        var sources = serve.Sources(command.Parse([]));

        // Assert
        Assert.Null(sources.Port);
        Assert.Null(sources.AdminPort);
    }

    [Theory]
    [InlineData("serve", "--port", "lots")]
    [InlineData("serve", "--colour", "red")]
    [InlineData("healthcheck", "--admin-url", "not a url")]
    [InlineData("healthcheck", "--admin-url", "ftp://host/")]
    [InlineData("check-config", "--port", "1")]
    [InlineData("restart")]
    public void BadArguments_AreParseErrors(params string[] args)
    {
        // Act
        var result = HostCommandLine.Create().Parse(args);

        // Assert
        Assert.NotEmpty(result.Errors);
    }

    [Theory]
    [InlineData("check-config", "--config", "app.conf")]
    [InlineData("healthcheck", "--admin-url", "http://127.0.0.1:7480")]
    [InlineData("connections", "--admin-url", "http://127.0.0.1:7480", "--token", "t", "--state", "established", "--limit", "5")]
    [InlineData("drain", "--admin-url", "http://127.0.0.1:7480", "--token", "t")]
    public void EveryCommand_ParsesItsOptions(params string[] args)
    {
        // Act
        var result = HostCommandLine.Create().Parse(args);

        // Assert
        Assert.Empty(result.Errors);
        Assert.Equal(args[0], result.CommandResult.Command.Name);
    }

    [Fact]
    public void AdminUrl_IsReadAsAUri()
    {
        // Act
        var result = HostCommandLine.Create().Parse(["connections", "--admin-url", "http://10.0.0.5:9000/", "--limit", "5"]);

        // Assert
        Assert.Equal(new Uri("http://10.0.0.5:9000/"), result.GetValue<Uri?>("--admin-url"));
        Assert.Equal(5, result.GetValue<int>("--limit"));
    }

    [Theory]
    [InlineData("0.0.0.0", 7480, "http://127.0.0.1:7480/")]
    [InlineData("::", 7480, "http://[::1]:7480/")]
    [InlineData("10.1.2.3", 9000, "http://10.1.2.3:9000/")]
    [InlineData("fe80::1", 9000, "http://[fe80::1]:9000/")]
    public void AdminUrl_OfAnAnyAddressBind_IsLoopback(string host, int port, string expected) =>
        Assert.Equal(new Uri(expected), AdminClient.UrlOf(host, port));
}
