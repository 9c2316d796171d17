namespace RetailSynth.Engine.Simulation.Calendar;

/// <summary>Season, day-of-week and combined date multipliers (data-model §9.1, §15).</summary>
internal static class DayFactors
{
    // Mon…Sun of §9.1, indexed by System.DayOfWeek (Sunday = 0).
    private static readonly double[] s_dayOfWeek = [1.1, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4];

    /// <summary>Dec–Feb 1.4; Mar–May 1.0; Jun–Aug 0.9; Sep–Nov 1.2.</summary>
    public static double Season(DateOnly date) => date.Month switch
    {
        12 or 1 or 2 => 1.4,
        3 or 4 or 5 => 1.0,
        6 or 7 or 8 => 0.9,
        _ => 1.2,
    };

    public static double DayOfWeek(DateOnly date) => s_dayOfWeek[(int)date.DayOfWeek];

    /// <summary>Saturday or Sunday: selects the weekend hourly curve and conversion (§9.3).</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is System.DayOfWeek.Saturday or System.DayOfWeek.Sunday;

    /// <summary>m_D of §15: season × dow × holiday, unclamped.</summary>
    public static double Base(DateOnly date) => Season(date) * DayOfWeek(date) * Holidays.Factor(date);

    /// <summary>Online order volume factor of a UTC date (§15): clamp(m_D, 0.5, 2.5).</summary>
    public static double OnlineDay(DateOnly utcDate) => Math.Clamp(Base(utcDate), 0.5, 2.5);
}
