namespace RetailSynth.Foundation.Configuration;

/// <summary>The validation rules of data-model §1, each problem naming its setting.</summary>
internal static class SettingsValidator
{
    public static void Validate(
        SimulationOptions s, PerformanceOptions performance, StorageOptions storage, DictionaryLimits limits, List<string> problems)
    {
        if (s.Seed < 0)
        {
            problems.Add($"Simulation:Seed must be between 0 and {long.MaxValue}, got {s.Seed}");
        }

        if (s.StartDate < SettingsLimits.EarliestStartDate || s.StartDate > SettingsLimits.LatestStartDate)
        {
            problems.Add($"Simulation:StartDate must be between {SettingsLimits.EarliestStartDate:yyyy-MM-dd} and {SettingsLimits.LatestStartDate:yyyy-MM-dd}, got {s.StartDate:yyyy-MM-dd}");
        }

        if (s.Regions is < 1 or > Region.MaxCount)
        {
            problems.Add($"Simulation:Regions must be between 1 and {Region.MaxCount}, got {s.Regions}");
        }

        // Geographies and DistributionCenters are bounded by the geography dictionary (below).
        Bounded(problems, "Geographies", s.Geographies, long.MaxValue);
        Bounded(problems, "Stores", s.Stores, SettingsLimits.MaxStores);
        Bounded(problems, "DistributionCenters", s.DistributionCenters, long.MaxValue);
        Bounded(problems, "Customers", s.Customers, SettingsLimits.MaxCustomers);
        Bounded(problems, "Products", s.Products, SettingsLimits.MaxProducts);
        Bounded(problems, "CustomersPerStoreDay", s.CustomersPerStoreDay, SettingsLimits.MaxCustomersPerStoreDay);
        Bounded(problems, "OnlineOrdersPerDay", s.OnlineOrdersPerDay, SettingsLimits.MaxOnlineOrdersPerDay);
        Bounded(problems, "MarketingImpressionsPerDay", s.MarketingImpressionsPerDay, SettingsLimits.MaxMarketingImpressionsPerDay);
        Bounded(problems, "SupplierRefrigeratedTrucks", s.SupplierRefrigeratedTrucks, SettingsLimits.MaxTrucks);
        Bounded(problems, "SupplierDryTrucks", s.SupplierDryTrucks, SettingsLimits.MaxTrucks);
        Bounded(problems, "TruckCapacityUnits", s.TruckCapacityUnits, SettingsLimits.MaxUnits);

        // Each alone may be fine while their product is not: inventory slots and daily store visits.
        if (s.Stores is > 0 and <= SettingsLimits.MaxStores && s.Products is > 0 and <= SettingsLimits.MaxProducts
            && (long)s.Stores * s.Products > SettingsLimits.MaxStoreProductSlots)
        {
            problems.Add($"Simulation:Stores × Simulation:Products ({s.Stores} × {s.Products}) must be at most {SettingsLimits.MaxStoreProductSlots} store inventory slots (the memory a 24 GB machine can honour)");
        }

        if (s.Stores is > 0 and <= SettingsLimits.MaxStores && s.CustomersPerStoreDay is > 0 and <= SettingsLimits.MaxCustomersPerStoreDay
            && (long)s.Stores * s.CustomersPerStoreDay > SettingsLimits.MaxStoreVisitsPerDay)
        {
            problems.Add($"Simulation:Stores × Simulation:CustomersPerStoreDay ({s.Stores} × {s.CustomersPerStoreDay}) must be at most {SettingsLimits.MaxStoreVisitsPerDay} store visits a day");
        }

        if (!(s.AnonymousShare >= 0 && s.AnonymousShare < 1))
        {
            problems.Add($"Simulation:AnonymousShare must be ≥ 0 and < 1, got {s.AnonymousShare}");
        }

        if (!(s.FleetHeadroom > 1) || s.FleetHeadroom > SettingsLimits.MaxFleetHeadroom)
        {
            problems.Add($"Simulation:FleetHeadroom must be > 1 and ≤ {SettingsLimits.MaxFleetHeadroom}, got {s.FleetHeadroom}");
        }

        if (s.PoolTruckShare is < 0 or > 1 || double.IsNaN(s.PoolTruckShare))
        {
            problems.Add($"Simulation:PoolTruckShare must be ≥ 0 and ≤ 1, got {s.PoolTruckShare}");
        }

        if (s.DistributionCenters > s.Geographies && s.Geographies > 0)
        {
            problems.Add($"Simulation:DistributionCenters ({s.DistributionCenters}) must not exceed Simulation:Geographies ({s.Geographies})");
        }

        if (s.DistributionCenters > limits.HubEligibleRows)
        {
            problems.Add($"Simulation:DistributionCenters ({s.DistributionCenters}) exceeds the {limits.HubEligibleRows} hub-eligible rows of the geography dictionary");
        }

        if (s.Geographies > limits.Geographies)
        {
            problems.Add($"Simulation:Geographies ({s.Geographies}) exceeds the {limits.Geographies} rows of the geography dictionary");
        }

        if (s.Products > limits.ProductPairs && s.Products <= SettingsLimits.MaxProducts)
        {
            problems.Add($"Simulation:Products ({s.Products}) exceeds the {limits.ProductPairs} (base product, brand) pairs of the dictionaries");
        }


        foreach (var (channel, range) in s.MarketingCpm)
        {
            if (range.Min <= 0)
            {
                problems.Add($"Simulation:MarketingCpm:{channel}:Min must be > 0 USD per 1,000 impressions, got {range.Min}");
            }

            if (range.Max > SettingsLimits.MaxMarketingCpm)
            {
                problems.Add($"Simulation:MarketingCpm:{channel}:Max must be at most {SettingsLimits.MaxMarketingCpm} USD per 1,000 impressions, got {range.Max}");
            }

            if (range.Min > range.Max)
            {
                problems.Add($"Simulation:MarketingCpm:{channel}:Min ({range.Min}) must not exceed Simulation:MarketingCpm:{channel}:Max ({range.Max})");
            }
        }

        if (performance.MaxDegreeOfParallelism < 1)
        {
            problems.Add($"Performance:MaxDegreeOfParallelism must be ≥ 1, got {performance.MaxDegreeOfParallelism}");
        }
        else if (performance.MaxDegreeOfParallelism > SettingsLimits.MaxDegreeOfParallelism)
        {
            problems.Add($"Performance:MaxDegreeOfParallelism must be at most {SettingsLimits.MaxDegreeOfParallelism}, got {performance.MaxDegreeOfParallelism}");
        }

        if (string.IsNullOrWhiteSpace(storage.DatabasePath))
        {
            problems.Add("Storage:DatabasePath must not be empty");
        }
    }

    private static void Bounded(List<string> problems, string name, long value, long max)
    {
        if (value <= 0)
        {
            problems.Add($"Simulation:{name} must be > 0, got {value}");
        }
        else if (value > max)
        {
            problems.Add($"Simulation:{name} must be at most {max}, got {value}");
        }
    }

    private static void MinMax(List<string> problems, string name, int min, int max)
    {
        if (min > max)
        {
            problems.Add($"Simulation:{name}Min ({min}) must not exceed Simulation:{name}Max ({max})");
        }
    }
}
