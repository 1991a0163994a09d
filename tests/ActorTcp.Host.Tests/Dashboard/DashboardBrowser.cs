using Microsoft.Playwright;

namespace ActorTcp.Host.Tests.Dashboard;

/// <summary>One browser context showing the dashboard, with the script errors and console errors the page raised.</summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    /// <summary>How long an expectation about the page may take: the page updates once a second, the machine is noisy.</summary>
    public static readonly float Generous = 15_000;

    private readonly IBrowserContext _context;

    private DashboardBrowser(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => Errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add(message.Text);
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Add(dialog.Message);
            var answer = Answers.TryDequeue(out var next) ? next : null;
            if (answer is null)
            {
                await dialog.DismissAsync();
            }
            else
            {
                await dialog.AcceptAsync(answer);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Uncaught script errors and console errors (a blocked resource, a failed request the page did not expect).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The messages of the dialogs (prompts, confirmations) the page opened.</summary>
    public List<string> Dialogs { get; } = [];

    /// <summary>How the next dialogs are answered, in order: text accepts (a prompt gets it typed in), null dismisses.</summary>
    public Queue<string?> Answers { get; } = new();

    public ILocator Count(string state) => Page.Locator("#count-" + state);

    public ILocator Rows => Page.Locator("#rows tr[data-id]");

    public ILocator Row(long id) => Page.Locator($"#rows tr[data-id='{id}']");

    public static async Task<DashboardBrowser> OpenAsync(IBrowser browser, DashboardTestHost host, int width = 1280, int height = 800)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = host.BaseAddress,
        });
        var page = await context.NewPageAsync();
        var opened = new DashboardBrowser(context, page);
        await page.GotoAsync(host.BaseAddress);
        await Assertions.Expect(page.Locator("#stream-status")).ToHaveAttributeAsync("data-status", "live", new() { Timeout = Generous });
        return opened;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
