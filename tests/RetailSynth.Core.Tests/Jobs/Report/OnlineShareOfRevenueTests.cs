using System.Globalization;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs.Report;
using RetailSynth.Storage;
using RetailSynth.Tests;
using Xunit.Abstractions;

namespace RetailSynth.Core.Tests.Jobs.Report;

/// <summary>R13 (realism.md): online orders make 8–18 % of the chain's revenue (data-model §15: ≈ 11 %).</summary>
public sealed class OnlineShareOfRevenueTests(ITestOutputHelper output)
{
    [Fact]
    public void A_week_of_a_small_chain_scaled_to_six_stores_puts_online_orders_inside_the_8_to_18_percent_band()
    {
        // `small` has 20 stores, 145 store customers a day each and 600 online orders a day: six stores with the same
        // store traffic and 6/20 of the online orders keep the ratio at a fraction of the run time.
        const int Stores = 6;
        var small = SimulationProfiles.Create(SimulationProfiles.Small)!;
        using var folder = new TempFolder();
        var database = folder.File("online-share.duckdb");
        var extra = new Dictionary<string, string?>
        {
            ["Customers"] = Invariant(small.Customers * Stores / small.Stores),
            ["Products"] = Invariant(small.Products),
            ["CustomersPerStoreDay"] = Invariant(small.CustomersPerStoreDay),
            ["OnlineOrdersPerDay"] = Invariant(small.OnlineOrdersPerDay * Stores / small.Stores),
        };
        ReducedWorld.Generate(ReducedWorld.Settings(database, stores: Stores, extra: extra), 7);

        using var opened = RetailDatabase.OpenReadOnly(database);
        var r13 = new RealismScorecard().Run(opened.Connection).Kpis.Single(k => k.Id == "R13");
        var share = r13.Checks.Single().Value;
        output.WriteLine($"online share of revenue: {share:P2}");

        Assert.Equal(KpiVerdict.Ok, r13.Verdict);
        Assert.InRange(share!.Value, 0.08, 0.18);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
