using RetailSynth.Engine.Calendar;

namespace RetailSynth.Core.Tests.Engine.Calendar;

public class DayFactorsTests
{
    private const int Precision = 12;

    [Theory]
    [InlineData(1, 0.98)]
    [InlineData(2, 0.96)]
    [InlineData(3, 1.00)]
    [InlineData(4, 1.01)]
    [InlineData(5, 1.02)]
    [InlineData(6, 1.01)]
    [InlineData(7, 1.02)]
    [InlineData(8, 1.00)]
    [InlineData(9, 0.98)]
    [InlineData(10, 1.00)]
    [InlineData(11, 1.01)]
    [InlineData(12, 1.04)]
    public void Season_follows_the_monthly_table(int month, double expected)
    {
        Assert.Equal(expected, DayFactors.Season(new DateOnly(2024, month, 1)));
        Assert.Equal(expected, DayFactors.Season(new DateOnly(2024, month, 28)));
    }

    [Fact]
    public void Season_factors_average_one_so_the_baseline_volume_is_the_years_mean()
    {
        var months = Enumerable.Range(1, 12).Select(m => DayFactors.Season(new DateOnly(2025, m, 15))).ToArray();
        Assert.InRange(months.Average(), 0.995, 1.005);
        // December over January stays a few percent: the holidays, not the months, make the Christmas peak (realism R3).
        Assert.InRange(months[11] / months[0], 1.0, 1.1);
    }

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
        // Black Friday 2024: November 1.01 × Friday 1.2 × 3.0.
        Assert.Equal(1.01 * 1.2 * 3.0, DayFactors.Base(new DateOnly(2024, 11, 29)), Precision);
        // Ordinary Tuesday in March: 1.0 × 0.8 × 1.0.
        Assert.Equal(0.8, DayFactors.Base(new DateOnly(2024, 3, 12)), Precision);
    }

    [Fact]
    public void Expected_day_factor_is_season_times_day_of_week_times_holiday_and_zero_on_Christmas_Day()
    {
        for (var day = new DateOnly(2024, 1, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            var expected = day is { Month: 12, Day: 25 } ? 0.0 : DayFactors.Season(day) * DayFactors.DayOfWeek(day) * Holidays.Factor(day);
            Assert.Equal(expected, DayFactors.Expected(day));
        }

        Assert.Equal(0.0, DayFactors.Expected(new DateOnly(2030, 12, 25)));
        Assert.Equal(1.04 * 1.4 * 2.0, DayFactors.Expected(new DateOnly(2026, 12, 26)), Precision); // Boxing Day, a Saturday
    }

    [Fact]
    public void Black_Friday_is_the_largest_expected_day_factor_of_every_year_2024_to_2030_by_about_25_percent()
    {
        for (var year = 2024; year <= 2030; year++)
        {
            var blackFriday = Holidays.BlackFriday(year);
            var top = DayFactors.Expected(blackFriday);
            var runnerUp = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
                .Select(i => new DateOnly(year, 1, 1).AddDays(i))
                .Where(d => d != blackFriday)
                .Max(DayFactors.Expected);

            // §9.2: 3.64 against at most 2.91 (Boxing Day on a Saturday, as in 2026). Unrounded that is 3.636 / 2.912 =
            // 1.2486: "≥ 25 %" holds as the spec rounds it, 24.86 % exactly (decisions.md).
            Assert.Equal(1.01 * 1.2 * 3.0, top, Precision);
            Assert.True(top / runnerUp >= 1.248, $"{year}: Black Friday {top:F3} is only {top / runnerUp:F4} × the runner-up {runnerUp:F3}");
        }
    }

    [Fact]
    public void Online_day_factor_is_clamped_to_half_and_two_and_a_half()
    {
        Assert.Equal(2.5, DayFactors.OnlineDay(new DateOnly(2024, 11, 29)));
        // New Year's Day 2024 is a Monday: 0.98 × 0.7 × 0.5 = 0.343.
        Assert.Equal(0.5, DayFactors.OnlineDay(new DateOnly(2024, 1, 1)));
        Assert.Equal(0.8, DayFactors.OnlineDay(new DateOnly(2024, 3, 12)), Precision);

        for (var day = new DateOnly(2024, 1, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            Assert.InRange(DayFactors.OnlineDay(day), 0.5, 2.5);
        }
    }

    [Theory]
    [InlineData(2024)] // Wednesday: 1.04 × 0.9 × 2.0 = 1.87 unclamped
    [InlineData(2026)] // Friday: 1.04 × 1.2 × 2.0 = 2.50
    [InlineData(2027)] // Saturday: 2.91 → 2.5
    public void Online_volume_on_Christmas_Day_is_at_most_the_baseline_though_the_Christmas_peak_would_raise_it(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        Assert.True(DayFactors.Base(christmas) > 1.5, "the holiday table peaks on Christmas Day");
        Assert.Equal(1.0, DayFactors.OnlineDay(christmas));
        Assert.True(DayFactors.OnlineDay(christmas.AddDays(-1)) > 1.0, "Christmas Eve keeps its peak");
    }
}
