using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>The static tables of data-model §10.2 (baskets) and §10.3 (store promotions).</summary>
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

    /// <summary>Merch-group shares by trip type, groups in §3.4 order.</summary>
    private static readonly double[][] s_groupShares =
    [
        [0.40, 0.25, 0.10, 0.10, 0.03, 0.04, 0.03, 0.05],
        [0.55, 0.15, 0.12, 0.08, 0.01, 0.02, 0.03, 0.04],
        [0.40, 0.12, 0.15, 0.10, 0.05, 0.08, 0.06, 0.04],
        [0.35, 0.15, 0.20, 0.10, 0.05, 0.05, 0.06, 0.04],
    ];

    private static readonly double[] s_promoBaseRate = [0.30, 0.08, 0.10, 0.15];
    private static readonly double[] s_promoMonthFactor = [1.3, 1.2, 0.9, 1.0, 1.0, 1.1, 1.3, 1.4, 1.1, 1.0, 2.0, 1.6];
    private static readonly double[] s_promoGroupFactor = [0.6, 0.7, 0.8, 0.9, 1.2, 1.8, 1.1, 1.0];

    public static ReadOnlySpan<double> TripWeights(int segment) => s_tripWeights[segment];

    public static ReadOnlySpan<double> GroupShares(int trip) => s_groupShares[trip];

    /// <summary>ḡ: the mean of a group's four trip-type shares (inventory sizing, §12.1).</summary>
    public static double MeanGroupShare(int group) => s_groupShares.Average(row => row[group]);

    /// <summary>Price filter of a segment as a slice of the group's launched products sorted by price.</summary>
    public static PriceFilter FilterFor(int segment) => segment switch
    {
        0 => PriceFilter.Cheapest70,
        1 => PriceFilter.None,
        2 => PriceFilter.Dearest30,
        _ => PriceFilter.Dearest50,
    };

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

    /// <summary>Quantity wanted for a line before the stock bound: 1/2/3 at 0.7/0.2/0.1 for multi-unit groups, else 1.</summary>
    public static ReadOnlySpan<double> MultiUnitQuantityWeights => [0.7, 0.2, 0.1];
}

internal enum PriceFilter
{
    None,
    Cheapest70,
    Dearest30,
    Dearest50,
}
