using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Geo;
using RetailSynth.Foundation.Randomness;
using RetailSynth.Reference;

namespace RetailSynth.Core.Tests.Engine.Dimensions;

/// <summary>dim_customers 1…N of data-model §6.5 on the <c>small</c> defaults (R5).</summary>
public class CustomerGeneratorTests
{
    private static readonly ReferenceDictionaries s_d = ReferenceDictionaries.LoadEmbedded();
    private static readonly SimulationOptions s_options = SimulationProfiles.Create("small")!;
    private static readonly Lazy<DimensionSet> s_small = new(() => DimensionGenerator.Generate(s_options, s_d));

    private static DimensionSet Small => s_small.Value;

    [Fact]
    public void Small_has_40000_identified_customers_with_ids_1_to_n()
    {
        Assert.Equal(40_000, s_options.Customers);
        Assert.Equal(Enumerable.Range(1, 40_000).Select(i => (long)i), Small.Customers.Select(c => c.CustomerId));
    }

    [Fact]
    public void Ids_follow_join_order_with_about_80_percent_joined_before_the_start()
    {
        var dates = Small.Customers.Select(c => c.JoinDate).ToList();
        Assert.Equal(dates.Order(), dates);
        var before = dates.Count(d => d < s_options.StartDate) / (double)dates.Count;
        Assert.InRange(before, 0.78, 0.82);
        Assert.All(dates, d => Assert.InRange(d, s_options.StartDate.AddDays(-2190), s_options.StartDate.AddDays(1460)));
        var firstYear = dates.Count(d => d >= s_options.StartDate.AddDays(-2190) && d < s_options.StartDate.AddDays(-1825)) / (double)dates.Count;
        Assert.InRange(firstYear, 0.11, 0.16); // 80 % over six years ≈ 13.3 % a year
    }

    [Fact]
    public void Every_primary_store_is_within_30_miles_of_home_and_the_secondary_too()
    {
        var stores = Small.Stores.ToDictionary(s => s.StoreId);
        Assert.All(Small.Customers, c =>
        {
            var primary = stores[c.PrimaryStoreId];
            Assert.True(Haversine.Miles(c.Latitude, c.Longitude, primary.Latitude, primary.Longitude) <= 30, c.ToString());
            if (c.SecondaryStoreId is { } id)
            {
                Assert.True(Haversine.Miles(c.Latitude, c.Longitude, stores[id].Latitude, stores[id].Longitude) <= 30, c.ToString());
            }
        });
    }

    [Fact]
    public void The_primary_store_has_the_highest_huff_utility_among_candidates()
    {
        Assert.All(Small.Customers.Take(2_000), c =>
        {
            var utilities = Small.Stores
                .Select(s => (s.StoreId, Miles: Haversine.Miles(c.Latitude, c.Longitude, s.Latitude, s.Longitude), s.DailyTrafficMultiplier))
                .Where(s => s.Miles <= 30)
                .Select(s => (s.StoreId, Utility: s.DailyTrafficMultiplier / Math.Pow(Math.Max(1, s.Miles), 2)))
                .OrderByDescending(s => s.Utility).ThenBy(s => s.StoreId)
                .ToList();
            Assert.Equal(utilities[0].StoreId, c.PrimaryStoreId);
            Assert.Equal(utilities.Count > 1 ? utilities[1].StoreId : null, c.SecondaryStoreId);
        });
    }

    [Fact]
    public void Homes_have_their_own_points_and_the_nearest_geography()
    {
        Assert.True(Small.Customers.Select(c => (c.Latitude, c.Longitude)).Distinct().Count() > 39_000);
        Assert.All(Small.Customers.Take(500), c =>
        {
            var nearest = Small.Geographies
                .Select(g => (g.GeographyId, Miles: Haversine.Miles(c.Latitude, c.Longitude, g.Latitude, g.Longitude)))
                .OrderBy(x => x.Miles).ThenBy(x => x.GeographyId).First();
            Assert.Equal(nearest.GeographyId, c.GeographyId);
            Assert.Equal(Math.Round(c.Latitude, 5), c.Latitude);
        });
    }

    [Fact]
    public void Every_store_is_somebodys_primary_store_and_customers_follow_store_traffic()
    {
        var primaries = Small.Customers.GroupBy(c => c.PrimaryStoreId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Small.Stores, s => Assert.True(primaries.GetValueOrDefault(s.StoreId) > 0, $"store {s.StoreId}"));
    }

    [Fact]
    public void Beacon_and_ad_ids_use_the_offsets_of_dims_offsets()
    {
        var offsets = IdOffsets.Draw(new RandomHierarchy(s_options.Seed));
        var c = Small.Customers[41];
        Assert.Equal(Identifiers.BleId(c.CustomerId, offsets.Ble), c.BleId);
        Assert.Equal(Identifiers.AdId(c.CustomerId, offsets.Ad), c.AdId);
        Assert.Equal(FleetPlanner.LicensePlate(1, offsets.LicensePlate), Small.Trucks[0].LicensePlate);
    }
}
