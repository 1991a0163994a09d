using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ActorTcp.Host.Tests.Support;
using ActorTcp.TestKit;

namespace ActorTcp.Host.Tests;

/// <summary>The admin HTTP API of the built host, over real sockets.</summary>
public sealed class AdminApiProcessTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Metrics_ParseAsPrometheusText_WithStateGaugesAndCloseCountersByReasonAndClosedFirst()
    {
        // Arrange: one connection that echoes a line, then closes from the client's side.
        await using var host = await RunningHost.StartAsync();
        using (var client = await host.ConnectAsync())
        {
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.UTF8.GetBytes("hi\n"));
            await new StreamReader(stream).ReadLineAsync().WaitAsync(Generous);
            client.Client.Shutdown(SocketShutdown.Send);
            await stream.ReadAsync(new byte[16]).AsTask().WaitAsync(Generous);
        }

        // Act
        string text = string.Empty;
        await Eventually.TrueAsync(
            async () =>
            {
                text = await host.Admin.GetStringAsync(new Uri("metrics", UriKind.Relative));
                return text.Contains("actortcp_connections_closed_total{", StringComparison.Ordinal);
            },
            "the close is counted", Eventually.ProcessTimeout);
        using var response = await host.Admin.GetAsync(new Uri("metrics", UriKind.Relative));
        var families = PrometheusTextParser.Parse(text);

        // Assert
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var states = families["actortcp_connections"];
        Assert.Equal("gauge", states.Type);
        Assert.Equal(
            ["CloseRequested", "Closing", "Established", "PeerClosed"],
            states.Samples.Select(s => s.Labels["state"]).Order(StringComparer.Ordinal));
        Assert.All(states.Samples, sample => Assert.Equal(0, sample.Value));
        var closed = families["actortcp_connections_closed_total"];
        Assert.Equal("counter", closed.Type);
        var peerClosed = Assert.Single(closed.Samples);
        Assert.Equal("PeerClosed", peerClosed.Labels["reason"]);
        Assert.Equal("Peer", peerClosed.Labels["closed_first_by"]);
        Assert.Equal(1, peerClosed.Value);
        Assert.Equal("counter", families["actortcp_connections_accepted_total"].Type);
        Assert.Equal("histogram", families["actortcp_connection_duration_seconds"].Type);
    }

    [Theory]
    [InlineData("api/drain", null)]
    [InlineData("api/broadcast", "Bearer wrong")]
    [InlineData("api/connections/1/send", null)]
    [InlineData("api/connections/1/close?mode=abort", "Basic s3cret")]
    public async Task MutatingCall_WithoutTheToken_Gets401(string path, string? authorization)
    {
        // Arrange
        await using var host = await RunningHost.StartAsync("actortcp.admin.token = \"s3cret\"");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(new { text = "hello" }),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        // Act
        using var response = await host.Admin.SendAsync(request);
        using var ready = await host.Admin.GetAsync(new Uri("readyz", UriKind.Relative));

        // Assert: refused, and nothing happened (the server is still ready).
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task MutatingCall_WithTheToken_IsServed_AndReadsNeedNone()
    {
        // Arrange
        await using var host = await RunningHost.StartAsync("actortcp.admin.token = \"s3cret\"");
        using var client = await host.ConnectAsync();
        using var reader = new StreamReader(client.GetStream());
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("hi\n"));
        await reader.ReadLineAsync().WaitAsync(Generous);

        // Act
        using var list = await host.Admin.GetAsync(new Uri("api/connections", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/broadcast", UriKind.Relative))
        {
            Content = JsonContent.Create(new { text = "news" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        using var broadcast = await host.Admin.SendAsync(request);
        var received = await reader.ReadLineAsync().WaitAsync(Generous);

        // Assert
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, broadcast.StatusCode);
        Assert.Equal(1, (await broadcast.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connections").GetInt32());
        Assert.Equal("news", received);
    }

    [Fact]
    public async Task ConnectionsApi_Lists_Filters_Pages_Inspects_Sends_AndCloses()
    {
        // Arrange: three connections, each echoed once so that they are all open.
        await using var host = await RunningHost.StartAsync();
        var clients = new List<(TcpClient Client, StreamReader Reader)>();
        for (var i = 0; i < 3; i++)
        {
            var client = await host.ConnectAsync();
            var reader = new StreamReader(client.GetStream());
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("hi\n"));
            await reader.ReadLineAsync().WaitAsync(Generous);
            clients.Add((client, reader));
        }

        try
        {
            // Act
            var all = await GetJsonAsync(host, "api/connections");
            var page = await GetJsonAsync(host, "api/connections?offset=1&limit=1");
            var closing = await GetJsonAsync(host, "api/connections?state=closing");
            using var badState = await host.Admin.GetAsync(new Uri("api/connections?state=asleep", UriKind.Relative));
            var firstId = all.GetProperty("connections")[0].GetProperty("id").GetInt64();
            var one = await GetJsonAsync(host, $"api/connections/{firstId}");
            using var missing = await host.Admin.GetAsync(new Uri("api/connections/999999", UriKind.Relative));
            using var send = await host.Admin.PostAsJsonAsync(new Uri($"api/connections/{firstId}/send", UriKind.Relative), new { text = "just for you" });
            var sent = await clients[0].Reader.ReadLineAsync().WaitAsync(Generous);
            using var close = await host.Admin.PostAsync(new Uri($"api/connections/{firstId}/close?mode=graceful", UriKind.Relative), null);
            var goodbye = await clients[0].Reader.ReadLineAsync().WaitAsync(Generous);

            // Assert
            Assert.Equal(3, all.GetProperty("total").GetInt32());
            Assert.Equal(3, page.GetProperty("total").GetInt32());
            Assert.Equal(1, page.GetProperty("connections").GetArrayLength());
            Assert.Equal(0, closing.GetProperty("total").GetInt32());
            Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
            Assert.Equal("established", one.GetProperty("state").GetString());
            Assert.Equal(3, one.GetProperty("bytesIn").GetInt64());
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal(HttpStatusCode.OK, send.StatusCode);
            Assert.Equal("just for you", sent);
            Assert.Equal(HttpStatusCode.Accepted, close.StatusCode);
            Assert.Equal("BYE", goodbye);
        }
        finally
        {
            foreach (var (client, reader) in clients)
            {
                reader.Dispose();
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task Drain_StopsAccepting_AndReportsHowTheConnectionsClosed_WhileTheProcessStaysUp()
    {
        // Arrange
        await using var host = await RunningHost.StartAsync();

        // Act
        using var drain = await host.Admin.PostAsync(new Uri("api/drain", UriKind.Relative), null);
        var report = await drain.Content.ReadFromJsonAsync<JsonElement>();
        using var ready = await host.Admin.GetAsync(new Uri("readyz", UriKind.Relative));
        var refused = await Assert.ThrowsAsync<SocketException>(async () => (await host.ConnectAsync()).Dispose());

        // Assert
        Assert.Equal(HttpStatusCode.OK, drain.StatusCode);
        Assert.Equal(0, report.GetProperty("connections").GetInt32());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"phase\":\"drained\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.False(host.Process.HasExited);
    }

    [Fact]
    public async Task HealthcheckCommand_ExitsZeroForARunningInstance_AndOneWhenNothingAnswers()
    {
        // Arrange
        await using var host = await RunningHost.StartAsync();
        var nobody = FreePort.Next();

        // Act
        var healthy = await HostProcess.RunAsync(["healthcheck", "--admin-url", $"http://127.0.0.1:{host.AdminPort}"], Generous);
        var unhealthy = await HostProcess.RunAsync(["healthcheck", "--admin-url", $"http://127.0.0.1:{nobody}"], Generous);

        // Assert
        Assert.Equal(0, healthy.ExitCode);
        Assert.Contains("healthy", healthy.Output, StringComparison.Ordinal);
        Assert.Equal(1, unhealthy.ExitCode);
        Assert.Contains("unhealthy", unhealthy.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionsCommand_PrintsATableOfTheLiveConnections()
    {
        // Arrange
        await using var host = await RunningHost.StartAsync();
        using var client = await host.ConnectAsync();
        await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("hi\n"));
        await new StreamReader(client.GetStream()).ReadLineAsync().WaitAsync(Generous);
        var clientEndPoint = $"127.0.0.1:{((IPEndPoint)client.Client.LocalEndPoint!).Port}";

        // Act
        var (exitCode, output, _) = await HostProcess.RunAsync(["connections", "--admin-url", $"http://127.0.0.1:{host.AdminPort}", "--token", ""], Generous);

        // Assert
        Assert.Equal(0, exitCode);
        Assert.StartsWith("ID", output, StringComparison.Ordinal);
        Assert.Contains(clientEndPoint, output, StringComparison.Ordinal);
        Assert.Contains("established", output, StringComparison.Ordinal);
        Assert.Contains("1 of 1 connections", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrainCommand_DrainsTheRunningInstance_AndPrintsHowTheConnectionsClosed()
    {
        // Arrange: a client that closes as soon as it reads the goodbye.
        await using var host = await RunningHost.StartAsync("actortcp.admin.token = \"s3cret\"");
        using var client = await host.ConnectAsync();
        var stream = client.GetStream();
        using var reader = new StreamReader(stream);
        await stream.WriteAsync(Encoding.UTF8.GetBytes("hi\n"));
        await reader.ReadLineAsync().WaitAsync(Generous);
        var cooperating = Task.Run(async () =>
        {
            var goodbye = await reader.ReadLineAsync().WaitAsync(Generous);
            client.Client.Shutdown(SocketShutdown.Send);
            return goodbye;
        });

        // Act
        var (exitCode, output, error) = await HostProcess.RunAsync(
            ["drain", "--admin-url", $"http://127.0.0.1:{host.AdminPort}", "--token", "s3cret"], Generous);
        var refused = await HostProcess.RunAsync(["drain", "--admin-url", $"http://127.0.0.1:{host.AdminPort}", "--token", "guess"], Generous);

        // Assert
        Assert.True(exitCode == 0, error);
        Assert.Equal("BYE", await cooperating);
        Assert.StartsWith("drained 1 connections in ", output, StringComparison.Ordinal);
        Assert.Contains("1 closed by the peer first, 0 by us first", output, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("401", refused.Error, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetJsonAsync(RunningHost host, string path)
    {
        using var response = await host.Admin.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
