namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// The <c>Simulation</c> section (data-model §1). Every public property except <see cref="Profile"/>
/// is a setting that drives output and is part of <c>dataset_id</c>.
/// </summary>
public sealed class SimulationOptions
{
    /// <summary>Selects the defaults; not itself part of the dataset identity.</summary>
    public string Profile { get; set; } = SimulationProfiles.Small;

    public long Seed { get; set; } = 42;
    public DateOnly StartDate { get; set; } = new(2024, 1, 1);
    public int Geographies { get; set; }
    public int Stores { get; set; }
    public int DistributionCenters { get; set; }
    public int Customers { get; set; }
    public int Products { get; set; }
    public int CustomersPerStoreDay { get; set; }

    /// <summary>Share of walk-in buyers who are not identified: the anonymous shopper, customer 0 (§10.1), 0 ≤ x &lt; 1.</summary>
    public double AnonymousShare { get; set; }

    public int OnlineOrdersPerDay { get; set; }
    public int MarketingImpressionsPerDay { get; set; }
    public int RefrigeratedTrucks { get; set; }
    public int DryTrucks { get; set; }
    public int SupplierRefrigeratedTrucks { get; set; }
    public int SupplierDryTrucks { get; set; }
    public double TruckDcAssignmentRate { get; set; }
    public int TruckCapacityUnits { get; set; }

    /// <summary>CPM range by channel: USD per 1,000 impressions (data-model §14.2), keyed by channel name.</summary>
    public SortedDictionary<string, CostRange> MarketingCpm { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A price range in USD, drawn uniformly; for <see cref="SimulationOptions.MarketingCpm"/> per 1,000 impressions.</summary>
public sealed class CostRange
{
    public decimal Min { get; set; }
    public decimal Max { get; set; }
}
