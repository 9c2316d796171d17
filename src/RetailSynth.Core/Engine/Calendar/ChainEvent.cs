namespace RetailSynth.Engine.Calendar;

/// <summary>Chain-wide event of a local date (data-model §9.1).</summary>
#pragma warning disable CA1707 // enumeration values are the UPPER_SNAKE_CASE strings stored and streamed
public enum ChainEvent
{
    NONE,
    FLASH_SALE,
    WEEKEND_SALE,
    CLEARANCE,
    SEASONAL_EVENT,
}
#pragma warning restore CA1707
