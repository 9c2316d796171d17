using System.Collections.Concurrent;

namespace RetailSynth.Engine.Calendar;

/// <summary>
/// Day factor F of a store's local date (data-model §9.1), cached per (geography, local date) so a
/// store day costs one lookup. Thread-safe: stores run in parallel, and since F is a pure function of
/// (seed, geography, date) a racing duplicate computation yields the same value.
/// </summary>
internal sealed class StoreDayCalendar(RandomHierarchy random)
{
    public const double MinFactor = 0.2;
    public const double MaxFactor = 5.0;
    public const double MaxWeatherTimesEvent = 3.0;

    private readonly RandomHierarchy _random = random;
    private readonly ConcurrentDictionary<(long GeographyId, DateOnly LocalDate), double> _dayFactors = new();

    /// <summary>F = clamp(season × dow × holiday × min(3.0, weather × event), 0.2, 5.0).</summary>
    public double DayFactor(long geographyId, DateOnly localDate) =>
        _dayFactors.GetOrAdd((geographyId, localDate), static (key, random) => Compute(random, key.GeographyId, key.LocalDate), _random);

    /// <summary>Drops cached dates before <paramref name="localDate"/>, bounding memory on long runs.</summary>
    public void ForgetBefore(DateOnly localDate)
    {
        foreach (var key in _dayFactors.Keys)
        {
            if (key.LocalDate < localDate)
            {
                _dayFactors.TryRemove(key, out _);
            }
        }
    }

    private static double Compute(RandomHierarchy random, long geographyId, DateOnly localDate)
    {
        var weather = WeatherModel.Factor(WeatherModel.Draw(random, geographyId, localDate));
        var chainEvent = ChainEvents.Factor(ChainEvents.Draw(random, localDate));
        var factor = DayFactors.Base(localDate) * Math.Min(MaxWeatherTimesEvent, weather * chainEvent);
        return Math.Clamp(factor, MinFactor, MaxFactor);
    }
}
