using System.Globalization;

namespace RetailSynth.Engine.Calendar;

/// <summary>Weather draw and traffic factor per geography × local date (data-model §9.1).</summary>
internal static class WeatherModel
{
    public const string Component = "calendar.weather";

    // Probabilities in Weather order (SUNNY, CLOUDY, RAINY, SNOWY, STORMY) per season.
    private static readonly double[] s_winter = [0.30, 0.35, 0.10, 0.20, 0.05];
    private static readonly double[] s_spring = [0.40, 0.30, 0.25, 0.00, 0.05];
    private static readonly double[] s_summer = [0.55, 0.25, 0.12, 0.00, 0.08];
    private static readonly double[] s_fall = [0.40, 0.35, 0.20, 0.02, 0.03];

    /// <summary>One categorical draw from the stream (calendar.weather, local date, geography_id).</summary>
    public static Weather Draw(RandomHierarchy random, long geographyId, DateOnly localDate)
    {
        var stream = random.Stream(Component, localDate, geographyId.ToString(CultureInfo.InvariantCulture));
        return (Weather)stream.Categorical(Probabilities(localDate));
    }

    public static double Factor(Weather weather) => weather switch
    {
        Weather.SUNNY => 1.1,
        Weather.CLOUDY => 1.0,
        Weather.RAINY => 0.7,
        Weather.SNOWY => 0.6,
        Weather.STORMY => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(weather), weather, "Unknown weather."),
    };

    /// <summary>The season's probabilities in <see cref="Weather"/> order.</summary>
    public static ReadOnlySpan<double> Probabilities(DateOnly localDate) => localDate.Month switch
    {
        12 or 1 or 2 => s_winter,
        3 or 4 or 5 => s_spring,
        6 or 7 or 8 => s_summer,
        _ => s_fall,
    };
}
