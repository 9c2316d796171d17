namespace RetailSynth.Engine.Calendar;

/// <summary>
/// Holiday dates and the holiday day factor (data-model §9.2). Dates are computed from rules for
/// any year, never listed (P10).
/// </summary>
internal static class Holidays
{
    // Peak m and window ±w of §9.2, indexed by Holiday. Black Friday 3.0 with a ±1-day window keeps it the year's top
    // expected day: the next (Boxing Day on a Saturday, 2.91) is ≈ 25 % lower (realism R10).
    private static readonly (double Peak, int Window)[] s_rules =
    [
        (0.5, 0),  // NEW_YEARS_DAY
        (1.4, 3),  // VALENTINES_DAY
        (1.6, 0),  // MOTHERS_DAY
        (1.2, 0),  // MEMORIAL_DAY
        (1.3, 0),  // FATHERS_DAY
        (1.2, 0),  // INDEPENDENCE_DAY
        (1.2, 14), // BACK_TO_SCHOOL
        (1.1, 0),  // LABOR_DAY
        (1.2, 7),  // HALLOWEEN
        (1.3, 0),  // VETERANS_DAY
        (0.8, 0),  // THANKSGIVING
        (3.0, 1),  // BLACK_FRIDAY
        (2.0, 7),  // CHRISTMAS
        (2.0, 0),  // BOXING_DAY
    ];

    private static readonly Holiday[] s_all = Enum.GetValues<Holiday>();

    public static IReadOnlyList<Holiday> All => s_all;

    /// <summary>Peak multiplier m of the holiday.</summary>
    public static double Peak(Holiday holiday) => s_rules[(int)holiday].Peak;

    /// <summary>Half-width w of the holiday's window, in days.</summary>
    public static int WindowDays(Holiday holiday) => s_rules[(int)holiday].Window;

    public static DateOnly DateOf(Holiday holiday, int year) => holiday switch
    {
        Holiday.NEW_YEARS_DAY => new DateOnly(year, 1, 1),
        Holiday.VALENTINES_DAY => new DateOnly(year, 2, 14),
        Holiday.MOTHERS_DAY => NthWeekday(year, 5, DayOfWeek.Sunday, 2),
        Holiday.MEMORIAL_DAY => LastWeekday(year, 5, DayOfWeek.Monday),
        Holiday.FATHERS_DAY => NthWeekday(year, 6, DayOfWeek.Sunday, 3),
        Holiday.INDEPENDENCE_DAY => new DateOnly(year, 7, 4),
        Holiday.BACK_TO_SCHOOL => new DateOnly(year, 8, 15),
        Holiday.LABOR_DAY => NthWeekday(year, 9, DayOfWeek.Monday, 1),
        Holiday.HALLOWEEN => new DateOnly(year, 10, 31),
        Holiday.VETERANS_DAY => new DateOnly(year, 11, 11),
        Holiday.THANKSGIVING => Thanksgiving(year),
        Holiday.BLACK_FRIDAY => BlackFriday(year),
        Holiday.CHRISTMAS => new DateOnly(year, 12, 25),
        Holiday.BOXING_DAY => new DateOnly(year, 12, 26),
        _ => throw new ArgumentOutOfRangeException(nameof(holiday), holiday, "Unknown holiday."),
    };

    /// <summary>Fourth Thursday of November.</summary>
    public static DateOnly Thanksgiving(int year) => NthWeekday(year, 11, DayOfWeek.Thursday, 4);

    public static DateOnly BlackFriday(int year) => Thanksgiving(year).AddDays(1);

    /// <summary>
    /// Holiday factor of a date: a holiday with m &lt; 1 on the date itself wins (stores are quiet on
    /// Thanksgiving even inside Black Friday's window); otherwise the largest applicable factor, 1.0 if none.
    /// </summary>
    public static double Factor(DateOnly date)
    {
        var best = 1.0;
        // Windows cross year boundaries, so neighbouring years' holidays can reach this date.
        for (var year = date.Year - 1; year <= date.Year + 1; year++)
        {
            if (year < DateOnly.MinValue.Year || year > DateOnly.MaxValue.Year)
            {
                continue;
            }

            foreach (var holiday in s_all)
            {
                var (peak, window) = s_rules[(int)holiday];
                var distance = Math.Abs(date.DayNumber - DateOf(holiday, year).DayNumber);
                if (distance > window)
                {
                    continue;
                }

                if (peak < 1.0 && distance == 0)
                {
                    return peak;
                }

                var factor = 1.0 + ((peak - 1.0) * Math.Max(0.3, 1.0 - ((double)distance / (window + 1))));
                best = Math.Max(best, factor);
            }
        }

        return best;
    }

    /// <summary>Every store is closed on Christmas Day, local date.</summary>
    public static bool StoresClosed(DateOnly localDate) => localDate is { Month: 12, Day: 25 };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-offset);
    }
}
