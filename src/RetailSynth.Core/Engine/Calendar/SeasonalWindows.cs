namespace RetailSynth.Engine.Calendar;

/// <summary>
/// Date windows of the basket holiday overlay and line count (data-model §10.2), the marketing
/// multiplier (§14.1) and the gift season of returns (§11). Every window lies inside one calendar
/// year, so only the date's own year is consulted.
/// </summary>
internal static class SeasonalWindows
{
    /// <summary>Thanksgiving −10 … +1 days.</summary>
    public static bool ThanksgivingWindow(DateOnly d) => Within(d, Holidays.Thanksgiving(d.Year), -10, 1);

    /// <summary>Black Friday 0 … +3 days (through Cyber Monday).</summary>
    public static bool BlackFridayWindow(DateOnly d) => Within(d, Holidays.BlackFriday(d.Year), 0, 3);

    /// <summary>Christmas −14 … −1 days.</summary>
    public static bool ChristmasWindow(DateOnly d) => Within(d, new DateOnly(d.Year, 12, 25), -14, -1);

    /// <summary>±2 days of Memorial Day, Independence Day or Labor Day.</summary>
    public static bool GrillingWindow(DateOnly d) =>
        Within(d, Holidays.DateOf(Holiday.MEMORIAL_DAY, d.Year), -2, 2)
        || Within(d, Holidays.DateOf(Holiday.INDEPENDENCE_DAY, d.Year), -2, 2)
        || Within(d, Holidays.DateOf(Holiday.LABOR_DAY, d.Year), -2, 2);

    /// <summary>Basket line count multiplier: 1.2 from Thanksgiving −10 to +1 and on Dec 23–24.</summary>
    public static double LineCountFactor(DateOnly d) =>
        ThanksgivingWindow(d) || d is { Month: 12, Day: 23 or 24 } ? 1.2 : 1.0;

    /// <summary>Marketing multiplier m of §14.1; the first matching window wins.</summary>
    public static double MarketingMultiplier(DateOnly d)
    {
        if (Within(d, Holidays.BlackFriday(d.Year), -1, 3))
        {
            return 2.5; // Thanksgiving … Cyber Monday
        }

        if (ThanksgivingWindow(d))
        {
            return 1.7;
        }

        if (d is { Month: 12, Day: >= 11 and <= 25 })
        {
            return 1.5;
        }

        return GrillingWindow(d) ? 1.5 : 1.0;
    }

    /// <summary>Black Friday … Dec 24 inclusive: sales then are returned more often, after Christmas (§11).</summary>
    public static bool GiftSeason(DateOnly d) =>
        d >= Holidays.BlackFriday(d.Year) && d <= new DateOnly(d.Year, 12, 24);

    private static bool Within(DateOnly d, DateOnly anchor, int fromDays, int toDays)
    {
        var offset = d.DayNumber - anchor.DayNumber;
        return offset >= fromDays && offset <= toDays;
    }
}
