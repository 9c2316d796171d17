namespace RetailSynth.Engine.Calendar;

/// <summary>m_p(t): the monthly multiplier of a product's weight by its season profile (data-model §10.2), local date.</summary>
internal static class SeasonProfileMultipliers
{
    // Rows in the order of SeasonProfiles.All (NONE first); each row averages 1.
    private static readonly double[][] s_months =
    [
        [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        [0.10, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.15, 0.60, 3.30, 7.50],
        [0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.20, 0.80, 2.60, 4.00, 3.50, 0.30],
        [0.30, 0.30, 0.60, 1.00, 1.70, 2.00, 2.00, 1.60, 1.00, 0.60, 0.40, 0.50],
        [0.90, 0.70, 0.70, 0.70, 0.70, 0.80, 1.60, 2.80, 1.30, 0.60, 0.60, 0.60],
        [1.80, 1.50, 1.00, 0.60, 0.40, 0.30, 0.30, 0.50, 0.80, 1.20, 1.60, 2.00],
        [0.30, 0.50, 1.40, 2.20, 2.30, 1.60, 1.10, 0.80, 0.70, 0.50, 0.30, 0.30],
    ];

    public const int None = 0;
    public const int WinterHoliday = 1;

    public static int Count => s_months.Length;

    /// <summary>m for a profile index on a local date; WINTER_HOLIDAY drops to 0.10 from Dec 26 (the season is over).</summary>
    public static double For(int profile, DateOnly date) =>
        profile == WinterHoliday && date is { Month: 12, Day: >= 26 } ? 0.10 : s_months[profile][date.Month - 1];
}
