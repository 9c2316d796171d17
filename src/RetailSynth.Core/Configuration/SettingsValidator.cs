namespace RetailSynth.Configuration;

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

        Positive(problems, "Geographies", s.Geographies);
        Positive(problems, "Stores", s.Stores);
        Positive(problems, "DistributionCenters", s.DistributionCenters);
        Positive(problems, "Customers", s.Customers);
        Positive(problems, "Products", s.Products);
        Positive(problems, "CustomersPerStoreDay", s.CustomersPerStoreDay);
        Positive(problems, "OnlineOrdersPerDay", s.OnlineOrdersPerDay);
        Positive(problems, "MarketingImpressionsPerDay", s.MarketingImpressionsPerDay);
        Positive(problems, "RefrigeratedTrucks", s.RefrigeratedTrucks);
        Positive(problems, "DryTrucks", s.DryTrucks);
        Positive(problems, "SupplierRefrigeratedTrucks", s.SupplierRefrigeratedTrucks);
        Positive(problems, "SupplierDryTrucks", s.SupplierDryTrucks);
        Positive(problems, "TruckCapacityUnits", s.TruckCapacityUnits);
        Positive(problems, "StoreInitialInventoryMin", s.StoreInitialInventoryMin);
        Positive(problems, "StoreReorderPointMin", s.StoreReorderPointMin);
        Positive(problems, "DcInitialInventoryMin", s.DcInitialInventoryMin);
        Positive(problems, "DcReorderPointMin", s.DcReorderPointMin);

        if (s.TruckDcAssignmentRate is <= 0 or > 1)
        {
            problems.Add($"Simulation:TruckDcAssignmentRate must be > 0 and ≤ 1, got {s.TruckDcAssignmentRate}");
        }

        if (s.DistributionCenters > s.Geographies && s.Geographies > 0)
        {
            problems.Add($"Simulation:DistributionCenters ({s.DistributionCenters}) must not exceed Simulation:Geographies ({s.Geographies})");
        }

        if (s.Geographies > limits.Geographies)
        {
            problems.Add($"Simulation:Geographies ({s.Geographies}) exceeds the {limits.Geographies} rows of the geography dictionary");
        }

        if (s.Products > limits.ProductPairs)
        {
            problems.Add($"Simulation:Products ({s.Products}) exceeds the {limits.ProductPairs} (base product, brand) pairs of the dictionaries");
        }

        MinMax(problems, "StoreInitialInventory", s.StoreInitialInventoryMin, s.StoreInitialInventoryMax);
        MinMax(problems, "StoreReorderPoint", s.StoreReorderPointMin, s.StoreReorderPointMax);
        MinMax(problems, "DcInitialInventory", s.DcInitialInventoryMin, s.DcInitialInventoryMax);
        MinMax(problems, "DcReorderPoint", s.DcReorderPointMin, s.DcReorderPointMax);

        if (s.StoreInitialInventoryMin < 3L * s.StoreReorderPointMin)
        {
            problems.Add($"Simulation:StoreInitialInventoryMin ({s.StoreInitialInventoryMin}) must be at least 3 × Simulation:StoreReorderPointMin ({s.StoreReorderPointMin})");
        }

        if (s.DcInitialInventoryMin < 5L * s.DcReorderPointMin)
        {
            problems.Add($"Simulation:DcInitialInventoryMin ({s.DcInitialInventoryMin}) must be at least 5 × Simulation:DcReorderPointMin ({s.DcReorderPointMin})");
        }

        foreach (var (channel, range) in s.MarketingCost)
        {
            if (range.Min < 0)
            {
                problems.Add($"Simulation:MarketingCost:{channel}:Min must be ≥ 0, got {range.Min}");
            }

            if (range.Min > range.Max)
            {
                problems.Add($"Simulation:MarketingCost:{channel}:Min ({range.Min}) must not exceed Simulation:MarketingCost:{channel}:Max ({range.Max})");
            }
        }

        if (performance.MaxDegreeOfParallelism < 1)
        {
            problems.Add($"Performance:MaxDegreeOfParallelism must be ≥ 1, got {performance.MaxDegreeOfParallelism}");
        }

        if (string.IsNullOrWhiteSpace(storage.DatabasePath))
        {
            problems.Add("Storage:DatabasePath must not be empty");
        }
    }

    private static void Positive(List<string> problems, string name, long value)
    {
        if (value <= 0)
        {
            problems.Add($"Simulation:{name} must be > 0, got {value}");
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
