using RetailSynth.Engine.Calendar;
using RetailSynth.Foundation.Randomness;

namespace RetailSynth.Core.Tests.Engine.Calendar;

public class StoreDayCalendarTests
{
    private static readonly DateOnly s_start = new(2024, 1, 1);

    [Fact]
    public void Day_factor_multiplies_every_component_and_caps_weather_times_event()
    {
        var random = new RandomHierarchy(42);
        var calendar = new StoreDayCalendar(random);
        for (var i = 0; i < 366; i++)
        {
            var date = s_start.AddDays(i);
            const long Geography = 17;
            var weatherTimesEvent = WeatherModel.Factor(WeatherModel.Draw(random, Geography, date))
                * ChainEvents.Factor(ChainEvents.Draw(random, date));
            var expected = Math.Clamp(
                DayFactors.Season(date) * DayFactors.DayOfWeek(date) * Holidays.Factor(date) * Math.Min(3.0, weatherTimesEvent),
                0.2,
                5.0);
            Assert.Equal(expected, calendar.DayFactor(Geography, date));
        }
    }

    [Fact]
    public void Day_factor_stays_within_its_clamp_and_peaks_on_a_sunny_Black_Friday()
    {
        var calendar = new StoreDayCalendar(new RandomHierarchy(8));
        var max = 0.0;
        var maxDate = DateOnly.MinValue;
        for (var i = 0; i < 731; i++)
        {
            for (var geography = 1L; geography <= 40; geography++)
            {
                var date = s_start.AddDays(i);
                var factor = calendar.DayFactor(geography, date);
                Assert.InRange(factor, 0.2, 5.0);
                if (factor > max)
                {
                    (max, maxDate) = (factor, date);
                }
            }
        }

        // Black Friday has no chain event (a holiday date), so its best is 1.01 × 1.2 × 3.0 × SUNNY 1.1 = 4.0; the next
        // candidates (a sunny Saturday Boxing Day 3.2, a FLASH_SALE Saturday 2.6) stay below it.
        Assert.Contains(maxDate, new[] { Holidays.BlackFriday(2024), Holidays.BlackFriday(2025) });
        Assert.Equal(1.01 * 1.2 * 3.0 * 1.1, max, 12);
    }

    [Fact]
    public void Calendars_with_the_same_seed_agree_and_parallel_lookups_match_sequential_ones()
    {
        var sequential = new StoreDayCalendar(new RandomHierarchy(77));
        var parallel = new StoreDayCalendar(new RandomHierarchy(77));
        var keys = (from geography in Enumerable.Range(1, 30)
                    from day in Enumerable.Range(0, 120)
                    select (Geography: (long)geography, Date: s_start.AddDays(day))).ToArray();

        var expected = keys.Select(k => sequential.DayFactor(k.Geography, k.Date)).ToArray();
        var actual = new double[keys.Length];
        Parallel.For(0, keys.Length * 4, i =>
        {
            var index = i % keys.Length;
            actual[index] = parallel.DayFactor(keys[index].Geography, keys[index].Date);
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Forgotten_dates_are_recomputed_identically()
    {
        var calendar = new StoreDayCalendar(new RandomHierarchy(3));
        var date = new DateOnly(2024, 6, 1);
        var before = calendar.DayFactor(5, date);
        calendar.ForgetBefore(date.AddDays(1));
        Assert.Equal(before, calendar.DayFactor(5, date));
    }
}
