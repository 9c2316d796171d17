using RetailSynth.Jobs.Report;
using RetailSynth.Storage;
using static RetailSynth.Core.Tests.Jobs.Report.RealismScorecardTests;

namespace RetailSynth.Core.Tests.Jobs.Report;

/// <summary>A database deliberately pushed out of a KPI's band is reported short on that KPI (one case per KPI family).</summary>
public class BrokenDatabaseTests(ReportDatasetFixture fixture) : IClassFixture<ReportDatasetFixture>
{
    [Fact]
    public void Stock_every_pair_empty_at_the_evaluation_days_is_short_on_r2()
    {
        using var database = fixture.OpenCopy();
        // 21 settling days before the facts, so the week's days are evaluation days; then nothing on hand anywhere.
        database.Execute("UPDATE sim_state SET start_date = DATE '2023-12-11'");
        database.Execute("UPDATE fact_store_inventory_txn SET balance = 0");
        database.Execute("UPDATE sim_inventory_balances SET on_hand = 0");

        var oos = Short(database, "R2", "highest OOS");

        Assert.Equal(1.0, oos.Value);
    }

    [Fact]
    public void Assortment_one_sku_taking_every_sale_is_short_on_r6_when_judged_on_a_month_of_large()
    {
        using var database = fixture.OpenCopy();
        // Horizon M: a whole calendar month of the large profile (December before the facts, then the week).
        database.Execute("UPDATE sim_state SET start_date = DATE '2023-12-01', profile = 'large'");
        database.Execute("UPDATE fact_receipt_lines SET product_id = (SELECT min(product_id) FROM dim_products WHERE department = 'Grocery')");

        var top = Short(database, "R6", "top SKU's share of revenue");

        Assert.True(top.Value > 0.99);
    }

    [Fact]
    public void Marketing_impressions_priced_a_thousand_times_higher_are_short_on_r7_cpm()
    {
        using var database = fixture.OpenCopy();
        database.Execute("UPDATE fact_marketing SET cost = cost * 1000 + 1");

        var report = new RealismScorecard().Run(database.Connection);

        var cpm = Kpi(report, "R7").Checks.Where(c => c.Name.StartsWith("CPM ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cpm);
        Assert.All(cpm, c => Assert.Equal((KpiVerdict.Shortfall, true), (c.Verdict, c.Value > 50)));
        Assert.Equal(KpiVerdict.Shortfall, Kpi(report, "R7").Verdict);
    }

    [Fact]
    public void Conversion_ten_times_the_visitors_is_short_on_r8_for_the_chain()
    {
        using var database = fixture.OpenCopy();
        database.Execute("UPDATE fact_foot_traffic SET customer_count = customer_count * 10 + 10");

        var chain = Short(database, "R8", "chain");

        Assert.True(chain.Value < 0.45);
    }

    [Fact]
    public void Online_share_of_a_hundredfold_online_revenue_is_short_on_r13()
    {
        using var database = fixture.OpenCopy();
        database.Execute("UPDATE fact_online_order_headers SET subtotal = subtotal * 100");

        var share = Short(database, "R13", "online share of revenue");

        Assert.True(share.Value > 0.18);
    }

    [Fact]
    public void Online_share_ignores_cancelled_orders()
    {
        using var database = fixture.OpenCopy();
        var before = Kpi(new RealismScorecard().Run(database.Connection), "R13").Checks[0].Value;
        database.Execute("INSERT INTO fact_online_order_status BY NAME " +
            "SELECT order_id_ext, 'CANCELLED' AS status, event_ts + INTERVAL 1 MINUTE AS event_ts, business_date, local_hour, fulfillment_mode, node_type, node_id FROM fact_online_order_headers");

        var after = Kpi(new RealismScorecard().Run(database.Connection), "R13").Checks[0].Value;

        Assert.True(before > 0);
        Assert.Equal(0, after);
    }

    [Fact]
    public void Map_every_store_in_one_city_is_short_on_r14()
    {
        using var database = fixture.OpenCopy();
        database.Execute("UPDATE dim_geographies SET city = 'Springfield', state = 'IL'");

        var report = new RealismScorecard().Run(database.Connection);

        var map = Kpi(report, "R14");
        Assert.Equal(KpiVerdict.Shortfall, map.Verdict);
        Assert.Equal([1.0, 1.0, 1.0], map.Checks.Select(c => c.Value!.Value));
    }

    [Fact]
    public void Brands_a_food_word_on_electronics_and_a_health_word_on_food_are_short_on_r15()
    {
        using var database = fixture.OpenCopy();
        var before = Kpi(new RealismScorecard().Run(database.Connection), "R15");
        database.Execute("UPDATE dim_products SET brand = 'Hilltop Creamery' WHERE department = 'Electronics'");
        database.Execute("UPDATE dim_products SET brand = 'Vitality Labs' WHERE product_id = (SELECT min(product_id) FROM dim_products WHERE department = 'Grocery' AND category = 'Produce')");

        var after = Kpi(new RealismScorecard().Run(database.Connection), "R15");

        Assert.Equal(KpiVerdict.Shortfall, after.Verdict);
        Assert.True(after.Checks[0].Value > before.Checks[0].Value);
        Assert.Equal(before.Checks[1].Value + 1, after.Checks[1].Value);
        Assert.All(after.Checks, c => Assert.Equal(KpiVerdict.Shortfall, c.Verdict));
    }

    private static KpiCheck Short(RetailDatabase database, string id, string check)
    {
        var report = new RealismScorecard().Run(database.Connection);
        var kpi = Kpi(report, id);
        var found = kpi.Checks.Single(c => c.Name.StartsWith(check, StringComparison.Ordinal));
        Assert.Equal(KpiVerdict.Shortfall, found.Verdict);
        Assert.Equal(KpiVerdict.Shortfall, kpi.Verdict);
        Assert.True(report.HasShortfall);
        return found;
    }
}
