
namespace RetailSynth.Foundation.Configuration;

/// <summary>The <c>small</c> and <c>large</c> columns of data-model §1.</summary>
internal static class SimulationProfiles
{
    public const string Small = "small";
    public const string Large = "large";

    public static IReadOnlyList<string> Names { get; } = [Small, Large];

    /// <summary>A fresh options object holding the profile's defaults, or null for an unknown profile.</summary>
    public static SimulationOptions? Create(string profile)
    {
        var options = profile.ToLowerInvariant() switch
        {
            Small => new SimulationOptions
            {
                Geographies = 60,
                Stores = 20,
                DistributionCenters = 3,
                Customers = 40_000,
                Products = 2_000,
                CustomersPerStoreDay = 145,
                OnlineOrdersPerDay = 600,
                MarketingImpressionsPerDay = 2_000,
            },
            Large => new SimulationOptions
            {
                Geographies = 200,
                Stores = 86,
                DistributionCenters = 4,
                Customers = 403_000,
                Products = 10_000,
                CustomersPerStoreDay = 240,
                OnlineOrdersPerDay = 4_400,
                MarketingImpressionsPerDay = 8_950,
            },
            _ => null,
        };
        if (options is null)
        {
            return null;
        }

        options.Profile = profile.ToLowerInvariant();
        options.AnonymousShare = 0.35;
        options.SupplierRefrigeratedTrucks = 12;
        options.SupplierDryTrucks = 18;
        options.FleetHeadroom = 2.5;
        options.PoolTruckShare = 0.25;
        options.TruckCapacityUnits = 15_000;
        foreach (var channel in Enum.GetValues<MarketingChannel>())
        {
            var (min, max) = DefaultCpm(channel);
            options.MarketingCpm[channel.ToString()] = new CostRange { Min = min, Max = max };
        }

        return options;
    }

    /// <summary>USD per 1,000 impressions (§14.2): display is cheap, search dear, as the R7 anchors report.</summary>
    private static (decimal Min, decimal Max) DefaultCpm(MarketingChannel channel) => channel switch
    {
        MarketingChannel.EMAIL => (1m, 3m),
        MarketingChannel.DISPLAY => (2m, 8m),
        MarketingChannel.SOCIAL => (4m, 10m),
        MarketingChannel.SEARCH => (20m, 45m),
        MarketingChannel.FACEBOOK => (5m, 12m),
        MarketingChannel.GOOGLE => (15m, 40m),
        MarketingChannel.INSTAGRAM => (4m, 12m),
        MarketingChannel.YOUTUBE => (8m, 20m),
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };
}
