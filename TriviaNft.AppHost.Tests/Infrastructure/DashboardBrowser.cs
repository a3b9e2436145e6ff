using Microsoft.Playwright;

namespace TriviaNft.AppHost.Tests.Infrastructure;

/// <summary>
/// Debian's chromium driven by Playwright: no browser download (none is possible here). Screenshots go to
/// the test output folder, and to <c>TRIVIANFT_SCREENSHOT_DIR</c> when that is set (how docs/images is refreshed).
/// </summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<DashboardBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync().WaitAsync(TestStack.WaitTimeout);
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("TRIVIANFT_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        }).WaitAsync(TestStack.WaitTimeout);
        return new DashboardBrowser(playwright, browser);
    }

    public Task<IPage> NewPageAsync(BrowserNewPageOptions options) => _browser.NewPageAsync(options).WaitAsync(TestStack.WaitTimeout);

    public static async Task<string> SaveScreenshotAsync(IPage page, string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path }).WaitAsync(TestStack.WaitTimeout);
        if (Environment.GetEnvironmentVariable("TRIVIANFT_SCREENSHOT_DIR") is { Length: > 0 } extra)
        {
            Directory.CreateDirectory(extra);
            File.Copy(path, Path.Combine(extra, fileName), overwrite: true);
        }

        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
