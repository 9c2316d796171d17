using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Foundation.Randomness;

namespace RetailSynth.Core.Tests.Engine.Simulation.Stores;

public class ReturnDatesTests
{
    private static List<DateOnly> Draws(DateOnly after, int? giftYear, int count = 20_000)
    {
        var stream = new RandomHierarchy(11).Stream("test.return-dates", after);
        return [.. Enumerable.Range(0, count).Select(_ => ReturnDates.Draw(stream, after, giftYear))];
    }

    [Fact]
    public void Gift_season_returns_come_on_Dec_26_four_times_in_ten_else_from_Dec_27_to_Jan_15()
    {
        var dates = Draws(new DateOnly(2024, 12, 10), 2024);
        Assert.All(dates, d => Assert.InRange(d, new DateOnly(2024, 12, 26), new DateOnly(2025, 1, 15)));
        Assert.InRange(dates.Count(d => d == new DateOnly(2024, 12, 26)) / (double)dates.Count, 0.38, 0.42);
        Assert.Contains(new DateOnly(2025, 1, 15), dates);
    }

    [Fact]
    public void A_gift_date_that_is_not_after_the_delivery_falls_back_to_the_normal_lag()
    {
        var delivered = new DateOnly(2025, 1, 14);
        var dates = Draws(delivered, 2024);
        Assert.All(dates, d => Assert.InRange(d, delivered.AddDays(1), delivered.AddDays(30)));
    }

    [Fact]
    public void The_normal_lag_is_1_to_3_days_four_times_in_ten_and_at_most_30_days()
    {
        var sale = new DateOnly(2024, 3, 5);
        var lags = Draws(sale, null).Select(d => d.DayNumber - sale.DayNumber).ToList();
        Assert.All(lags, lag => Assert.InRange(lag, 1, 30));
        Assert.InRange(lags.Count(l => l <= 3) / (double)lags.Count, 0.38, 0.42);
        Assert.InRange(lags.Count(l => l >= 15) / (double)lags.Count, 0.09, 0.11);
    }

    [Fact]
    public void A_return_never_falls_on_Christmas_Day_when_stores_are_closed()
    {
        var dates = Draws(new DateOnly(2023, 12, 22), null);
        Assert.DoesNotContain(new DateOnly(2023, 12, 25), dates);
        Assert.Contains(new DateOnly(2023, 12, 26), dates);
    }
}
