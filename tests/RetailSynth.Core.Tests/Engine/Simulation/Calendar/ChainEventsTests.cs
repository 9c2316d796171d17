using RetailSynth.Engine.Simulation.Calendar;
using RetailSynth.Foundation.Randomness;

namespace RetailSynth.Core.Tests.Engine.Simulation.Calendar;

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
            if (ChainEvents.IsWeekendSaleDay(date))
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
            var counts = ChainEvents.IsWeekendSaleDay(date) ? weekend : weekday;
            counts[(int)ChainEvents.Draw(random, date)]++;
        }

        var weekdays = (double)weekday.Sum();
        var weekends = (double)weekend.Sum();
        AssertNear(0.02, (weekday[(int)ChainEvent.FLASH_SALE] + weekend[(int)ChainEvent.FLASH_SALE]) / (double)Dates, 0.005);
        AssertNear(0.98 * 0.10, weekend[(int)ChainEvent.WEEKEND_SALE] / weekends, 0.015);
        AssertNear(0.98 * 0.05, weekday[(int)ChainEvent.CLEARANCE] / weekdays, 0.01);
        AssertNear(0.98 * 0.90 * 0.05, weekend[(int)ChainEvent.CLEARANCE] / weekends, 0.01);
        AssertNear(0.98 * 0.95 * 0.03, weekday[(int)ChainEvent.SEASONAL_EVENT] / weekdays, 0.008);
        AssertNear(0.98 * 0.90 * 0.95 * 0.03, weekend[(int)ChainEvent.SEASONAL_EVENT] / weekends, 0.008);
    }

    [Theory]
    [InlineData(ChainEvent.NONE, 1.0)]
    [InlineData(ChainEvent.FLASH_SALE, 2.0)]
    [InlineData(ChainEvent.WEEKEND_SALE, 1.5)]
    [InlineData(ChainEvent.CLEARANCE, 1.3)]
    [InlineData(ChainEvent.SEASONAL_EVENT, 1.4)]
    public void Event_factors_follow_the_table(ChainEvent chainEvent, double expected) =>
        Assert.Equal(expected, ChainEvents.Factor(chainEvent));

    private static void AssertNear(double expected, double actual, double tolerance) =>
        Assert.InRange(actual, expected - tolerance, expected + tolerance);
}
