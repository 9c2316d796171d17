using RetailSynth.Engine.Calendar;
using RetailSynth.Foundation.Randomness;

namespace RetailSynth.Core.Tests.Engine.Calendar;

public class ChainEventsTests
{
    private const int Dates = 20_000;
    private static readonly DateOnly s_start = new(2000, 1, 1);

    [Fact]
    public void Same_seed_and_date_give_the_same_event()
    {
        var a = new RandomHierarchy(5);
        var b = new RandomHierarchy(5);
        for (var i = 0; i < 1000; i++)
        {
            var date = s_start.AddDays(i);
            Assert.Equal(ChainEvents.Draw(a, date), ChainEvents.Draw(b, date));
        }
    }

    [Fact]
    public void Weekend_sale_never_runs_Monday_to_Thursday()
    {
        var random = new RandomHierarchy(11);
        var weekendSales = 0;
        for (var i = 0; i < Dates; i++)
        {
            var date = s_start.AddDays(i);
            if (ChainEvents.Draw(random, date) == ChainEvent.WEEKEND_SALE)
            {
                weekendSales++;
                Assert.Contains(date.DayOfWeek, new[] { DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday });
            }
        }

        Assert.True(weekendSales > 0);
    }

    [Fact]
    public void A_Monday_to_Thursday_draw_skips_the_weekend_sale_without_consuming_a_number()
    {
        var random = new RandomHierarchy(3);
        for (var i = 0; i < 2000; i++)
        {
            var date = s_start.AddDays(i);
            if (ChainEvents.IsWeekendSaleDay(date) || Holidays.Factor(date) != 1.0)
            {
                continue;
            }

            var stream = random.Stream("calendar.events", date);
            var expected = stream.Bernoulli(0.02) ? ChainEvent.FLASH_SALE
                : stream.Bernoulli(0.05) ? ChainEvent.CLEARANCE
                : stream.Bernoulli(0.03) ? ChainEvent.SEASONAL_EVENT
                : ChainEvent.NONE;
            Assert.Equal(expected, ChainEvents.Draw(random, date));
        }
    }

    [Fact]
    public void Event_frequencies_over_many_dates_match_first_hit_wins_probabilities()
    {
        var random = new RandomHierarchy(2024);
        var weekday = new int[5];
        var weekend = new int[5];
        for (var i = 0; i < Dates; i++)
        {
            var date = s_start.AddDays(i);
            if (Holidays.Factor(date) != 1.0)
            {
                continue; // no event on a holiday date (see below)
            }

            var counts = ChainEvents.IsWeekendSaleDay(date) ? weekend : weekday;
            counts[(int)ChainEvents.Draw(random, date)]++;
        }

        var weekdays = (double)weekday.Sum();
        var weekends = (double)weekend.Sum();
        AssertNear(0.02, (weekday[(int)ChainEvent.FLASH_SALE] + weekend[(int)ChainEvent.FLASH_SALE]) / (weekdays + weekends), 0.005);
        AssertNear(0.98 * 0.10, weekend[(int)ChainEvent.WEEKEND_SALE] / weekends, 0.015);
        AssertNear(0.98 * 0.05, weekday[(int)ChainEvent.CLEARANCE] / weekdays, 0.01);
        AssertNear(0.98 * 0.90 * 0.05, weekend[(int)ChainEvent.CLEARANCE] / weekends, 0.01);
        AssertNear(0.98 * 0.95 * 0.03, weekday[(int)ChainEvent.SEASONAL_EVENT] / weekdays, 0.008);
        AssertNear(0.98 * 0.90 * 0.95 * 0.03, weekend[(int)ChainEvent.SEASONAL_EVENT] / weekends, 0.008);
    }

    [Fact]
    public void No_chain_event_falls_on_a_holiday_date_though_its_draw_would_have_hit()
    {
        var random = new RandomHierarchy(2024);
        var holidayDates = 0;
        var suppressed = 0;
        for (var date = new DateOnly(2024, 1, 1); date <= new DateOnly(2040, 12, 31); date = date.AddDays(1))
        {
            if (Holidays.Factor(date) == 1.0)
            {
                continue;
            }

            holidayDates++;
            Assert.Equal(ChainEvent.NONE, ChainEvents.Draw(random, date));
            if (UnsuppressedDraw(random, date) != ChainEvent.NONE)
            {
                suppressed++;
            }
        }

        // Not vacuous: windows make ≈ 75 holiday dates a year, and ≈ 17 % of their draws hit an event.
        Assert.True(holidayDates > 17 * 70, $"only {holidayDates} holiday dates");
        Assert.True(suppressed > 100, $"only {suppressed} holiday draws hit an event");
    }

    [Fact]
    public void Black_Friday_Christmas_Eve_and_Boxing_Day_never_carry_an_event_in_any_seed()
    {
        for (var seed = 0L; seed < 200; seed++)
        {
            var random = new RandomHierarchy(seed);
            foreach (var date in new[] { Holidays.BlackFriday(2026), new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 26) })
            {
                Assert.Equal(ChainEvent.NONE, ChainEvents.Draw(random, date));
            }
        }
    }

    [Fact]
    public void Every_other_date_keeps_the_event_its_own_draw_gives()
    {
        var random = new RandomHierarchy(99);
        var events = 0;
        for (var date = new DateOnly(2024, 1, 1); date <= new DateOnly(2027, 12, 31); date = date.AddDays(1))
        {
            if (Holidays.Factor(date) != 1.0)
            {
                continue;
            }

            var drawn = ChainEvents.Draw(random, date);
            Assert.Equal(UnsuppressedDraw(random, date), drawn);
            events += drawn == ChainEvent.NONE ? 0 : 1;
        }

        Assert.True(events > 100);
    }

    [Theory]
    [InlineData(ChainEvent.NONE, 1.0)]
    [InlineData(ChainEvent.FLASH_SALE, 1.6)]
    [InlineData(ChainEvent.WEEKEND_SALE, 1.25)]
    [InlineData(ChainEvent.CLEARANCE, 1.15)]
    [InlineData(ChainEvent.SEASONAL_EVENT, 1.2)]
    public void Event_factors_follow_the_table(ChainEvent chainEvent, double expected) =>
        Assert.Equal(expected, ChainEvents.Factor(chainEvent));

    /// <summary>§9.1's first-hit-wins draw, restated without the holiday rule.</summary>
    private static ChainEvent UnsuppressedDraw(RandomHierarchy random, DateOnly date)
    {
        var stream = random.Stream("calendar.events", date);
        return stream.Bernoulli(0.02) ? ChainEvent.FLASH_SALE
            : ChainEvents.IsWeekendSaleDay(date) && stream.Bernoulli(0.10) ? ChainEvent.WEEKEND_SALE
            : stream.Bernoulli(0.05) ? ChainEvent.CLEARANCE
            : stream.Bernoulli(0.03) ? ChainEvent.SEASONAL_EVENT
            : ChainEvent.NONE;
    }

    private static void AssertNear(double expected, double actual, double tolerance) =>
        Assert.InRange(actual, expected - tolerance, expected + tolerance);
}
