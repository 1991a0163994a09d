using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorTcp.Host.Cli;
using ActorTcp.Host.Tests.Support;
using ActorTcp.TestKit.Sockets;

namespace ActorTcp.Host.Tests;

/// <summary>The built host run as a user runs it: its TCP port, its admin port, its signals and its exit codes.</summary>
public sealed class ServeProcessTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BuiltInDefaults_ServeEchoOnTheTcpPort_AndHealthzOnTheAdminPort()
    {
        // Arrange: no configuration at all, only the ports moved off 7400/7480.
        await using var host = await RunningHost.StartAsync();

        // Act
        using var client = await host.ConnectAsync();
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("hello\n"));
        var echoed = await new StreamReader(client.GetStream()).ReadLineAsync().WaitAsync(Generous);
        using var health = await host.Admin.GetAsync(new Uri("healthz", UriKind.Relative));
        using var ready = await host.Admin.GetAsync(new Uri("readyz", UriKind.Relative));

        // Assert
        Assert.Equal("hello", echoed);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"status\":\"healthy\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Sigterm_With100CooperativeClients_DrainsWithinTheTimeout_AndExitsZero_LeavingNoTimeWaitOnTheServerPort()
    {
        // Arrange: 100 clients that close as soon as they read the goodbye.
        const int Clients = 100;
        var drainTimeout = TimeSpan.FromSeconds(20);
        await using var host = await RunningHost.StartAsync("actortcp.drain.timeout = 20s");
        var connected = new CountdownEvent(Clients);
        var clients = Enumerable.Range(0, Clients)
            .Select(_ => Task.Run(() => CooperativeClientAsync(host.Port, connected)))
            .ToList();
        Assert.True(connected.Wait(Generous), "every client connected and was echoed");

        // Act
        var stopwatch = Stopwatch.StartNew();
        host.Process.Terminate();
        var exitCode = await host.Process.WaitForExitAsync(drainTimeout + Generous);
        stopwatch.Stop();
        var outcomes = await Task.WhenAll(clients).WaitAsync(Generous);

        // Assert: the process drained and exited 0 in time.
        Assert.Equal(0, exitCode);
        Assert.True(stopwatch.Elapsed < drainTimeout, $"exit took {stopwatch.Elapsed}");

        // Every client saw the goodbye and closed first, so the peers hold TIME_WAIT, never the server.
        Assert.All(outcomes, outcome => Assert.Equal(ClientOutcome.SawGoodbyeAndClosedFirst, outcome.Outcome));
        Assert.Contains($": {Clients} closed by the peer first, 0 by our FIN, 0 by RST", host.Process.Output, StringComparison.Ordinal);

        // Matched by the clients' ports as well: a port handed out afresh may still have old TIME_WAIT entries.
        var clientPorts = outcomes.Select(outcome => outcome.Port).ToHashSet();
        var serverTimeWait = KernelTcpTable.ReadAll()
            .Where(socket => socket.State == KernelTcpState.TimeWait
                && socket.LocalEndPoint.Port == host.Port && clientPorts.Contains(socket.RemoteEndPoint.Port))
            .ToList();
        Assert.Empty(serverTimeWait);
    }

    [Fact]
    public async Task CtrlC_DrainsLikeSigterm_AndExitsZero()
    {
        // Arrange
        await using var host = await RunningHost.StartAsync();
        using var client = await host.ConnectAsync();
        using var reader = await EchoOneLineAsync(client);

        // Act
        host.Process.Interrupt();
        var goodbye = await reader.ReadLineAsync().WaitAsync(Generous);
        client.Client.Shutdown(SocketShutdown.Send);
        var exitCode = await host.Process.WaitForExitAsync(Generous);

        // Assert
        Assert.Equal("BYE", goodbye);
        Assert.Equal(0, exitCode);
        Assert.Contains("SIGINT received: draining", host.Process.Output, StringComparison.Ordinal);
        Assert.Contains(": 1 closed by the peer first", host.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondSignal_ExitsAtOnce_WithoutWaitingForTheDrain()
    {
        // Arrange: a client that ignores the goodbye would hold the drain for a minute.
        await using var host = await RunningHost.StartAsync("actortcp { drain.timeout = 60s, teardown.peer-close-grace = 60s }");
        using var client = await host.ConnectAsync();
        using var reader = await EchoOneLineAsync(client);

        // Act: the second signal comes once the drain is under way and the first is well in the past
        // (a repeat within moments is the same signal delivered twice, see SignalLifetime).
        host.Process.Terminate();
        var goodbye = await reader.ReadLineAsync().WaitAsync(Generous);
        await Task.Delay(SignalLifetime.RepeatWindow * 4);
        var stopwatch = Stopwatch.StartNew();
        host.Process.Terminate();
        var exitCode = await host.Process.WaitForExitAsync(Generous);

        // Assert
        Assert.Equal("BYE", goodbye);
        Assert.Equal(128 + 15, exitCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"exit took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task SignalDeliveredTwiceAtOnce_StillDrains_AndExitsZero()
    {
        // Arrange: as when a signal reaches the process group and a parent forwards it too.
        await using var host = await RunningHost.StartAsync();
        using var client = await host.ConnectAsync();
        using var reader = await EchoOneLineAsync(client);

        // Act
        host.Process.TerminateTwiceAtOnce();
        var goodbye = await reader.ReadLineAsync().WaitAsync(Generous);
        client.Client.Shutdown(SocketShutdown.Send);
        var exitCode = await host.Process.WaitForExitAsync(Generous);

        // Assert
        Assert.Equal("BYE", goodbye);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Readyz_IsNotReadyWhileDraining_WhileHealthzStaysHealthy()
    {
        // Arrange: a client that ignores the goodbye keeps the drain going.
        await using var host = await RunningHost.StartAsync("actortcp { drain.timeout = 60s, teardown.peer-close-grace = 60s }");
        using var client = await host.ConnectAsync();
        using var reader = await EchoOneLineAsync(client);

        // Act
        host.Process.Terminate();
        var goodbye = await reader.ReadLineAsync().WaitAsync(Generous);
        using var ready = await host.Admin.GetAsync(new Uri("readyz", UriKind.Relative));
        using var health = await host.Admin.GetAsync(new Uri("healthz", UriKind.Relative));
        client.Client.Shutdown(SocketShutdown.Send);
        var exitCode = await host.Process.WaitForExitAsync(Generous);

        // Assert
        Assert.Equal("BYE", goodbye);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"phase\":\"draining\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, exitCode);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("check-config")]
    public async Task BadValue_FailsWithFileLineAndKey_AndExitCode2(string command)
    {
        // Arrange: the bad value is on line 3.
        var file = Path.Combine(Path.GetTempPath(), $"actortcp-bad-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, "actortcp {\n  heartbeat {\n    interval = banana\n  }\n}\n");
        string[] args = command == "serve"
            ? [command, "--config", file, "--port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)]
            : [command, "--config", file];
        try
        {
            // Act
            var (exitCode, output, error) = await HostProcess.RunAsync(args, Generous);

            // Assert
            Assert.Equal(2, exitCode);
            Assert.Contains($"{file}:3:16: actortcp.heartbeat.interval: \"banana\" is not a valid value; expected a duration", error, StringComparison.Ordinal);
            Assert.DoesNotContain("listening", output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CheckConfig_OfAGoodFile_PrintsTheResolvedConfiguration_AndExitsZero()
    {
        // Arrange
        var file = Path.Combine(Path.GetTempPath(), $"actortcp-good-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, "actortcp.listen.port = 9000\n");
        try
        {
            // Act
            var (exitCode, output, _) = await HostProcess.RunAsync(["check-config", "--config", file], Generous);

            // Assert
            Assert.Equal(0, exitCode);
            Assert.Contains($"port = 9000  # {file}:1:", output, StringComparison.Ordinal);
            Assert.Contains("goodbye = \"BYE\"", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(ClientOutcome Outcome, int Port)> CooperativeClientAsync(int port, CountdownEvent connected)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var localPort = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        return (await CooperateAsync(client, connected), localPort);
    }

    private static async Task<ClientOutcome> CooperateAsync(TcpClient client, CountdownEvent connected)
    {
        var stream = client.GetStream();
        using var reader = new StreamReader(stream);
        await stream.WriteAsync(Encoding.UTF8.GetBytes("ping\n"));
        var echoed = await reader.ReadLineAsync().WaitAsync(Generous);
        connected.Signal();
        if (echoed != "ping")
        {
            return ClientOutcome.NotEchoed;
        }

        var goodbye = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (goodbye != "BYE")
        {
            return ClientOutcome.NoGoodbye;
        }

        // Our FIN goes first; the server's FIN answers it, and the read sees the end of the stream.
        client.Client.Shutdown(SocketShutdown.Send);
        var after = await reader.ReadLineAsync().WaitAsync(Generous);
        return after is null ? ClientOutcome.SawGoodbyeAndClosedFirst : ClientOutcome.NoGoodbye;
    }

    /// <summary>Sends one line and waits for its echo, so the connection is known to be served; returns the reader of what follows.</summary>
    private static async Task<StreamReader> EchoOneLineAsync(TcpClient client)
    {
        var reader = new StreamReader(client.GetStream());
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("hi\n"));
        await reader.ReadLineAsync().WaitAsync(Generous);
        return reader;
    }
}
