using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Dashboard;

/// <summary>
/// The Business section in real headless Chromium over two historical days and one streamed day: every chart is drawn
/// by Chart.js with data points, and screenshots are saved to artifacts/screenshots/ for the closing note.
/// </summary>
public sealed class BusinessPageBrowserTests
{
    private static readonly string[] s_charts = ["biz-days", "biz-hours", "biz-departments", "biz-stores", "biz-online", "biz-oos", "biz-trucks", "biz-events"];

    [Fact]
    public async Task Business_page_draws_every_chart_with_data_points_and_saves_screenshots()
    {
        await using var server = await RunningServer.StartAsync(realStreaming: true);
        await server.RunTaskAsync("/api/generate/dimensions", new { force = false });
        await server.RunTaskAsync("/api/generate/historical", new { days = 2 });
        var watermark = await StreamOneDayAsync(server);

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Location.EndsWith("/favicon.ico:0:0", StringComparison.Ordinal)) // the browser's own request
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        await page.GotoAsync(server.Address + "#business");

        var section = page.Locator("#business");
        await Assertions.Expect(section).ToHaveAttributeAsync("data-to", watermark.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 60_000 });
        foreach (var chart in s_charts)
        {
            await Assertions.Expect(page.Locator($"#{chart}")).ToHaveAttributeAsync("data-points", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        }

        // Chart.js's own instances hold the data (not only our attribute): count the points of every dataset.
        var drawn = await page.EvaluateAsync<JsonElement>(
            "ids => ids.map(id => { const chart = Chart.getChart(document.getElementById(id)); return chart ? chart.data.datasets.reduce((n, d) => n + d.data.filter(v => v !== null).length, 0) : -1; })",
            s_charts);
        var counts = drawn.EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.All(s_charts.Zip(counts), pair => Assert.True(pair.Second > 0, $"{pair.First} drew {pair.Second} points"));
        var days = await page.EvaluateAsync<int>("() => Chart.getChart(document.getElementById('biz-days')).data.labels.length");
        Assert.Equal(watermark.DayNumber - new DateOnly(2024, 1, 1).DayNumber + 1, days);
        var eventTypes = await page.EvaluateAsync<int>("() => Chart.getChart(document.getElementById('biz-events')).data.labels.length");
        Assert.True(eventTypes >= 10, $"the event mix shows {eventTypes} event types");
        await Assertions.Expect(page.Locator("#business-totals dd").First).Not.ToHaveTextAsync("$0");

        var folder = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var pageShot = Path.Combine(folder, "business.png");
        var sectionShot = Path.Combine(folder, "business-charts.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = pageShot, FullPage = true });
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = sectionShot });
        Assert.True(new FileInfo(pageShot).Length > 10_000);
        Assert.True(new FileInfo(sectionShot).Length > 10_000);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Streams day 2024-01-03 (perhaps the next too) to the file sink as fast as it goes, then stops; returns the watermark.</summary>
    private static async Task<DateOnly> StreamOneDayAsync(RunningServer server)
    {
        using (var start = await server.PostJsonAsync("/api/stream/start", new { duration_minutes = 5, pacing = "max" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            await Task.Delay(250);
            var status = await server.GetJsonAsync("/api/status");
            var outbox = await server.GetJsonAsync("/api/stream/outbox/status");
            if (status.GetProperty("watermark").GetString() is "2024-01-03" or "2024-01-04" && outbox.GetProperty("sent").GetInt64() > 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"day 2024-01-03 was not streamed within 120 s: {outbox}");
        }

        using var stop = await server.PostJsonAsync("/api/stream/stop", new { });
        Assert.True(stop.IsSuccessStatusCode, $"stop: {(int)stop.StatusCode}");
        return DateOnly.Parse((await server.GetJsonAsync("/api/status")).GetProperty("watermark").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
