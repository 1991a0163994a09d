using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorTcp.Configuration;
using ActorTcp.Hocon.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorTcp.Hosting.Tests;

public sealed class EmbeddedHostTests
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task EmbeddedHost_ServesItsHandler_AndStopDrainsWithinTheShutdownTimeout()
    {
        // Arrange
        using var host = BuildHost("""
            actortcp {
              listen { host = "127.0.0.1", port = 0 }
              drain.timeout = 10s
            }
            """);
        await host.StartAsync();
        var server = host.Services.GetRequiredService<ActorTcpServerAccessor>().Server;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        using var reader = new StreamReader(client.GetStream(), Encoding.UTF8);

        // Act: one line through the service's handler, then the host stops.
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("hello\n"));
        var echoed = await reader.ReadLineAsync().WaitAsync(Generous);
        var stopwatch = Stopwatch.StartNew();
        var stopping = host.StopAsync();
        var goodbye = await reader.ReadLineAsync().WaitAsync(Generous);

        // A cooperative client closes on the goodbye, so the server never holds TIME_WAIT.
        client.Client.Shutdown(SocketShutdown.Send);
        var afterGoodbye = await reader.ReadLineAsync().WaitAsync(Generous);
        await stopping.WaitAsync(Generous + ShutdownTimeout);
        stopwatch.Stop();

        // Assert
        Assert.Equal("HELLO", echoed);
        Assert.Equal(new ActorTcpOptions().Teardown.Goodbye, goodbye);
        Assert.Null(afterGoodbye);
        Assert.True(stopwatch.Elapsed < ShutdownTimeout, $"stop took {stopwatch.Elapsed}");
        Assert.False(host.Services.GetRequiredService<ActorTcpServerAccessor>().IsStarted);
    }

    [Fact]
    public async Task UncooperativeClient_IsResetWhenTheShutdownTimeoutIsShorterThanTheDrainTimeout()
    {
        // Arrange: a drain of 60s would outlast the host's 1s shutdown timeout.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddHoconString("""
            actortcp {
              listen { host = "127.0.0.1", port = 0 }
              drain.timeout = 60s
            }
            """);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.Services.AddActorTcp();
        using var host = builder.Build();
        await host.StartAsync();
        var server = host.Services.GetRequiredService<ActorTcpServerAccessor>().Server;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("ping\n"));
        await new StreamReader(client.GetStream(), Encoding.UTF8).ReadLineAsync().WaitAsync(Generous);

        // Act: the client ignores the goodbye and never closes.
        var stop = host.StopAsync().WaitAsync(Generous);

        // Assert: the stop ends long before the 60s drain timeout.
        await stop;
        Assert.False(host.Services.GetRequiredService<ActorTcpServerAccessor>().IsStarted);
    }

    [Fact]
    public async Task BadValue_FailsTheHostStart_NamingTheKey()
    {
        // Arrange
        using var host = BuildHost("actortcp { listen.port = 0, heartbeat.interval = banana }");

        // Act
        var error = await Assert.ThrowsAsync<ActorTcpConfigurationException>(() => host.StartAsync());

        // Assert
        Assert.Equal("actortcp.heartbeat.interval", error.Key);
        Assert.Contains("actortcp.heartbeat.interval", error.Message, StringComparison.Ordinal);
        Assert.Contains("banana", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfRangeValue_FailsTheHostStart_NamingTheKey()
    {
        // Arrange
        using var host = BuildHost("actortcp { listen.port = 70000 }");

        // Act
        var error = await Assert.ThrowsAsync<ActorTcpConfigurationException>(() => host.StartAsync());

        // Assert
        Assert.Equal("actortcp.listen.port", error.Key);
    }

    [Fact]
    public async Task CodeOverride_AppliesAfterConfiguration()
    {
        // Arrange
        using var host = BuildHost(
            "actortcp { listen { host = \"127.0.0.1\", port = 0 }, heartbeat.mode = passive }",
            tcp => tcp.Configure(options => options.Teardown.Goodbye = "SEE YOU"));

        // Act
        await host.StartAsync();
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ActorTcpOptions>>().Value;
        await host.StopAsync();

        // Assert
        Assert.Equal("SEE YOU", options.Teardown.Goodbye);
    }

    private static IHost BuildHost(string hocon, Action<ActorTcpServerBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddHoconString(hocon);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddActorTcp(configure ?? (tcp => tcp.UseHandler<ShoutingEchoHandler>()));
        return builder.Build();
    }
}
