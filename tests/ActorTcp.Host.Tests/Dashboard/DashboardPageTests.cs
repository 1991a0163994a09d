using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using ActorTcp.Heartbeats;
using ActorTcp.Lifecycle;
using ActorTcp.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>The dashboard page in Chromium against a server with real loopback connections.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPageTests(ChromiumFixture chromium)
{
    private static readonly LocatorAssertionsToHaveTextOptions Text = new() { Timeout = DashboardBrowser.Generous };
    private static readonly LocatorAssertionsToHaveCountOptions Count = new() { Timeout = DashboardBrowser.Generous };

    [Fact]
    public async Task ThirtyLiveConnections_ShowAsThirtyEstablishedInCardsAndTable()
    {
        // Arrange
        await using var host = await DashboardTestHost.StartAsync();
        await host.ConnectAsync(30);

        // Act
        await using var browser = await DashboardBrowser.OpenAsync(chromium.Browser, host);

        // Assert
        await Expect(browser.Count("Established")).ToHaveTextAsync("30", Text);
        await Expect(browser.Page.Locator("#total")).ToHaveTextAsync("30", Text);
        await Expect(browser.Rows).ToHaveCountAsync(30, Count);
        await Expect(browser.Page.Locator("#rows tr[data-state='Established']")).ToHaveCountAsync(30, Count);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task TenPeersHalfCloseAndAreClosed_CountChangesWithinTwoSeconds()
    {
        // Arrange
        await using var host = await DashboardTestHost.StartAsync();
        var peers = await host.ConnectAsync(30);
        await using var browser = await DashboardBrowser.OpenAsync(chromium.Browser, host);
        await Expect(browser.Count("Established")).ToHaveTextAsync("30", Text);

        // Act: each of ten peers sends FIN; the server closes after it and the peer sees its FIN.
        var leaving = peers.Take(10).ToList();
        leaving.ForEach(peer => peer.HalfClose());
        var outcomes = await Task.WhenAll(leaving.Select(peer => peer.Ended)).WaitAsync(TimeSpan.FromSeconds(10));
        var sinceClosed = Stopwatch.StartNew();

        // Assert
        Assert.All(outcomes, outcome => Assert.Equal(PeerOutcome.EndOfStream, outcome));
        await Expect(browser.Count("Established")).ToHaveTextAsync("20", Text);
        var shownAfter = sinceClosed.Elapsed;
        Assert.True(shownAfter <= TimeSpan.FromSeconds(2), $"the page showed 20 Established {shownAfter.TotalSeconds:0.00} s after the ten closed");
        await Expect(browser.Rows).ToHaveCountAsync(20, Count);
        Assert.Equal(20, (await host.Server.GetConnectionsAsync()).Count);
        await Expect(browser.Page.Locator("#first-Peer")).ToHaveTextAsync("10", Text);
        await Expect(browser.Page.Locator("#chart-reasons")).ToHaveAttributeAsync("aria-label", new Regex("PeerClosed 10"), new() { Timeout = DashboardBrowser.Generous });
    }

    [Fact]
    public async Task StateFilter_ListsOnlyTheConnectionsInTheChosenState()
    {
        // Arrange: five of thirty peers half-close and the server holds them in CLOSE_WAIT.
        await using var host = await DashboardTestHost.StartAsync();
        var peers = await host.ConnectAsync(30);
        var held = peers.Take(5).ToList();
        held.ForEach(peer => host.HeldPorts[peer.LocalPort] = true);
        held.ForEach(peer => peer.HalfClose());
        await Eventually.TrueAsync(
            async () => (await host.Server.GetStateCountsAsync())[LifecycleState.PeerClosed] == 5,
            "five connections are in CLOSE_WAIT", Eventually.ProcessTimeout);
        await using var browser = await DashboardBrowser.OpenAsync(chromium.Browser, host);
        await Expect(browser.Count("PeerClosed")).ToHaveTextAsync("5", Text);

        // Act
        await browser.Page.Locator("#state-filter").SelectOptionAsync("PeerClosed");

        // Assert
        await Expect(browser.Rows).ToHaveCountAsync(5, Count);
        var shownRemotes = await browser.Page.Locator("#rows tr[data-id] td[data-key='remote']").AllTextContentsAsync();
        Assert.Equal(held.Select(peer => "127.0.0.1:" + peer.LocalPort).Order(), shownRemotes.Order());
        await Expect(browser.Page.Locator("#rows tr[data-state='PeerClosed']")).ToHaveCountAsync(5, Count);

        await browser.Page.Locator("#state-filter").SelectOptionAsync("Established");
        await Expect(browser.Rows).ToHaveCountAsync(25, Count);
        await Expect(browser.Page.Locator("#rows tr[data-state='Established']")).ToHaveCountAsync(25, Count);

        await browser.Page.Locator("#state-filter").SelectOptionAsync("");
        await Expect(browser.Rows).ToHaveCountAsync(30, Count);
    }

    [Fact]
    public async Task SortByIdDescending_ListsTheNewestConnectionFirst()
    {
        // Arrange
        await using var host = await DashboardTestHost.StartAsync();
        var peers = await host.ConnectAsync(5);
        var newest = await host.IdOfAsync(peers[^1]);
        var oldest = await host.IdOfAsync(peers[0]);
        await using var browser = await DashboardBrowser.OpenAsync(chromium.Browser, host);
        await Expect(browser.Rows).ToHaveCountAsync(5, Count);
        await Expect(browser.Rows.First).ToHaveAttributeAsync("data-id", oldest.ToString(), new() { Timeout = DashboardBrowser.Generous });

        // Act: the table is sorted by id ascending, so a click on its header reverses it.
        await browser.Page.Locator("th[data-key='id'] button").ClickAsync();

        // Assert
        await Expect(browser.Rows.First).ToHaveAttributeAsync("data-id", newest.ToString(), new() { Timeout = DashboardBrowser.Generous });
        await Expect(browser.Page.Locator("th[data-key='id']")).ToHaveAttributeAsync("aria-sort", "descending");
    }

    [Fact]
    public async Task CloseButton_EndsTheChosenConnectionPeerFirstAndNoOther()
    {
        // Arrange
        await using var host = await DashboardTestHost.StartAsync();
        var peers = await host.ConnectAsync(10);
        var chosen = peers[3];
        var id = await host.IdOfAsync(chosen);
        await using var browser = await DashboardBrowser.OpenAsync(chromium.Browser, host);
        await Expect(browser.Rows).ToHaveCountAsync(10, Count);

        // Act
        await browser.Row(id).Locator("button[data-action='graceful']").ClickAsync();

        // Assert: the server said goodbye, the peer closed first, and only that connection is gone.
        Assert.Equal(PeerOutcome.Goodbye, await chosen.Ended.WaitAsync(TimeSpan.FromSeconds(10)));
        await Eventually.TrueAsync(
            async () => (await host.Server.GetConnectionsAsync()).All(c => c.Id != id),
            "the chosen connection has closed on the server", Eventually.ProcessTimeout);
        Assert.Equal(9, (await host.Server.GetConnectionsAsync()).Count);
        await Expect(browser.Row(id)).ToHaveCountAsync(0, Count);
        await Expect(browser.Rows).ToHaveCountAsync(9, Count);
        Assert.Empty(browser.Dialogs);
    }

    [Fact]
    public async Task AbortButton_ResetsTheChosenConnection()
    {
        // Arrange
        await using var host = await DashboardTestHost.StartAsync();
        var peers = await host.ConnectAsync(5);
        var chosen = peers[1];
        var id = await host.IdOfAsync(chosen);
        await using var browser = await DashboardBrowser.OpenAsync(chromium.Browser, host);
        await Expect(browser.Rows).ToHaveCountAsync(5, Count);

        // Act
        await browser.Row(id).Locator("button[data-action='abort']").ClickAsync();

        // Assert
        Assert.Equal(PeerOutcome.Reset, await chosen.Ended.WaitAsync(TimeSpan.FromSeconds(10)));
        await Expect(browser.Rows).ToHaveCountAsync(4, Count);
        await Expect(browser.Page.Locator("#first-Reset")).ToHaveTextAsync("1", Text);
    }

    [Fact]
    public async Task CloseButton_WithAnAdminToken_IsRefusedWithoutItAndWorksOnceItIsEntered()
    {
        // Arrange
        const string token = "s3cret-admin-token";
        await using var host = await DashboardTestHost.StartAsync(adminToken: token);
        var peers = await host.ConnectAsync(5);
        var chosen = peers[2];
        var id = await host.IdOfAsync(chosen);
        await using var browser = await DashboardBrowser.OpenAsync(chromium.Browser, host);
        await Expect(browser.Rows).ToHaveCountAsync(5, Count);
        var close = browser.Row(id).Locator("button[data-action='graceful']");
        var status = browser.Page.Locator("#action-status");

        // Act: the token prompt is dismissed.
        browser.Answers.Enqueue(null);
        await close.ClickAsync();

        // Assert: refused, and the connection is still open on the server.
        await Expect(status).ToContainTextAsync("refused", new() { Timeout = DashboardBrowser.Generous });
        Assert.Single(browser.Dialogs);
        Assert.Contains((await host.Server.GetConnectionsAsync()).Select(c => c.Id), open => open == id);
        Assert.False(chosen.Ended.IsCompleted);

        // Act: a wrong token, then the right one when asked again.
        browser.Answers.Enqueue("not-the-token");
        browser.Answers.Enqueue(token);
        await close.ClickAsync();

        // Assert
        await Expect(status).ToContainTextAsync("done", new() { Timeout = DashboardBrowser.Generous });
        Assert.Equal(3, browser.Dialogs.Count);
        Assert.Equal(PeerOutcome.Goodbye, await chosen.Ended.WaitAsync(TimeSpan.FromSeconds(10)));
        await Eventually.TrueAsync(
            async () => (await host.Server.GetConnectionsAsync()).All(c => c.Id != id),
            "the chosen connection has closed on the server", Eventually.ProcessTimeout);

        // Act: the token is kept for the session, so the next close asks nothing.
        var next = peers[4];
        await browser.Row(await host.IdOfAsync(next)).Locator("button[data-action='abort']").ClickAsync();

        // Assert
        Assert.Equal(PeerOutcome.Reset, await next.Ended.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(3, browser.Dialogs.Count);
    }

    [Fact]
    public async Task DrainButton_AfterConfirmation_ClosesEveryConnection()
    {
        // Arrange
        await using var host = await DashboardTestHost.StartAsync();
        var peers = await host.ConnectAsync(8);
        await using var browser = await DashboardBrowser.OpenAsync(chromium.Browser, host);
        await Expect(browser.Rows).ToHaveCountAsync(8, Count);

        // Act: the confirmation is accepted.
        browser.Answers.Enqueue(string.Empty);
        await browser.Page.Locator("#drain").ClickAsync();

        // Assert
        var outcomes = await Task.WhenAll(peers.Select(peer => peer.Ended)).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.All(outcomes, outcome => Assert.Equal(PeerOutcome.Goodbye, outcome));
        await Expect(browser.Page.Locator("#action-status")).ToContainTextAsync("Drain: done", new() { Timeout = DashboardBrowser.Generous });
        await Expect(browser.Page.Locator("#total")).ToHaveTextAsync("0", Text);
    }

    [Fact]
    public async Task EventStreamDrops_PageReconnectsByItselfAndKeepsCounting()
    {
        // Arrange: the admin application can cut the event streams it is serving.
        var streams = new ConcurrentDictionary<HttpContext, bool>();
        await using var host = await DashboardTestHost.StartAsync(compose: app => app.Use(async (context, next) =>
        {
            if (context.Request.Path != "/api/events")
            {
                await next(context);
                return;
            }

            streams[context] = true;
            try
            {
                await next(context);
            }
            finally
            {
                streams.TryRemove(context, out _);
            }
        }));
        await host.ConnectAsync(10);
        await using var browser = await DashboardBrowser.OpenAsync(chromium.Browser, host);
        await Expect(browser.Count("Established")).ToHaveTextAsync("10", Text);
        await Expect(browser.Page.Locator("body")).ToHaveAttributeAsync("data-connects", "1");

        // Act
        Assert.NotEmpty(streams);
        foreach (var stream in streams.Keys)
        {
            stream.Abort();
        }

        await host.ConnectAsync(5);

        // Assert
        await Expect(browser.Page.Locator("body")).ToHaveAttributeAsync("data-connects", "2", new() { Timeout = DashboardBrowser.Generous });
        await Expect(browser.Page.Locator("#stream-status")).ToHaveAttributeAsync("data-status", "live", new() { Timeout = DashboardBrowser.Generous });
        await Expect(browser.Count("Established")).ToHaveTextAsync("15", Text);
        await Expect(browser.Rows).ToHaveCountAsync(15, Count);
    }

    [Fact]
    public async Task SilentPeerUnderActiveHeartbeats_PingsMissesAndTheResetAreCharted()
    {
        // Arrange
        await using var host = await DashboardTestHost.StartAsync(configure: options =>
        {
            options.Heartbeat.Mode = HeartbeatMode.Active;
            options.Heartbeat.Interval = TimeSpan.FromSeconds(1);
            options.Heartbeat.Timeout = TimeSpan.FromSeconds(1);
            options.Heartbeat.MaxMissed = 2;
        });
        await using var browser = await DashboardBrowser.OpenAsync(chromium.Browser, host);

        // Act: one peer answers the pings, the other says nothing.
        var answering = (await host.ConnectAsync(1, answerPings: true))[0];
        var silent = (await host.ConnectAsync(1))[0];

        // Assert
        Assert.Equal(PeerOutcome.Reset, await silent.Ended.WaitAsync(TimeSpan.FromSeconds(20)));
        await Expect(browser.Page.Locator("#sum-sent")).ToHaveTextAsync(new Regex("^[1-9]"), Text);
        await Expect(browser.Page.Locator("#sum-missed")).ToHaveTextAsync(new Regex("^[1-9]"), Text);
        await Expect(browser.Page.Locator("#chart-reasons")).ToHaveAttributeAsync("aria-label", new Regex("HeartbeatTimeout 1"), new() { Timeout = DashboardBrowser.Generous });
        Assert.Equal(await host.IdOfAsync(answering), Assert.Single(await host.Server.GetConnectionsAsync()).Id);
        await Expect(browser.Count("Established")).ToHaveTextAsync("1", Text);
    }
}
