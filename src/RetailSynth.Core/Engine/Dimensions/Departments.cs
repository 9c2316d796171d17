namespace RetailSynth.Engine.Dimensions;

/// <summary>The departments of data-model §5 in department order, with their SKU shares of §6.6.</summary>
internal static class Departments
{
    public const string Grocery = "Grocery";

    public static readonly IReadOnlyList<(string Name, double SkuShare)> All =
    [
        (Grocery, 0.55),
        ("Health & Beauty", 0.10),
        ("Home & Garden", 0.08),
        ("Clothing", 0.07),
        ("Electronics", 0.04),
        ("Pet Supplies", 0.04),
        ("Baby & Kids", 0.03),
        ("Seasonal", 0.03),
        ("Sports & Recreation", 0.025),
        ("Office Supplies", 0.02),
        ("Automotive", 0.015),
    ];

    /// <summary>Products per department by largest remainder (ties in department order), in department order.</summary>
    public static int[] Quotas(int products) => LargestRemainder.Distribute(products, All.Select(d => d.SkuShare).ToList());
}
