namespace RetailSynth.Storage;

/// <summary>The tables that make up a dataset, grouped by what regenerating dimensions must wipe.</summary>
public static class DatasetTables
{
    public static readonly IReadOnlyList<string> Dimensions =
    [
        "dim_geographies", "dim_distribution_centers", "dim_stores", "dim_trucks", "dim_customers", "dim_products",
    ];

    /// <summary>Key columns, for ordered reads and hashes.</summary>
    public static readonly IReadOnlyDictionary<string, string> KeyOrder = new Dictionary<string, string>
    {
        ["dim_geographies"] = "geography_id",
        ["dim_distribution_centers"] = "dc_id",
        ["dim_stores"] = "store_id",
        ["dim_trucks"] = "truck_id",
        ["dim_customers"] = "customer_id",
        ["dim_products"] = "product_id",
    };

    /// <summary>Fact, outbox and simulator-state tables: deleted together with dimensions when forced (data-model §6).</summary>
    public static readonly IReadOnlyList<string> DependentOnDimensions = [];
}
