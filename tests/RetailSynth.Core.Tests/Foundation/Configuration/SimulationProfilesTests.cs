using RetailSynth.Foundation.Configuration;

namespace RetailSynth.Core.Tests.Foundation.Configuration;

public class SimulationProfilesTests
{
    [Theory]
    [InlineData("small", 145, 600)]
    [InlineData("large", 240, 4_400)]
    public void Each_profile_carries_the_model_v2_store_traffic_and_online_volume(string profile, int customersPerStoreDay, int onlineOrdersPerDay)
    {
        var options = SimulationProfiles.Create(profile)!;

        Assert.Equal(customersPerStoreDay, options.CustomersPerStoreDay);
        Assert.Equal(onlineOrdersPerDay, options.OnlineOrdersPerDay);
    }

    [Theory]
    [InlineData("small", 20, 3)]
    [InlineData("large", 86, 4)] // model v1 ran 20 DCs, one per ≈ 4 stores
    public void Each_profile_serves_its_stores_from_a_few_dcs_not_one_per_handful_of_stores(string profile, int stores, int dcs)
    {
        var options = SimulationProfiles.Create(profile)!;

        Assert.Equal(stores, options.Stores);
        Assert.Equal(dcs, options.DistributionCenters);
        Assert.InRange(options.Stores / (double)options.DistributionCenters, 6.5, 100);
    }

    [Theory]
    [InlineData("small")]
    [InlineData("large")]
    public void Each_profile_prices_every_channel_by_the_cpm_ranges_of_data_model_14_2(string profile)
    {
        var cpm = SimulationProfiles.Create(profile)!.MarketingCpm.ToDictionary(p => p.Key, p => (p.Value.Min, p.Value.Max));

        var expected = new Dictionary<string, (decimal, decimal)>
        {
            ["EMAIL"] = (1m, 3m),
            ["DISPLAY"] = (2m, 8m),
            ["SOCIAL"] = (4m, 10m),
            ["SEARCH"] = (20m, 45m),
            ["FACEBOOK"] = (5m, 12m),
            ["GOOGLE"] = (15m, 40m),
            ["INSTAGRAM"] = (4m, 12m),
            ["YOUTUBE"] = (8m, 20m),
        };
        Assert.Equal(expected.OrderBy(p => p.Key), cpm.OrderBy(p => p.Key));
    }
}
