namespace RetailSynth.Engine.Calendar;

/// <summary>Season, day-of-week and combined date multipliers (data-model §9.1, §15).</summary>
internal static class DayFactors
{
    // Mon…Sun of §9.1, indexed by System.DayOfWeek (Sunday = 0).
    private static readonly double[] s_dayOfWeek = [1.1, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4];

    // Jan…Dec of §9.1. They average 1.0 (Σ = 12.03), so CustomersPerStoreDay is the year's mean volume; the
    // holidays, not the months, carry November and December (realism R3).
    private static readonly double[] s_season = [0.98, 0.96, 1.00, 1.01, 1.02, 1.01, 1.02, 1.00, 0.98, 1.00, 1.01, 1.04];

    /// <summary>Online volume on Christmas Day is at most the baseline: stores are closed and online does not peak (§15).</summary>
    public const double MaxOnlineChristmasDay = 1.0;

    /// <summary>The month's season factor (§9.1).</summary>
    public static double Season(DateOnly date) => s_season[date.Month - 1];

    public static double DayOfWeek(DateOnly date) => s_dayOfWeek[(int)date.DayOfWeek];

    /// <summary>Saturday or Sunday: selects the weekend hourly curve and conversion (§9.3).</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is System.DayOfWeek.Saturday or System.DayOfWeek.Sunday;

    /// <summary>m_D of §15: season × dow × holiday, unclamped.</summary>
    public static double Base(DateOnly date) => Season(date) * DayOfWeek(date) * Holidays.Factor(date);

    /// <summary>
    /// Expected day factor F̂ of a store's local date (§9.1): season × dow × holiday, and 0 when every store is closed
    /// (Dec 25). Weather and chain events average ≈ 1 and are not known in advance, so planning (§12) uses this.
    /// </summary>
    public static double Expected(DateOnly localDate) => Holidays.StoresClosed(localDate) ? 0.0 : Base(localDate);

    /// <summary>Online order volume factor g of a UTC date (§15): clamp(m_D, 0.5, 2.5), at most 1.0 on Dec 25.</summary>
    public static double OnlineDay(DateOnly utcDate)
    {
        var factor = Math.Clamp(Base(utcDate), 0.5, 2.5);
        return Holidays.StoresClosed(utcDate) ? Math.Min(MaxOnlineChristmasDay, factor) : factor;
    }
}
