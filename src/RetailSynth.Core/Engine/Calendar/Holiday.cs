namespace RetailSynth.Engine.Calendar;

/// <summary>The holidays of data-model §9.2; dates come from <see cref="Holidays.DateOf"/>.</summary>
#pragma warning disable CA1707 // enumeration values are the UPPER_SNAKE_CASE strings stored and streamed
public enum Holiday
{
    NEW_YEARS_DAY,
    VALENTINES_DAY,
    MOTHERS_DAY,
    MEMORIAL_DAY,
    FATHERS_DAY,
    INDEPENDENCE_DAY,
    BACK_TO_SCHOOL,
    LABOR_DAY,
    HALLOWEEN,
    VETERANS_DAY,
    THANKSGIVING,
    BLACK_FRIDAY,
    CHRISTMAS,
    BOXING_DAY,
}
#pragma warning restore CA1707
