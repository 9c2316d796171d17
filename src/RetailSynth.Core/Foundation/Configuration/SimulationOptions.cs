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

    /// <summary>
    /// Regions simulated as independent shards (scale-out §1), 1 ≤ R ≤ 21; every count below is per region.
    /// Part of <c>dataset_id</c> only when it is above 1, so a one-region dataset keeps its model-v2 id.
    /// </summary>
    public int Regions { get; set; } = 1;
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
    public int SupplierRefrigeratedTrucks { get; set; }
    public int SupplierDryTrucks { get; set; }
    public int TruckCapacityUnits { get; set; }

    /// <summary>DC_ASSIGNED trucks per DC = expected truck-hours a day × headroom ÷ 24 h, at least routes + 1 (§6.4); &gt; 1.</summary>
    public double FleetHeadroom { get; set; }

    /// <summary>POOL trucks as a share of all DC_ASSIGNED trucks (§6.4), 0 ≤ x ≤ 1.</summary>
    public double PoolTruckShare { get; set; }

    /// <summary>CPM range by channel: USD per 1,000 impressions (data-model §14.2), keyed by channel name.</summary>
    public SortedDictionary<string, CostRange> MarketingCpm { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A price range in USD, drawn uniformly; for <see cref="SimulationOptions.MarketingCpm"/> per 1,000 impressions.</summary>
public sealed class CostRange
{
    public decimal Min { get; set; }
    public decimal Max { get; set; }
}
