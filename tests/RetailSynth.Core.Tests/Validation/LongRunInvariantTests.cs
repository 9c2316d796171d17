using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Configuration;
using RetailSynth.Core.Tests.Simulation;
using RetailSynth.Jobs;
using RetailSynth.Storage;
using RetailSynth.Tests;
using RetailSynth.Validation;

namespace RetailSynth.Core.Tests.Validation;

public class LongRunInvariantTests
{
    [Fact]
    public void Every_invariant_holds_across_a_month_end_a_dst_change_and_black_friday()
    {
        // 2024-10-28 … 2024-12-03: the Nov 3 fall-back, Thanksgiving and Black Friday, and two month ends.
        using var folder = new TempFolder();
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = folder.File("long.duckdb"),
            ["Simulation:StartDate"] = "2024-10-28",
            ["Simulation:Customers"] = "2000",
            ["Simulation:Products"] = "400",
            ["Simulation:Stores"] = "4",
            ["Simulation:Geographies"] = "30",
            ["Simulation:CustomersPerStoreDay"] = "25",
            ["Simulation:OnlineOrdersPerDay"] = "60",
            ["Simulation:MarketingImpressionsPerDay"] = "1000",
            ["Simulation:RefrigeratedTrucks"] = "8",
            ["Simulation:DryTrucks"] = "8",
        };
        var settings = SettingsLoader.Load(new SettingsSources { Overrides = overrides }, SimulationFixture.Dictionaries.Limits);
        new DimensionJob(settings, SimulationFixture.Dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, CancellationToken.None);
        new FactGenerationJob(settings, SimulationFixture.Dictionaries, NullLogger<FactGenerationJob>.Instance)
            .Run(new FactGenerationJob.Range(null, new DateOnly(2024, 12, 3)), _ => { }, CancellationToken.None);

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
