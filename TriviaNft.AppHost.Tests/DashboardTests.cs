using Microsoft.Playwright;
using TriviaNft.AppHost.Tests.Infrastructure;

namespace TriviaNft.AppHost.Tests;

/// <summary>The dashboard, in a real browser, shows the migrator's trace: one span per migration.</summary>
[Collection(AppHostCollection.Name)]
public sealed class DashboardTests(AppHostFixture stack)
{
    private const float PageTimeoutMs = 60_000;

    [Fact]
    public async Task TheDashboardShowsTheMigratorTraceWithOneSpanPerMigration()
    {
        var loginUrl = await stack.App.GetDashboardUrlAsync().WaitAsync(TestStack.WaitTimeout);
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });
        page.SetDefaultTimeout(PageTimeoutMs);

        // The login link sets the auth cookie; then the traces page, filtered on the migrator's run span.
        await page.GotoAsync(loginUrl.ToString());
        var trace = await FindTraceAsync(page, new Uri(loginUrl, "/traces"), "migrate up");
        await trace.ClickAsync();

        // Each migration is one row of the span tree: its name appears exactly once, as the span's name.
        await page.GetByText("migration 2_reference-data", new() { Exact = true }).WaitForAsync();
        var initialSchema = await page.GetByText("migration 1_initial-schema", new() { Exact = true }).CountAsync();
        var referenceData = await page.GetByText("migration 2_reference-data", new() { Exact = true }).CountAsync();
        var screenshot = await DashboardBrowser.SaveScreenshotAsync(page, "dashboard.png");

        Assert.Equal(1, initialSchema);
        Assert.Equal(1, referenceData);
        Assert.True(File.Exists(screenshot));
    }

    // Telemetry arrives in batches after the migrator exits: reload the list until the trace is there.
    private static async Task<ILocator> FindTraceAsync(IPage page, Uri tracesUrl, string name)
    {
        return await Poll.UntilAsync(async () =>
        {
            await page.GotoAsync(tracesUrl.ToString());
            var row = page.GetByText(name).First;
            try
            {
                await row.WaitForAsync(new() { Timeout = 5_000 });
                return row;
            }
            catch (TimeoutException)
            {
                return null;
            }
        }, row => row is not null, TestStack.WaitTimeout) ?? throw new InvalidOperationException("unreachable");
    }
}
