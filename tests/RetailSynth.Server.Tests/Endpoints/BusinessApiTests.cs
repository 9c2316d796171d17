using System.Net;
using System.Text.Json;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using RetailSynth.Jobs.Report;
using RetailSynth.Server.Hosting;
using RetailSynth.Server.Tests.Infrastructure;
using RetailSynth.Storage;

namespace RetailSynth.Server.Tests.Endpoints;

/// <summary>GET /api/business against a real two-day world: every series non-empty and equal to SQL written here over the facts.</summary>
public sealed class BusinessApiTests
{
    [Fact]
    public async Task Business_series_of_a_two_day_world_equal_the_sums_over_its_facts()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { force = false });
        await server.RunTaskAsync("/api/generate/historical", new { days = 2 });

        var picture = await server.GetJsonAsync("/api/business");
        using var connection = server.Services.GetRequiredService<ServerDatabase>().OpenConnection();

        Assert.Equal("2024-01-01", picture.GetProperty("from").GetString());
        Assert.Equal("2024-01-02", picture.GetProperty("to").GetString());
        Assert.True(picture.GetProperty("last_day_partial").GetBoolean());

        // Revenue and receipts by local business day: the subtotals of SALE receipts dated that day at their store.
        var days = picture.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2024-01-01", "2024-01-02"], days.Select(d => d.GetProperty("date").GetString()));
        foreach (var day in days)
        {
            var date = day.GetProperty("date").GetString();
            var (revenue, receipts) = SumAndCount(connection, $"SELECT sum(subtotal), count(*) FROM fact_receipts WHERE receipt_type = 'SALE' AND business_date = DATE '{date}'");
            Assert.True(receipts > 0, $"no receipts on {date}");
            Assert.Equal(revenue, day.GetProperty("revenue").GetDecimal());
            Assert.Equal(receipts, day.GetProperty("receipts").GetInt64());
            var (online, orders) = SumAndCount(connection, $"""
                SELECT sum(subtotal), count(*) FROM fact_online_order_headers h WHERE business_date = DATE '{date}'
                AND NOT EXISTS (SELECT 1 FROM fact_online_order_status c WHERE c.order_id_ext = h.order_id_ext AND c.status = 'CANCELLED')
                """);
            Assert.Equal(online, day.GetProperty("online_revenue").GetDecimal());
            Assert.Equal(orders, day.GetProperty("online_orders").GetInt64());
            Assert.Equal((double)(online / (online + revenue)), day.GetProperty("online_share").GetDouble(), 9);
        }

        var totals = picture.GetProperty("totals");
        var storeRevenue = days.Sum(d => d.GetProperty("revenue").GetDecimal());
        Assert.Equal(storeRevenue, totals.GetProperty("store_revenue").GetDecimal());

        // By local hour: 24 hours that add up to the days.
        var hours = picture.GetProperty("hours").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 24), hours.Select(h => h.GetProperty("hour").GetInt32()));
        Assert.Equal(storeRevenue, hours.Sum(h => h.GetProperty("revenue").GetDecimal()));
        Assert.Equal(totals.GetProperty("receipts").GetInt64(), hours.Sum(h => h.GetProperty("receipts").GetInt64()));
        Assert.Contains(hours, h => h.GetProperty("receipts").GetInt64() == 0); // stores are closed at night

        // By department: the lines of those receipts, joined to the products.
        var departments = picture.GetProperty("departments").EnumerateArray().ToList();
        Assert.NotEmpty(departments);
        var storeLines = Labelled(connection, """
            SELECT p.department, sum(l.ext_price) FROM fact_receipt_lines l JOIN dim_products p USING (product_id)
            JOIN fact_receipts r USING (receipt_id_ext) WHERE r.receipt_type = 'SALE' AND r.business_date BETWEEN DATE '2024-01-01' AND DATE '2024-01-02' GROUP BY ALL
            """);
        Assert.Equal(storeLines, departments.Where(d => d.GetProperty("store_revenue").GetDecimal() != 0)
            .ToDictionary(d => d.GetProperty("department").GetString()!, d => d.GetProperty("store_revenue").GetDecimal()));
        var shares = departments.Select(d => d.GetProperty("store_revenue").GetDecimal() + d.GetProperty("online_revenue").GetDecimal()).ToList();
        Assert.Equal(shares.OrderDescending(), shares);

        // Top stores: every store of the 5-store world, by revenue, largest first.
        var stores = picture.GetProperty("top_stores").EnumerateArray().ToList();
        var byStore = Labelled(connection, "SELECT CAST(store_id AS VARCHAR), sum(subtotal) FROM fact_receipts WHERE receipt_type = 'SALE' AND business_date <= DATE '2024-01-02' GROUP BY ALL");
        Assert.Equal(byStore.Count, stores.Count);
        Assert.All(stores, s => Assert.Equal(byStore[s.GetProperty("store_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)], s.GetProperty("revenue").GetDecimal()));
        Assert.Equal(stores.Select(s => s.GetProperty("revenue").GetDecimal()).OrderDescending(), stores.Select(s => s.GetProperty("revenue").GetDecimal()));

        // Out of stock: one point per day, the last equal to the realism report's R2 for the same day.
        var oos = picture.GetProperty("out_of_stock").EnumerateArray().ToList();
        Assert.Equal(2, oos.Count);
        var r2 = new RealismScorecard().Run(connection).Kpis.Single(k => k.Id == "R2").Checks[0].Value;
        Assert.NotNull(r2);
        Assert.Equal(r2!.Value, oos[^1].GetProperty("rate").GetDouble(), 9);

        // Trucks: a sample per UTC hour end for every DC; shipments do leave the DCs in two days.
        var queue = picture.GetProperty("truck_queue");
        var dcs = Count(connection, "SELECT count(*) FROM dim_distribution_centers");
        Assert.Equal(dcs, queue.GetProperty("dc_ids").GetArrayLength());
        var samples = queue.GetProperty("samples").EnumerateArray().ToList();
        Assert.Equal(48, samples.Count);
        Assert.Equal(new DateTime(2024, 1, 1, 1, 0, 0, DateTimeKind.Utc), samples[0].GetProperty("at").GetDateTime().ToUniversalTime());
        Assert.All(samples, s => Assert.Equal(dcs, s.GetProperty("at_dc").GetArrayLength()));
        var dcIds = queue.GetProperty("dc_ids").EnumerateArray().Select(d => d.GetInt64()).ToList();
        var shipments = Shipments(connection);
        foreach (var sample in samples)
        {
            var at = sample.GetProperty("at").GetDateTime().ToUniversalTime();
            var open = shipments.Where(s => s.Formed <= at && !(s.Completed <= at)).ToList();
            Assert.Equal(dcIds.Select(dc => (long)open.Count(s => s.Dc == dc && !(s.Departed <= at))), sample.GetProperty("at_dc").EnumerateArray().Select(n => n.GetInt64()));
            Assert.Equal(open.Count(s => s.Departed <= at), sample.GetProperty("on_road").GetInt64());
        }
    }

    [Fact]
    public async Task Event_mix_counts_pending_sent_and_dead_rows_and_the_sent_counts_kept_after_purges()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { force = false });
        await server.RunTaskAsync("/api/generate/historical", new { days = 2 });
        using (var connection = server.Services.GetRequiredService<ServerDatabase>().OpenConnection())
        {
            // Rows 0–2 acknowledged (0 and 1 sent, 2 dead), 3–4 pending; earlier purged sends in the stats; a row of a day outside the range.
            Execute(connection, $"""
                INSERT INTO {DatasetTables.Outbox} (outbox_id, event_id, event_ts, sim_day, event_type, partition_key, status, attempts) VALUES
                    (0, uuid(), TIMESTAMP '2024-01-02 10:00:00', DATE '2024-01-02', 'receipt_created', 'k', 'pending', 1),
                    (1, uuid(), TIMESTAMP '2024-01-02 10:00:01', DATE '2024-01-02', 'payment_processed', 'k', 'pending', 1),
                    (2, uuid(), TIMESTAMP '2024-01-02 10:00:02', DATE '2024-01-02', 'receipt_created', 'k', 'dead', 1),
                    (3, uuid(), TIMESTAMP '2024-01-02 10:00:03', DATE '2024-01-02', 'receipt_created', 'k', 'pending', 0),
                    (4, uuid(), TIMESTAMP '2024-01-02 10:00:04', DATE '2024-01-02', 'receipt_created', 'k', 'pending', 0);
                UPDATE {DatasetTables.RelayState} SET acked_through = 2;
                INSERT INTO {DatasetTables.SentStats} VALUES (DATE '2024-01-01', 'receipt_created', 40), (DATE '2023-12-31', 'receipt_created', 1000);
                """);
        }

        var mix = (await server.GetJsonAsync("/api/business")).GetProperty("event_mix").EnumerateArray()
            .ToDictionary(e => e.GetProperty("event_type").GetString()!, e => (Pending: e.GetProperty("pending").GetInt64(), Sent: e.GetProperty("sent").GetInt64(), Dead: e.GetProperty("dead").GetInt64()));

        Assert.Equal(2, mix.Count);
        Assert.Equal((2L, 41L, 1L), mix["receipt_created"]);
        Assert.Equal((0L, 1L, 0L), mix["payment_processed"]);
    }

    [Theory]
    [InlineData("?from=2024-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2024-01-02&to=2024-01-01", "from")]
    [InlineData("?from=2023-12-31", "from")]
    [InlineData("?to=2023-12-31", "to")]
    [InlineData("?to=2024-01-09", "to")]
    [InlineData("?top=0", "top")]
    [InlineData("?top=51", "top")]
    [InlineData("?top=ten", "top")]
    public async Task Business_refuses_a_malformed_reversed_or_uncommitted_range_naming_the_field(string query, string field)
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { force = false });
        await server.RunTaskAsync("/api/generate/historical", new { days = 1 });

        using var response = await server.Client.GetAsync(new Uri("/api/business" + query, UriKind.Relative));

        await Problems.AssertFieldAsync(response, field);
    }

    [Fact]
    public async Task Business_on_a_database_without_a_dataset_answers_409_problem_details()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/business", UriKind.Relative));

        await Problems.AssertStatusAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public void A_range_defaults_to_the_month_up_to_the_last_committed_day_and_is_capped_at_a_year()
    {
        var dataset = new DatasetRecord("d", 1, "f", DatasetIdentity.ModelVersion, "small", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), 1);

        var month = BusinessSeries.Resolve(dataset, null, null);
        var early = BusinessSeries.Resolve(dataset, null, new DateOnly(2024, 1, 10));
        var tooLong = Assert.Throws<ReportRangeException>(() => BusinessSeries.Resolve(dataset, new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1)));

        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31)), (month.From, month.To));
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 10)), (early.From, early.To));
        Assert.Equal("from", tooLong.Field);
        Assert.Equal(BusinessSeries.MaxDays, BusinessSeries.Resolve(dataset, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).Days);
    }

    private static (decimal Sum, long Count) SumAndCount(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.IsDBNull(0) ? 0m : reader.GetDecimal(0), reader.GetInt64(1));
    }

    private static Dictionary<string, decimal> Labelled(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[reader.GetString(0)] = reader.GetDecimal(1);
        }

        return rows;
    }

    /// <summary>Each shipment's DC and instants, read row by row and folded here rather than in SQL.</summary>
    private static List<(long Dc, DateTime Formed, DateTime? Departed, DateTime? Completed)> Shipments(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT shipment_id, dc_id, formed_ts, status, event_ts FROM fact_truck_moves UNION ALL SELECT shipment_id, dc_id, formed_ts, 'QUEUED', NULL FROM sim_pending_shipments WHERE status = 'QUEUED'";
        using var reader = command.ExecuteReader();
        var moves = new List<(string Id, long Dc, DateTime Formed, string Status, DateTime? At)>();
        while (reader.Read())
        {
            moves.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDateTime(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetDateTime(4)));
        }

        return [.. moves.GroupBy(m => m.Id).Select(g => (
            g.First().Dc,
            g.First().Formed,
            g.Where(m => m.Status == "IN_TRANSIT").Min(m => m.At),
            g.Where(m => m.Status == "COMPLETED").Min(m => m.At)))];
    }

    private static int Count(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
