using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>The static tables of data-model §10.2 (trip types, price tilt, line counts), §10.3 (store promotions) and §10.4.</summary>
internal static class BasketRules
{
    public const int QuickTrip = 0;
    public const int GroceryRun = 1;
    public const int FamilyShop = 2;
    public const int BulkShop = 3;

    /// <summary>Trip-type weights by shopper segment (BUDGET_CONSCIOUS, CONVENIENCE_FOCUSED, QUALITY_SEEKER, BRAND_LOYAL).</summary>
    private static readonly double[][] s_tripWeights =
    [
        [0.20, 0.40, 0.30, 0.10],
        [0.50, 0.30, 0.15, 0.05],
        [0.30, 0.35, 0.25, 0.10],
        [0.25, 0.40, 0.25, 0.10],
    ];

    /// <summary>Online trip-type weights (§15): QUICK_TRIP, GROCERY_RUN, FAMILY_SHOP, whatever the segment; no BULK_SHOP.</summary>
    private static readonly double[] s_onlineTripWeights = [0.45, 0.40, 0.15];

    // τ by shopper segment (§10.2): price-seeking segments tilt toward cheap or dear items.
    private static readonly double[] s_priceTilt = [-0.4, 0, 0.4, 0.2];

    private static readonly double[] s_promoBaseRate = [0.30, 0.08, 0.10, 0.15];
    private static readonly double[] s_promoMonthFactor = [1.3, 1.2, 0.9, 1.0, 1.0, 1.1, 1.3, 1.4, 1.1, 1.0, 2.0, 1.6];
    private static readonly double[] s_promoGroupFactor = [0.6, 0.7, 0.8, 0.9, 1.2, 1.8, 1.1, 1.0];

    public static ReadOnlySpan<double> TripWeights(int segment) => s_tripWeights[segment];

    public static ReadOnlySpan<double> OnlineTripWeights => s_onlineTripWeights;

    /// <summary>τ: the segment's price tilt of product weights (§10.2).</summary>
    public static double PriceTilt(int segment) => s_priceTilt[segment];

    public static (int Min, int Max) LineCount(int trip) => trip switch
    {
        QuickTrip => (1, 3),
        GroceryRun => (5, 15),
        FamilyShop => (10, 30),
        _ => (20, 50),
    };

    public static double FormatLineFactor(string format) => format switch
    {
        StoreFormats.Hypermarket => 1.3,
        StoreFormats.Superstore => 1.1,
        StoreFormats.Neighborhood => 0.8,
        _ => 1.0,
    };

    /// <summary>Share of visitors using the main entrance (§10.4).</summary>
    public static double MainEntranceShare(string format) => format switch
    {
        StoreFormats.Hypermarket => 0.60,
        StoreFormats.Superstore => 0.65,
        StoreFormats.Standard => 0.67,
        StoreFormats.Neighborhood => 0.75,
        _ => 1.0,
    };

    public static double PingFormatFactor(string format) => format switch
    {
        StoreFormats.Hypermarket => 1.6,
        StoreFormats.Superstore => 1.3,
        StoreFormats.Standard => 1.0,
        StoreFormats.Neighborhood => 0.85,
        _ => 0.65,
    };

    public static double PromoProbability(int segment, int month, IEnumerable<int> lineGroups)
    {
        var groups = lineGroups.ToList();
        var meanGroup = groups.Count == 0 ? 1.0 : groups.Average(g => s_promoGroupFactor[g]);
        return Math.Min(0.60, s_promoBaseRate[segment] * s_promoMonthFactor[month - 1] * meanGroup);
    }
}
