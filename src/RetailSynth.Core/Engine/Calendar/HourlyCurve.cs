namespace RetailSynth.Engine.Calendar;

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

    /// <summary>
    /// c = min(0.95, c_format × (1 + 0.25 × (conversion factor − 1)) × (0.95 on weekends)) (§9.3): most visitors of a
    /// grocery store come to buy, a little fewer in quiet hours and in weekend crowds (realism R8).
    /// </summary>
    public static double ConversionRate(string storeFormat, int localHour, bool weekend) =>
        Math.Min(0.95, FormatConversion(storeFormat) * (1 + (0.25 * (Conversion(localHour) - 1))) * (weekend ? 0.95 : 1.0));

    /// <summary>c_format of §9.3: the share of a format's visitors who buy at conversion factor 1 on a weekday.</summary>
    public static double FormatConversion(string storeFormat) => storeFormat switch
    {
        StoreFormats.Hypermarket => 0.80,
        StoreFormats.Superstore => 0.78,
        StoreFormats.Standard => 0.76,
        StoreFormats.Neighborhood => 0.72,
        StoreFormats.Express => 0.62,
        _ => throw new ArgumentOutOfRangeException(nameof(storeFormat), storeFormat, "Unknown store format."),
    };

    /// <summary>
    /// Hours factor H_s of a store open [openMinute, closeMinute) local (§9.3): Σ over its open local hours of the weekday
    /// curve, each weighted by its open minutes / 60, ÷ 12.10 — the share of an 08–22 store's volume it sells (≈ 1.08
    /// EXTENDED, 1.10 H24, 0.92 LIMITED). Planning (§12) multiplies expected demand by it.
    /// </summary>
    public static double HoursFactor(int openMinute, int closeMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(openMinute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(closeMinute, 24 * 60);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(openMinute, closeMinute);
        var sum = 0.0;
        for (var hour = 0; hour < 24; hour++)
        {
            var openMinutes = Math.Min(closeMinute, (hour + 1) * 60) - Math.Max(openMinute, hour * 60);
            if (openMinutes > 0)
            {
                sum += s_weekday[hour] * openMinutes / 60.0;
            }
        }

        return sum / WeekdayReferenceSum;
    }

    private static int CheckHour(int localHour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(localHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localHour, 23);
        return localHour;
    }
}
