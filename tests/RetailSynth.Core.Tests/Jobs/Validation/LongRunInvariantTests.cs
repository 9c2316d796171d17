using RetailSynth.Jobs.Validation;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Jobs.Validation;

public class LongRunInvariantTests
{
    [Fact]
    public void Every_invariant_holds_across_a_month_end_a_dst_change_and_black_friday()
    {
        // 2024-10-28 … 2024-12-03: the Nov 3 fall-back, Thanksgiving and Black Friday, and two month ends.
        using var folder = new TempFolder();
        var settings = ReducedWorld.Settings(folder.File("long.duckdb"), "2024-10-28", stores: 4, extra: new Dictionary<string, string?>
        {
            ["Products"] = "400",
            ["CustomersPerStoreDay"] = "25",
            ["OnlineOrdersPerDay"] = "60",
            ["MarketingImpressionsPerDay"] = "1000",
        });
        ReducedWorld.Generate(settings, null, new DateOnly(2024, 12, 3));

        using var database = RetailDatabase.Open(settings.Storage.DatabasePath);
        var report = new DatasetValidator().Validate(database);

        var failures = report.Results.Where(r => r.Outcome == InvariantOutcome.Fail).Select(r => $"{r.Invariant.Id}: {r.Violations}");
        Assert.Empty(failures);
        Assert.True(database.Scalar("SELECT count(*) FROM fact_receipts WHERE receipt_type = 'RETURN'") > 0);
        Assert.True(database.Scalar("SELECT count(*) FROM fact_truck_moves WHERE status = 'COMPLETED'") > 0);
        Assert.True(database.Scalar("SELECT count(*) FROM fact_online_order_status WHERE status = 'DELIVERED'") > 0);
        Assert.True(database.Scalar("SELECT count(*) FROM fact_receipts WHERE campaign_id IS NOT NULL") > 0);
    }
}
