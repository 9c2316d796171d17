using RetailSynth.Engine.Simulation.Calendar;

namespace RetailSynth.Core.Tests.Engine.Simulation.Calendar;

public class DayFactorsTests
{
    private const int Precision = 12;

    [Theory]
    [InlineData(1, 1.4)]
    [InlineData(2, 1.4)]
    [InlineData(3, 1.0)]
    [InlineData(5, 1.0)]
    [InlineData(6, 0.9)]
    [InlineData(8, 0.9)]
    [InlineData(9, 1.2)]
    [InlineData(11, 1.2)]
    [InlineData(12, 1.4)]
    public void Season_follows_the_month(int month, double expected) =>
        Assert.Equal(expected, DayFactors.Season(new DateOnly(2024, month, 10)));

    [Theory]
    [InlineData("2024-03-11", 0.7)] // Monday
    [InlineData("2024-03-12", 0.8)]
    [InlineData("2024-03-13", 0.9)]
    [InlineData("2024-03-14", 1.0)]
    [InlineData("2024-03-15", 1.2)]
    [InlineData("2024-03-16", 1.4)]
    [InlineData("2024-03-17", 1.1)] // Sunday
    public void Day_of_week_factor_peaks_on_Saturday(string date, double expected) =>
        Assert.Equal(expected, DayFactors.DayOfWeek(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2024-03-15", false)]
    [InlineData("2024-03-16", true)]
    [InlineData("2024-03-17", true)]
    [InlineData("2024-03-18", false)]
    public void Weekend_is_Saturday_and_Sunday(string date, bool expected) =>
        Assert.Equal(expected, DayFactors.IsWeekend(DateOnly.Parse(date)));

    [Fact]
    public void Base_multiplies_season_day_of_week_and_holiday_without_clamping()
    {
        // Black Friday 2024: fall 1.2 × Friday 1.2 × 3.5.
        Assert.Equal(1.2 * 1.2 * 3.5, DayFactors.Base(new DateOnly(2024, 11, 29)), Precision);
        // Ordinary Tuesday in March: 1.0 × 0.8 × 1.0.
        Assert.Equal(0.8, DayFactors.Base(new DateOnly(2024, 3, 12)), Precision);
    }

    [Fact]
    public void Online_day_factor_is_clamped_to_half_and_two_and_a_half()
    {
        Assert.Equal(2.5, DayFactors.OnlineDay(new DateOnly(2024, 11, 29)));
        // New Year's Day 2024 is a Monday: 1.4 × 0.7 × 0.5 = 0.49.
        Assert.Equal(0.5, DayFactors.OnlineDay(new DateOnly(2024, 1, 1)));
        Assert.Equal(0.8, DayFactors.OnlineDay(new DateOnly(2024, 3, 12)), Precision);

        for (var day = new DateOnly(2024, 1, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            Assert.InRange(DayFactors.OnlineDay(day), 0.5, 2.5);
        }
    }
}
