
namespace RetailSynth.Engine.Calendar;

/// <summary>Chain event draw and traffic factor per local date (data-model §9.1).</summary>
internal static class ChainEvents
{
    public const string Component = RandomComponents.CalendarEvents;

    /// <summary>
    /// "First hit wins" from the stream (calendar.events, local date): one Bernoulli per candidate,
    /// in the order FLASH_SALE 0.02, WEEKEND_SALE 0.10, CLEARANCE 0.05, SEASONAL_EVENT 0.03, stopping
    /// at the first hit. WEEKEND_SALE is a candidate on Fri–Sun only; on other days it is skipped
    /// without consuming a draw. No hit → NONE. A date whose holiday factor is not 1.0 has no event (the draw is still
    /// made and ignored): a holiday is its own peak, and an event on top of it could rival Black Friday.
    /// </summary>
    public static ChainEvent Draw(RandomHierarchy random, DateOnly localDate)
    {
        var drawn = DrawIgnoringHolidays(random, localDate);
        return Holidays.Factor(localDate) == 1.0 ? drawn : ChainEvent.NONE;
    }

    private static ChainEvent DrawIgnoringHolidays(RandomHierarchy random, DateOnly localDate)
    {
        var stream = random.Stream(Component, localDate);
        if (stream.Bernoulli(0.02))
        {
            return ChainEvent.FLASH_SALE;
        }

        if (IsWeekendSaleDay(localDate) && stream.Bernoulli(0.10))
        {
            return ChainEvent.WEEKEND_SALE;
        }

        if (stream.Bernoulli(0.05))
        {
            return ChainEvent.CLEARANCE;
        }

        return stream.Bernoulli(0.03) ? ChainEvent.SEASONAL_EVENT : ChainEvent.NONE;
    }

    public static double Factor(ChainEvent chainEvent) => chainEvent switch
    {
        ChainEvent.NONE => 1.0,
        ChainEvent.FLASH_SALE => 1.6,
        ChainEvent.WEEKEND_SALE => 1.25,
        ChainEvent.CLEARANCE => 1.15,
        ChainEvent.SEASONAL_EVENT => 1.2,
        _ => throw new ArgumentOutOfRangeException(nameof(chainEvent), chainEvent, "Unknown chain event."),
    };

    /// <summary>Friday, Saturday or Sunday: the days a WEEKEND_SALE can run.</summary>
    public static bool IsWeekendSaleDay(DateOnly localDate) =>
        localDate.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday;
}
