using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs.Report;
using RetailSynth.Storage;
using static RetailSynth.Core.Tests.Jobs.Report.RealismScorecardTests;

namespace RetailSynth.Core.Tests.Jobs.Report;

/// <summary>The KPI families that read model v2 columns: each pushed out of its band on a copy of the generated database.</summary>
public class BrokenModelV2DatabaseTests(ReportDatasetFixture fixture) : IClassFixture<ReportDatasetFixture>
{
    [Fact]
    public void Trucks_a_shipment_queued_for_three_days_is_short_on_r1()
    {
        using var database = fixture.OpenCopy();
        database.Execute("""
            INSERT INTO sim_pending_shipments (shipment_id, trip_id, stop_seq, dc_id, store_id, temperature_class, priority, units, formed_ts, status)
            VALUES ('SHP-20240104-09999', 'TRP-20240104-09999', 1, 1, 1, 'AMBIENT', 'NORMAL', 10, TIMESTAMP '2024-01-04 23:00:00', 'QUEUED')
            """);

        var report = new RealismScorecard().Run(database.Connection);

        var waits = Kpi(report, "R1");
        Assert.Equal(KpiVerdict.Shortfall, waits.Verdict);
        Assert.Equal(4.0 / 7, waits.Checks.Single(c => c.Name.StartsWith("days with no shipment", StringComparison.Ordinal)).Value!.Value, 6);
        Assert.Equal(73, waits.Checks.Single(c => c.Name == "oldest wait").Value!.Value, 6);
        Assert.Equal(
            [KpiVerdict.Shortfall, KpiVerdict.Ok, KpiVerdict.Reported, KpiVerdict.Shortfall], // one waiting shipment is within max(1, 1 %) a day
            waits.Checks.Select(c => c.Verdict));
    }

    [Fact]
    public void Trucks_stores_2400_road_miles_from_their_dc_are_short_on_r9_distance_and_speed()
    {
        using var database = fixture.OpenCopy();
        var before = Kpi(new RealismScorecard().Run(database.Connection), "R9");
        database.Execute("UPDATE dim_stores SET dc_road_miles = 2400");

        var after = Kpi(new RealismScorecard().Run(database.Connection), "R9");

        Assert.Equal(KpiVerdict.Shortfall, after.Verdict);
        Assert.Equal(0, after.Checks.Single(c => c.Name.StartsWith("shipments ≤ 350", StringComparison.Ordinal)).Value);
        Assert.True(after.Checks.Single(c => c.Name.StartsWith("highest implied speed", StringComparison.Ordinal)).Value > 55);
        Assert.Equal(KpiVerdict.Reported, after.Checks.Single(c => c.Name == "fill").Verdict); // a week reports fill only
        Assert.Contains(after.Checks, c => c.Name.StartsWith("fill of DC ", StringComparison.Ordinal) && c.Value > 0);
        Assert.NotNull(before.Checks.Single(c => c.Name.StartsWith("highest implied speed", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Ticket_a_december_basket_twice_the_mean_is_short_on_r4()
    {
        using var database = fixture.OpenCopy();
        // Three full months before the facts: the week's receipts are labelled October, November and December.
        database.Execute("UPDATE sim_state SET start_date = DATE '2023-10-01'");
        database.Execute("""
            UPDATE fact_receipts SET business_date = CASE
                WHEN day(event_ts) <= 2 THEN DATE '2023-10-15' WHEN day(event_ts) <= 4 THEN DATE '2023-11-15' ELSE DATE '2023-12-15' END
            """);
        var before = Kpi(new RealismScorecard().Run(database.Connection), "R4");
        database.Execute("UPDATE fact_receipts SET subtotal = subtotal * 3 WHERE month(business_date) = 12");

        var after = Kpi(new RealismScorecard().Run(database.Connection), "R4");

        Assert.NotEqual(KpiVerdict.NotApplicable, before.Verdict);
        Assert.Equal(KpiVerdict.Shortfall, after.Verdict);
        Assert.True(after.Checks.Single(c => c.Name == "December's deviation").Value > 0.30);
    }

    [Fact]
    public void Locality_homes_moved_1400_miles_away_are_short_on_r5()
    {
        using var database = fixture.OpenCopy();
        database.Execute("UPDATE dim_customers SET latitude = latitude + 20");

        var locality = Kpi(new RealismScorecard().Run(database.Connection), "R5");

        Assert.Equal(KpiVerdict.Shortfall, locality.Verdict);
        Assert.Equal([0.0, 1.0], locality.Checks.Take(2).Select(c => c.Value!.Value));
    }

    [Fact]
    public void Customers_every_receipt_anonymous_is_short_on_r12_identified_share()
    {
        using var database = fixture.OpenCopy();
        database.Execute("UPDATE fact_receipts SET customer_id = 0");

        var customers = Kpi(new RealismScorecard().Run(database.Connection), "R12");

        Assert.Equal(KpiVerdict.Shortfall, customers.Verdict);
        Assert.Equal(0, customers.Checks.Single(c => c.Name == "identified SALE receipts").Value);
    }

    [Fact]
    public void Local_time_sales_on_a_local_christmas_day_are_short_on_r10()
    {
        using var database = fixture.OpenCopy();
        database.Execute("UPDATE sim_state SET start_date = DATE '2023-12-20'");
        database.Execute("UPDATE fact_receipts SET business_date = DATE '2023-12-25' WHERE receipt_id_ext IN (SELECT receipt_id_ext FROM fact_receipts WHERE receipt_type = 'SALE' LIMIT 3)");

        var local = Kpi(new RealismScorecard().Run(database.Connection), "R10");

        var christmas = local.Checks.Single(c => c.Name == "SALE receipts on local Dec 25");
        Assert.Equal((3.0, KpiVerdict.Shortfall), (christmas.Value!.Value, christmas.Verdict));
        Assert.Equal(KpiVerdict.Shortfall, local.Verdict);
    }

    [Fact]
    public void Local_time_a_receipt_whose_local_hour_disagrees_with_its_stores_zone_is_short_on_r10()
    {
        using var database = fixture.OpenCopy();
        var before = Kpi(new RealismScorecard().Run(database.Connection), "R10").Checks[1].Value!.Value;
        database.Execute("UPDATE fact_receipts SET local_hour = (local_hour + 5) % 24 WHERE receipt_id_ext = (SELECT arg_min(receipt_id_ext, event_ts) FROM fact_receipts)");

        var local = Kpi(new RealismScorecard().Run(database.Connection), "R10");

        Assert.Equal((before + 1, KpiVerdict.Shortfall), (local.Checks[1].Value!.Value, local.Checks[1].Verdict));
    }

    [Fact]
    public void Returns_none_at_all_over_a_quarter_are_short_on_r11()
    {
        using var database = fixture.OpenCopy();
        // 97 days, the week's sales labelled inside the sales window (up to 46 days before the end).
        database.Execute("UPDATE sim_state SET start_date = DATE '2023-10-03'");
        database.Execute("UPDATE fact_receipts SET business_date = business_date - INTERVAL 80 DAY");
        database.Execute("DELETE FROM fact_receipts WHERE receipt_type = 'RETURN'");

        var returns = Kpi(new RealismScorecard().Run(database.Connection), "R11");

        Assert.Equal(KpiVerdict.Shortfall, returns.Verdict);
        var store = returns.Checks.Single(c => c.Name == "store returns");
        Assert.Equal((0.0, KpiVerdict.Shortfall), (store.Value!.Value, store.Verdict));
    }

    [Fact]
    public void Volumes_of_a_reference_sized_small_world_far_below_model_v1_are_short_on_r17()
    {
        using var database = fixture.OpenCopy();
        var defaults = SimulationProfiles.Create(SimulationProfiles.Small)!;
        Grow(database, "dim_stores", "store_id", defaults.Stores);
        Grow(database, "dim_products", "product_id", defaults.Products);
        Grow(database, "dim_customers", "customer_id", defaults.Customers);

        var volumes = Kpi(new RealismScorecard().Run(database.Connection), "R17");

        Assert.Equal(KpiVerdict.Shortfall, volumes.Verdict);
        Assert.All(volumes.Checks, c => Assert.Equal(KpiVerdict.Shortfall, c.Verdict));
    }

    /// <summary>Copies the dimension's rows under new ids (≥ 1) until it holds <paramref name="target"/> of them.</summary>
    private static void Grow(RetailDatabase database, string table, string id, int target)
    {
        var count = database.Scalar($"SELECT count(*) FROM {table} WHERE {id} >= 1");
        var top = database.Scalar($"SELECT max({id}) FROM {table}");
        database.Execute($"""
            INSERT INTO {table} SELECT * REPLACE ({top} + row_number() OVER () AS {id})
            FROM (SELECT t.* FROM {table} t, range({(target + count - 1) / count}) WHERE t.{id} >= 1) LIMIT {target - count}
            """);
    }
}
