using ActorTcp.Heartbeats;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>
/// The page under load at a laptop's 1280×800 and at a phone's width. The screenshot it takes is the
/// one in docs/dashboard.png: set <c>DASHBOARD_SCREENSHOT</c> to an absolute path to write it there
/// after a minute and a half of history (see docs/dashboard.md).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardLayoutTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task UnderLoad_PageFitsAt1280x800AndAtPhoneWidthWithoutSidewaysScrolling()
    {
        // Arrange
        var docsScreenshot = Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOT");
        var samples = docsScreenshot is null ? 5 : 90;
        await using var host = await DashboardTestHost.StartAsync(configure: options =>
        {
            options.Heartbeat.Mode = HeartbeatMode.Active;
            options.Heartbeat.Interval = TimeSpan.FromSeconds(2);
            options.Heartbeat.Timeout = TimeSpan.FromSeconds(2);
            options.Heartbeat.MaxMissed = 2;
        });
        await using var load = await DashboardLoad.StartAsync(host);
        await using var browser = await DashboardBrowser.OpenAsync(chromium.Browser, host, 1280, 800);

        // Act
        await browser.Page.WaitForFunctionAsync(
            "n => Number(document.body.dataset.samples) >= n",
            samples,
            new PageWaitForFunctionOptions { Timeout = (samples * 2 + 30) * 1000 });
        var wide = docsScreenshot ?? Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = wide, FullPage = true });

        // Assert: the laptop view needs no sideways scrolling and shows every state's count.
        Assert.True(await FitsWidthAsync(browser.Page), "the page scrolls sideways at 1280x800");
        await Expect(browser.Count("Established")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await Expect(browser.Count("PeerClosed")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        Assert.True(new FileInfo(wide).Length > 10_000, "the screenshot is an image of the page");

        // Act: a phone's width.
        await browser.Page.SetViewportSizeAsync(390, 844);
        await browser.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-narrow.png") });

        // Assert: the page fits; only the table scrolls, inside its own frame.
        Assert.True(await FitsWidthAsync(browser.Page), "the page scrolls sideways at 390 px");
        Assert.True(
            await browser.Page.EvaluateAsync<bool>("() => { const w = document.querySelector('.table-wrap'); return w.scrollWidth > w.clientWidth; }"),
            "the table scrolls inside its frame at 390 px");
        Assert.Empty(browser.Errors);
    }

    private static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
}
