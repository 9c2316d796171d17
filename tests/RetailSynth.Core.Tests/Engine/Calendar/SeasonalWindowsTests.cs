using RetailSynth.Engine.Calendar;

namespace RetailSynth.Core.Tests.Engine.Calendar;

// 2024: Thanksgiving Nov 28, Black Friday Nov 29, Cyber Monday Dec 2, Memorial Day May 27, Labor Day Sep 2.
public class SeasonalWindowsTests
{
    [Theory]
    [InlineData("2024-11-17", false)]
    [InlineData("2024-11-18", true)]
    [InlineData("2024-11-28", true)]
    [InlineData("2024-11-29", true)]
    [InlineData("2024-11-30", false)]
    public void Thanksgiving_window_runs_from_ten_days_before_to_the_day_after(string date, bool expected) =>
        Assert.Equal(expected, SeasonalWindows.ThanksgivingWindow(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2024-11-28", false)]
    [InlineData("2024-11-29", true)]
    [InlineData("2024-12-02", true)]
    [InlineData("2024-12-03", false)]
    public void Black_Friday_window_runs_through_Cyber_Monday(string date, bool expected) =>
        Assert.Equal(expected, SeasonalWindows.BlackFridayWindow(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2024-12-10", false)]
    [InlineData("2024-12-11", true)]
    [InlineData("2024-12-24", true)]
    [InlineData("2024-12-25", false)]
    public void Christmas_window_covers_the_two_weeks_before_Christmas(string date, bool expected) =>
        Assert.Equal(expected, SeasonalWindows.ChristmasWindow(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2024-05-24", false)]
    [InlineData("2024-05-25", true)]
    [InlineData("2024-05-29", true)]
    [InlineData("2024-05-30", false)]
    [InlineData("2024-07-02", true)]
    [InlineData("2024-07-06", true)]
    [InlineData("2024-07-07", false)]
    [InlineData("2024-08-31", true)]
    [InlineData("2024-09-04", true)]
    [InlineData("2024-09-05", false)]
    public void Grilling_window_is_two_days_either_side_of_the_summer_holidays(string date, bool expected) =>
        Assert.Equal(expected, SeasonalWindows.GrillingWindow(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2024-11-17", 1.0)]
    [InlineData("2024-11-18", 1.2)]
    [InlineData("2024-11-29", 1.2)]
    [InlineData("2024-11-30", 1.0)]
    [InlineData("2024-12-22", 1.0)]
    [InlineData("2024-12-23", 1.2)]
    [InlineData("2024-12-24", 1.2)]
    [InlineData("2024-12-26", 1.0)]
    public void Line_count_rises_around_Thanksgiving_and_just_before_Christmas(string date, double expected) =>
        Assert.Equal(expected, SeasonalWindows.LineCountFactor(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2024-11-17", 1.0)]
    [InlineData("2024-11-18", 1.7)]
    [InlineData("2024-11-27", 1.7)]
    [InlineData("2024-11-28", 2.5)]
    [InlineData("2024-11-29", 2.5)]
    [InlineData("2024-12-02", 2.5)]
    [InlineData("2024-12-03", 1.0)]
    [InlineData("2024-12-10", 1.0)]
    [InlineData("2024-12-11", 1.5)]
    [InlineData("2024-12-25", 1.5)]
    [InlineData("2024-12-26", 1.0)]
    [InlineData("2024-05-25", 1.5)]
    [InlineData("2024-07-04", 1.5)]
    [InlineData("2024-07-07", 1.0)]
    [InlineData("2024-09-04", 1.5)]
    [InlineData("2024-03-12", 1.0)]
    [InlineData("2025-11-27", 2.5)] // Thanksgiving 2025
    [InlineData("2025-12-01", 2.5)] // Cyber Monday 2025
    public void Marketing_multiplier_takes_the_first_matching_window(string date, double expected) =>
        Assert.Equal(expected, SeasonalWindows.MarketingMultiplier(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2024-11-28", false)]
    [InlineData("2024-11-29", true)]
    [InlineData("2024-12-24", true)]
    [InlineData("2024-12-25", false)]
    [InlineData("2025-01-02", false)]
    public void Gift_season_runs_from_Black_Friday_to_Christmas_Eve(string date, bool expected) =>
        Assert.Equal(expected, SeasonalWindows.GiftSeason(DateOnly.Parse(date)));
}
