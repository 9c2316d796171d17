using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Dashboard;

/// <summary>Model v2 on the dashboard, in headless Chromium: every DC's truck queue from /api/status, and the new columns in previews.</summary>
public sealed class DashboardQueuesAndPreviewsTests
{
    [Fact]
    public async Task Dashboard_shows_every_dcs_truck_queue_as_the_status_reports_it_and_previews_show_the_model_v2_columns()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { force = false });
        // Four days, so that trucks have moved (a route's first trip forms when its pool is full or 30 h old, §13.1).
        await server.RunTaskAsync("/api/generate/historical", new { days = 4 });
        var queues = (await server.GetJsonAsync("/api/status")).GetProperty("dc_queues").EnumerateArray().ToList();
        Assert.Equal(await server.RowsAsync("dim_distribution_centers"), queues.Count);

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(server.Address.ToString());

        await Assertions.Expect(page.Locator("#queues tbody tr")).ToHaveCountAsync(queues.Count, new() { Timeout = 30_000 });
        foreach (var queue in queues)
        {
            var dc = queue.GetProperty("dc_id").GetInt64();
            await Assertions.Expect(page.Locator($"#queues tbody tr[data-dc='{dc}'] td")).ToHaveTextAsync(
                [
                    $"DC{dc:000}", Count(queue, "queued_trips"), Count(queue, "queued_shipments"), Hours(queue, "oldest_waiting_hours"),
                    Count(queue, "pooled_lines"), Count(queue, "pooled_units"), Hours(queue, "oldest_pooled_hours"),
                ]);
        }

        await AssertPreviewShowsColumnsAsync(page, server, "fact_truck_moves", "business_date", "local_hour", "trip_id", "stop_seq", "formed_ts");
        await AssertPreviewShowsColumnsAsync(page, server, "fact_receipts", "business_date", "local_hour", "return_for_order_id_ext");
        Assert.Empty(errors);
    }

    /// <summary>The preview's header is the table's own column list (as the API returns it), which holds the model v2 names.</summary>
    private static async Task AssertPreviewShowsColumnsAsync(IPage page, RunningServer server, string table, params string[] modelV2Columns)
    {
        var columns = (await server.GetJsonAsync($"/api/tables/{table}?limit=1")).GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Superset(modelV2Columns.ToHashSet(), columns.ToHashSet());
        Assert.True(await server.RowsAsync(table) > 0, $"{table} is empty");

        await page.SelectOptionAsync("#preview-table", table);
        await page.ClickAsync("#preview-load");
        await Assertions.Expect(page.Locator("#preview thead th")).ToHaveTextAsync(columns, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#preview tbody tr").First).ToBeVisibleAsync();
    }

    private static string Count(JsonElement queue, string name) => queue.GetProperty(name).GetInt64().ToString("N0", CultureInfo.InvariantCulture);

    private static string Hours(JsonElement queue, string name) =>
        queue.GetProperty(name) is { ValueKind: JsonValueKind.Number } hours ? hours.GetDouble().ToString("0.0", CultureInfo.InvariantCulture) + " h" : "–";
}
