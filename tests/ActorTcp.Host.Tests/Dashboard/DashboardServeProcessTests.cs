using System.Text.Json;
using ActorTcp.Host.Tests.Support;

namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>The dashboard as the built host serves it: <c>serve</c> in its own process, read over plain HTTP.</summary>
public sealed class DashboardServeProcessTests
{
    [Fact]
    public async Task ServedHost_ServesTheSelfContainedPageOnItsAdminRoot()
    {
        // Arrange
        await using var host = await RunningHost.StartAsync();

        // Act
        using var response = await host.Admin.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        // Assert
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<title>ActorTcp dashboard</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServedHost_StreamsSamplesThatCountItsConnections()
    {
        // Arrange
        await using var host = await RunningHost.StartAsync();
        using var client = await host.ConnectAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // Act
        using var response = await host.Admin.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var names = new List<string>();
        var established = -1;
        while (established != 1 && await events.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                names.Add(line["event: ".Length..]);
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && names[^1] == "sample")
            {
                using var sample = JsonDocument.Parse(line["data: ".Length..]);
                established = sample.RootElement.GetProperty("sample").GetProperty("states").GetProperty("Established").GetInt32();
            }
        }

        // Assert: the stream opens with hello, then samples count the one connection.
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("hello", names[0]);
        Assert.Equal(1, established);
    }
}
