using System.Net;
using RetailSynth.Server.Tests.Infrastructure;
using RetailSynth.Storage;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class TablesApiTests
{
    [Fact]
    public async Task Tables_lists_every_dimension_fact_and_outbox_table_with_row_counts()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });

        var tables = await server.GetJsonAsync("/api/tables");
        var names = tables.EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal([.. DatasetTables.Dimensions, .. DatasetTables.Facts, DatasetTables.Outbox], names);
        Assert.Equal(2001, await server.RowsAsync("dim_customers")); // customers 1…2,000 and the anonymous shopper, customer 0
        Assert.Equal("dimension", tables[0].GetProperty("group").GetString());
    }

    [Fact]
    public async Task Preview_returns_the_first_rows_in_key_order_up_to_the_limit()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });

        var preview = await server.GetJsonAsync("/api/tables/dim_stores?limit=3");
        Assert.Equal("dim_stores", preview.GetProperty("name").GetString());
        Assert.Contains("store_id", preview.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var rows = preview.GetProperty("rows");
        Assert.Equal(3, rows.GetArrayLength());
        Assert.Equal([1L, 2L, 3L], rows.EnumerateArray().Select(r => r.GetProperty("store_id").GetInt64()));

        var whole = await server.GetJsonAsync("/api/tables/dim_products");
        Assert.Equal(100, whole.GetProperty("rows").GetArrayLength());
    }

    [Theory]
    [InlineData("dim_nope")]
    [InlineData("DIM_STORES")]
    [InlineData("sim_state")]
    [InlineData("schema_migrations")]
    [InlineData("dim_stores;DROP TABLE dim_stores")]
    [InlineData("dim_stores--")]
    [InlineData("dim_stores UNION SELECT * FROM sim_state")]
    [InlineData("(SELECT 1)")]
    [InlineData("'dim_stores'")]
    public async Task Unknown_or_sql_looking_table_names_answer_404_and_touch_nothing(string name)
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });

        using var response = await server.Client.GetAsync(new Uri($"/api/tables/{Uri.EscapeDataString(name)}", UriKind.Relative));
        await Problems.AssertStatusAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(5, await server.RowsAsync("dim_stores"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10000")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("1;DROP")]
    public async Task Preview_limits_outside_1_to_1000_answer_400_naming_limit(string limit)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri($"/api/tables/dim_stores?limit={Uri.EscapeDataString(limit)}", UriKind.Relative));
        await Problems.AssertFieldAsync(response, "limit");
    }

    [Fact]
    public async Task Recent_returns_the_newest_fact_rows_by_event_time_newest_first_up_to_the_limit()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        await server.RunTaskAsync("/api/generate/historical", new { days = 1 });

        var recent = await server.GetJsonAsync("/api/tables/fact_receipts/recent?limit=7");
        Assert.Equal("fact_receipts", recent.GetProperty("name").GetString());
        var times = recent.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("event_ts").GetDateTime()).ToList();
        Assert.Equal(7, times.Count);
        Assert.Equal(times.OrderDescending(), times);

        // The newest of all: no row of the table is later than the first one returned.
        var everything = await server.GetJsonAsync("/api/tables/fact_receipts/recent?limit=1000");
        var all = everything.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("event_ts").GetDateTime()).ToList();
        Assert.Equal(all.Max(), times[0]);
        Assert.Equal(all.OrderDescending(), all);

        var byDefault = await server.GetJsonAsync("/api/tables/fact_store_inventory_txn/recent");
        Assert.Equal(50, byDefault.GetProperty("rows").GetArrayLength());
        var stockouts = await server.GetJsonAsync("/api/tables/fact_stockouts/recent?limit=1000"); // a key of expressions, ordered too
        Assert.True(stockouts.GetProperty("rows").GetArrayLength() <= 1000);
    }

    [Theory]
    [InlineData("dim_stores")]
    [InlineData("streaming_outbox")]
    [InlineData("fact_nope")]
    [InlineData("fact_receipts;DROP TABLE fact_receipts")]
    public async Task Recent_of_anything_but_a_fact_table_answers_404_listing_the_fact_tables(string name)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri($"/api/tables/{Uri.EscapeDataString(name)}/recent", UriKind.Relative));
        await Problems.AssertStatusAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("fact_online_order_status", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-5")]
    [InlineData("many")]
    public async Task Recent_limits_outside_1_to_1000_answer_400_naming_limit(string limit)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri($"/api/tables/fact_receipts/recent?limit={Uri.EscapeDataString(limit)}", UriKind.Relative));
        await Problems.AssertFieldAsync(response, "limit");
    }
}
