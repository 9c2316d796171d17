using RetailSynth.Engine.Calendar;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// Department line shares by trip type (data-model §10.2), in the order of that table, which is the order of the
/// per-line department draw, and the Black Friday department overlay o_d.
/// </summary>
internal static class DepartmentShares
{
    public static readonly IReadOnlyList<string> Names =
    [
        "Grocery", "Health & Beauty", "Pet Supplies", "Home & Garden", "Clothing", "Baby & Kids", "Seasonal",
        "Office Supplies", "Electronics", "Automotive", "Sports & Recreation",
    ];

    public static int Count => Names.Count;

    // [trip][department] in percent: QUICK_TRIP, GROCERY_RUN, FAMILY_SHOP, BULK_SHOP.
    private static readonly double[][] s_shares =
    [
        [80, 8, 2.5, 1.5, 1.5, 1.5, 1, 1.5, 1, 1, 0.5],
        [82, 7, 3, 2, 1.2, 1.5, 1, 0.8, 0.6, 0.5, 0.4],
        [70, 9, 3.5, 4, 3.5, 2.5, 2.5, 2, 1.5, 0.8, 0.7],
        [75, 8, 3.5, 3, 2, 2, 1.8, 1.2, 1.2, 1.5, 0.8],
    ];

    // s̄ of §10.2: the shares averaged by expected lines per trip type under the population segment mix (planning, §12.1).
    private static readonly double[] s_planningShares = [75.36, 8.10, 3.30, 3.02, 2.33, 2.02, 1.80, 1.41, 1.13, 0.90, 0.63];

    // o_d on Black Friday 0…+3 days.
    private static readonly double[] s_blackFridayOverlay = [1, 1, 1, 1.8, 2, 2, 1.5, 1, 3, 1, 1];

    public static int IndexOf(string department)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == department)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(department), department, "Unknown department.");
    }

    public static double Share(int trip, int department) => s_shares[trip][department];

    public static double PlanningShare(int department) => s_planningShares[department];

    /// <summary>o_d(t): the department's Black Friday overlay on BF…BF+3, else 1.</summary>
    public static double Overlay(int department, DateOnly date) =>
        SeasonalWindows.BlackFridayWindow(date) ? s_blackFridayOverlay[department] : 1.0;
}
