namespace RetailSynth.Engine.Simulation.Calendar;

/// <summary>Hourly traffic and conversion curves of data-model §9.3, by local hour.</summary>
internal static class HourlyCurve
{
    public const double WeekdayReferenceSum = 12.10;
    public const double WeekendReferenceSum = 12.45;

    private static readonly double[] s_weekday =
    [
        0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.15, 0.25, 0.30, 0.40, 0.50, 0.90,
        1.20, 1.00, 0.70, 0.70, 0.70, 1.30, 1.50, 1.30, 0.90, 0.70, 0.40, 0.20,
    ];

    private static readonly double[] s_weekend =
    [
        0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.10, 0.15, 0.25, 0.40, 0.60, 0.80,
        1.10, 1.30, 1.30, 1.20, 1.10, 1.10, 1.00, 0.90, 0.80, 0.60, 0.35, 0.20,
    ];

    private static readonly double[] s_conversion =
    [
        0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.7, 0.7, 1.0, 1.0,
        1.3, 1.3, 1.0, 1.0, 1.0, 1.3, 1.3, 1.3, 0.7, 0.7, 0.5, 0.5,
    ];

    public static double Traffic(int localHour, bool weekend) => (weekend ? s_weekend : s_weekday)[CheckHour(localHour)];

    public static double Conversion(int localHour) => s_conversion[CheckHour(localHour)];

    /// <summary>Sum of the curve over hours 08–21: λ divides by it so an 08–22 store gets its nominal volume.</summary>
    public static double ReferenceSum(bool weekend) => weekend ? WeekendReferenceSum : WeekdayReferenceSum;

    /// <summary>c = min(0.9, 0.20 × conversion factor × (0.9 on weekends)).</summary>
    public static double ConversionRate(int localHour, bool weekend) =>
        Math.Min(0.9, 0.20 * Conversion(localHour) * (weekend ? 0.9 : 1.0));

    private static int CheckHour(int localHour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(localHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localHour, 23);
        return localHour;
    }
}
