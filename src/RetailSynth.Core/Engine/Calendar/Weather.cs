namespace RetailSynth.Engine.Calendar;

/// <summary>Weather of a geography on a local date (data-model §9.1).</summary>
#pragma warning disable CA1707 // enumeration values are the UPPER_SNAKE_CASE strings stored and streamed
public enum Weather
{
    SUNNY,
    CLOUDY,
    RAINY,
    SNOWY,
    STORMY,
}
#pragma warning restore CA1707
