using RetailSynth.Engine.Calendar;

namespace RetailSynth.Core.Tests.Engine.Calendar;

public class HolidaysTests
{
    private const int Precision = 12;

    [Theory]
    [InlineData(2023, "2023-11-23")]
    [InlineData(2024, "2024-11-28")]
    [InlineData(2025, "2025-11-27")]
    [InlineData(2026, "2026-11-26")]
    public void Thanksgiving_is_the_fourth_Thursday_of_November(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Holidays.Thanksgiving(year));
        Assert.Equal(DateOnly.Parse(expected), Holidays.DateOf(Holiday.THANKSGIVING, year));
    }

    [Theory]
    [InlineData(2023, "2023-11-24")]
    [InlineData(2024, "2024-11-29")]
    [InlineData(2025, "2025-11-28")]
    [InlineData(2026, "2026-11-27")]
    public void Black_Friday_is_the_day_after_Thanksgiving(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Holidays.BlackFriday(year));
        Assert.Equal(DateOnly.Parse(expected), Holidays.DateOf(Holiday.BLACK_FRIDAY, year));
    }

    [Theory]
    [InlineData(Holiday.MOTHERS_DAY, 2023, "2023-05-14")]
    [InlineData(Holiday.MOTHERS_DAY, 2024, "2024-05-12")]
    [InlineData(Holiday.MOTHERS_DAY, 2025, "2025-05-11")]
    [InlineData(Holiday.MOTHERS_DAY, 2026, "2026-05-10")]
    [InlineData(Holiday.MEMORIAL_DAY, 2023, "2023-05-29")]
    [InlineData(Holiday.MEMORIAL_DAY, 2024, "2024-05-27")]
    [InlineData(Holiday.MEMORIAL_DAY, 2025, "2025-05-26")]
    [InlineData(Holiday.MEMORIAL_DAY, 2026, "2026-05-25")]
    [InlineData(Holiday.FATHERS_DAY, 2023, "2023-06-18")]
    [InlineData(Holiday.FATHERS_DAY, 2024, "2024-06-16")]
    [InlineData(Holiday.FATHERS_DAY, 2025, "2025-06-15")]
    [InlineData(Holiday.FATHERS_DAY, 2026, "2026-06-21")]
    [InlineData(Holiday.LABOR_DAY, 2023, "2023-09-04")]
    [InlineData(Holiday.LABOR_DAY, 2024, "2024-09-02")]
    [InlineData(Holiday.LABOR_DAY, 2025, "2025-09-01")]
    [InlineData(Holiday.LABOR_DAY, 2026, "2026-09-07")]
    [InlineData(Holiday.NEW_YEARS_DAY, 2024, "2024-01-01")]
    [InlineData(Holiday.VALENTINES_DAY, 2024, "2024-02-14")]
    [InlineData(Holiday.INDEPENDENCE_DAY, 2024, "2024-07-04")]
    [InlineData(Holiday.BACK_TO_SCHOOL, 2024, "2024-08-15")]
    [InlineData(Holiday.HALLOWEEN, 2024, "2024-10-31")]
    [InlineData(Holiday.VETERANS_DAY, 2024, "2024-11-11")]
    [InlineData(Holiday.CHRISTMAS, 2024, "2024-12-25")]
    [InlineData(Holiday.BOXING_DAY, 2024, "2024-12-26")]
    public void Holiday_dates_follow_their_rules(Holiday holiday, int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Holidays.DateOf(holiday, year));

    [Fact]
    public void Floating_holidays_fall_on_their_weekday_in_every_year()
    {
        for (var year = 1950; year <= 2150; year++)
        {
            var thanksgiving = Holidays.Thanksgiving(year);
            Assert.Equal(DayOfWeek.Thursday, thanksgiving.DayOfWeek);
            Assert.InRange(thanksgiving.Day, 22, 28);

            var mothers = Holidays.DateOf(Holiday.MOTHERS_DAY, year);
            Assert.Equal(DayOfWeek.Sunday, mothers.DayOfWeek);
            Assert.InRange(mothers.Day, 8, 14);

            var memorial = Holidays.DateOf(Holiday.MEMORIAL_DAY, year);
            Assert.Equal(DayOfWeek.Monday, memorial.DayOfWeek);
            Assert.InRange(memorial.Day, 25, 31);

            var fathers = Holidays.DateOf(Holiday.FATHERS_DAY, year);
            Assert.Equal(DayOfWeek.Sunday, fathers.DayOfWeek);
            Assert.InRange(fathers.Day, 15, 21);

            var labor = Holidays.DateOf(Holiday.LABOR_DAY, year);
            Assert.Equal(DayOfWeek.Monday, labor.DayOfWeek);
            Assert.InRange(labor.Day, 1, 7);
        }
    }

    [Theory]
    [InlineData(Holiday.NEW_YEARS_DAY, 0.5, 0)]
    [InlineData(Holiday.VALENTINES_DAY, 1.4, 3)]
    [InlineData(Holiday.MOTHERS_DAY, 1.6, 0)]
    [InlineData(Holiday.MEMORIAL_DAY, 1.2, 0)]
    [InlineData(Holiday.FATHERS_DAY, 1.3, 0)]
    [InlineData(Holiday.INDEPENDENCE_DAY, 1.2, 0)]
    [InlineData(Holiday.BACK_TO_SCHOOL, 1.2, 14)]
    [InlineData(Holiday.LABOR_DAY, 1.1, 0)]
    [InlineData(Holiday.HALLOWEEN, 1.2, 7)]
    [InlineData(Holiday.VETERANS_DAY, 1.3, 0)]
    [InlineData(Holiday.THANKSGIVING, 0.8, 0)]
    [InlineData(Holiday.BLACK_FRIDAY, 3.0, 1)]
    [InlineData(Holiday.CHRISTMAS, 2.0, 7)]
    [InlineData(Holiday.BOXING_DAY, 2.0, 0)]
    public void Every_holiday_has_the_peak_and_window_of_the_table(Holiday holiday, double peak, int window)
    {
        Assert.Equal(peak, Holidays.Peak(holiday));
        Assert.Equal(window, Holidays.WindowDays(holiday));
    }

    [Fact]
    public void Black_Friday_peaks_at_its_full_multiplier() =>
        Assert.Equal(3.0, Holidays.Factor(new DateOnly(2024, 11, 29)), Precision);

    [Fact]
    public void The_day_after_Black_Friday_is_half_way_down_and_the_window_ends_there()
    {
        Assert.Equal(1 + (2.0 * 0.5), Holidays.Factor(new DateOnly(2024, 11, 30)), Precision);
        Assert.Equal(1.0, Holidays.Factor(new DateOnly(2024, 12, 1)), Precision);
    }

    [Fact]
    public void Thanksgiving_day_is_quiet_even_though_Black_Fridays_window_covers_it() =>
        Assert.Equal(0.8, Holidays.Factor(new DateOnly(2024, 11, 28)), Precision);

    [Fact]
    public void New_Years_Day_is_quiet_even_though_the_previous_Christmas_window_covers_it() =>
        Assert.Equal(0.5, Holidays.Factor(new DateOnly(2025, 1, 1)), Precision);

    [Fact]
    public void New_Years_Eve_takes_the_Christmas_window_floor_because_Boxing_Day_has_no_window() =>
        Assert.Equal(1 + (1.0 * 0.3), Holidays.Factor(new DateOnly(2024, 12, 31)), Precision);

    [Fact]
    public void Boxing_Day_takes_the_largest_of_its_peak_and_the_Christmas_window() =>
        Assert.Equal(2.0, Holidays.Factor(new DateOnly(2024, 12, 26)), Precision); // the window gives 1.875

    [Fact]
    public void Christmas_window_reaches_seven_days_back_and_no_further()
    {
        Assert.Equal(1 + (1.0 * 0.3), Holidays.Factor(new DateOnly(2024, 12, 18)), Precision);
        Assert.Equal(1.0, Holidays.Factor(new DateOnly(2024, 12, 17)), Precision);
    }

    [Fact]
    public void An_ordinary_date_has_no_holiday_effect() =>
        Assert.Equal(1.0, Holidays.Factor(new DateOnly(2024, 3, 12)), Precision);

    [Theory]
    [InlineData("2024-07-31", 1.0)]
    [InlineData("2024-08-01", 1 + (0.2 * 0.3))] // d = 14: the 0.3 floor
    [InlineData("2024-08-08", 1 + (0.2 * (1 - (7.0 / 15))))]
    [InlineData("2024-08-15", 1.2)]
    [InlineData("2024-08-29", 1 + (0.2 * 0.3))]
    [InlineData("2024-08-30", 1.0)]
    public void Back_to_school_window_spans_fourteen_days_either_side_of_August_15(string date, double expected) =>
        Assert.Equal(expected, Holidays.Factor(DateOnly.Parse(date)), Precision);

    [Theory]
    [InlineData("2024-10-24", 1 + (0.2 * 0.3))]
    [InlineData("2024-11-03", 1 + (0.2 * 0.625))]
    [InlineData("2024-11-07", 1 + (0.2 * 0.3))]
    [InlineData("2024-11-08", 1.0)]
    public void Halloween_window_crosses_into_November(string date, double expected) =>
        Assert.Equal(expected, Holidays.Factor(DateOnly.Parse(date)), Precision);

    [Fact]
    public void Every_date_has_a_factor_between_the_lowest_and_highest_peak()
    {
        for (var day = new DateOnly(2020, 1, 1); day <= new DateOnly(2030, 12, 31); day = day.AddDays(1))
        {
            Assert.InRange(Holidays.Factor(day), 0.5, 3.0);
        }
    }

    [Theory]
    [InlineData("2024-12-25", true)]
    [InlineData("2031-12-25", true)]
    [InlineData("2024-12-24", false)]
    [InlineData("2024-12-26", false)]
    public void Stores_are_closed_on_Christmas_Day_only(string date, bool closed) =>
        Assert.Equal(closed, Holidays.StoresClosed(DateOnly.Parse(date)));
}
