using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Dashboard;

/// <summary>
/// The dashboard in Debian's headless Chromium (scripts/deps/chromium.sh installs it), driven by Playwright, which never
/// downloads a browser of its own: generate dimensions and two days, see the counts move, stream, save a screenshot.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_generates_dimensions_and_days_streams_and_saves_a_screenshot()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run scripts/deps/chromium.sh (scripts/test.sh does)");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await using var server = await RunningServer.StartAsync(realStreaming: true);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(server.Address.ToString());

        var stores = page.Locator("tr[data-table=dim_stores] td.num");
        var receipts = page.Locator("tr[data-table=fact_receipts] td.num");
        await Assertions.Expect(stores).ToHaveTextAsync("0", new() { Timeout = 30_000 });

        await page.ClickAsync("#generate-dimensions");
        await Assertions.Expect(stores).ToHaveTextAsync("5", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#task-text")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 30_000 });

        await page.FillAsync("#days", "2");
        await page.ClickAsync("#generate-days");
        await Assertions.Expect(page.Locator("#watermark")).ToHaveTextAsync("2024-01-02", new() { Timeout = 60_000 });
        await Assertions.Expect(receipts).Not.ToHaveTextAsync("0", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#task-progress")).ToHaveJSPropertyAsync("value", 1, new() { Timeout = 15_000 });

        // The real stream: day 2024-01-03 through the outbox to the file sink, as fast as it goes.
        await page.FillAsync("#duration", "5");
        await page.SelectOptionAsync("#pacing", "max");
        await page.ClickAsync("#stream-start");
        await Assertions.Expect(page.Locator("#stream-state")).ToHaveTextAsync("running", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#events-sent")).Not.ToHaveTextAsync("0", new() { Timeout = 60_000 });
        // At least 4 points; a locator assertion, since WaitForFunction's eval is refused by the dashboard's Content-Security-Policy.
        await Assertions.Expect(page.Locator("#chart")).ToHaveAttributeAsync("data-points", new Regex("^([4-9]|[0-9]{2,})$"), new() { Timeout = 15_000 });
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(server.Folder, "events"), "events-2024-01-03.ndjson"));

        await page.SelectOptionAsync("#preview-table", "dim_stores");
        await page.ClickAsync("#preview-load");
        await Assertions.Expect(page.Locator("#preview tbody tr")).ToHaveCountAsync(5, new() { Timeout = 15_000 });

        var screenshot = Path.Combine(RepositoryRoot(), "artifacts", "screenshots", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        await page.ClickAsync("#stream-stop");
        await Assertions.Expect(page.Locator("#stream-state")).ToHaveTextAsync("stopped", new() { Timeout = 10_000 });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(errors);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RetailSynth.slnx")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
