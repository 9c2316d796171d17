using RetailSynth.Jobs.Report;

namespace RetailSynth.Core.Tests.Jobs.Report;

public class KpiBuilderTests
{
    private static readonly ReportHorizon s_week = new(new(2024, 1, 1), new(2024, 1, 7), new(2024, 1, 1), new(2024, 1, 7), "small");

    [Fact]
    public void A_kpi_is_ok_when_every_judged_band_holds_and_short_when_one_fails()
    {
        var holds = new KpiBuilder("R0", "test", s_week);
        holds.Check("a", 0.05, Units.Percent, Band.Between(0.02, 0.10, "2–10 %"));
        holds.Check("b", 0.10, Units.Percent, Band.AtMost(0.10, "≤ 10 %"));
        var fails = new KpiBuilder("R0", "test", s_week);
        fails.Check("a", 0.05, Units.Percent, Band.Between(0.02, 0.10, "2–10 %"));
        fails.Check("b", 0.11, Units.Percent, Band.AtMost(0.10, "≤ 10 %"));

        Assert.Equal(KpiVerdict.Ok, holds.Build().Verdict);
        Assert.Equal(KpiVerdict.Shortfall, fails.Build().Verdict);
        Assert.Equal([KpiVerdict.Ok, KpiVerdict.Shortfall], fails.Build().Checks.Select(c => c.Verdict));
    }

    [Fact]
    public void A_kpi_with_no_judged_band_is_na_with_the_reason_and_still_shows_its_values()
    {
        var kpi = new KpiBuilder("R0", "test", s_week);
        kpi.Check("a", 0.50, Units.Percent, Band.AtMost(0.10, "≤ 10 %"), "judged from 90 days; the horizon has 7");

        var result = kpi.Build();

        Assert.Equal(KpiVerdict.NotApplicable, result.Verdict);
        Assert.Equal("judged from 90 days; the horizon has 7", result.Reason);
        Assert.Equal(("50.0 %", KpiVerdict.Reported), (result.Checks[0].Display, result.Checks[0].Verdict));
    }

    [Fact]
    public void A_failing_band_that_is_not_judged_does_not_make_the_kpi_short()
    {
        var kpi = new KpiBuilder("R0", "test", s_week);
        kpi.Check("judged", 1, Units.Count, Band.AtLeast(1, "≥ 1"));
        kpi.Check("reported", 99, Units.Count, Band.None, "judged on a calendar year; the horizon holds none");

        var result = kpi.Build();

        Assert.Equal(KpiVerdict.Ok, result.Verdict);
        Assert.Contains("calendar year", result.Reason);
    }

    [Theory]
    [InlineData("2024-01-01", "2024-12-31", true, false)]
    [InlineData("2024-01-01", "2024-01-31", false, false)]
    public void A_horizon_knows_its_full_years_and_whether_it_is_m(string from, string to, bool year, bool isM)
    {
        var horizon = new ReportHorizon(DateOnly.Parse(from), DateOnly.Parse(to), DateOnly.Parse(from), DateOnly.Parse(to), "small");
        var large = horizon with { Profile = "large" };

        Assert.Equal(year, horizon.FullYears.Count > 0);
        Assert.Equal(isM, horizon.IsReferenceMonth);
        Assert.True(large.HasYearOrReferenceMonth);
    }

    [Fact]
    public void Black_friday_is_the_day_after_the_fourth_thursday_of_november()
    {
        Assert.Equal(new DateOnly(2024, 11, 29), RealismKpis.BlackFriday(2024));
        Assert.Equal(new DateOnly(2025, 11, 28), RealismKpis.BlackFriday(2025));
        Assert.Equal(new DateOnly(2026, 11, 27), RealismKpis.BlackFriday(2026));
    }

    [Fact]
    public void Stock_is_evaluated_at_month_ends_or_else_every_seventh_day_back_to_the_settled_day()
    {
        var year = new ReportHorizon(new(2024, 1, 1), new(2024, 3, 15), new(2024, 1, 1), new(2024, 3, 15), "small");
        var weeks = new ReportHorizon(new(2024, 1, 1), new(2024, 2, 5), new(2024, 1, 10), new(2024, 2, 5), "small");

        Assert.Equal([new DateOnly(2024, 1, 31), new(2024, 2, 29)], RealismKpis.EvaluationDays(year, new(2024, 1, 22)));
        Assert.Equal([new DateOnly(2024, 1, 31)], RealismKpis.EvaluationDays(weeks, new(2024, 1, 31)));
        var noMonthEnd = new ReportHorizon(new(2024, 2, 1), new(2024, 2, 20), new(2024, 1, 11), new(2024, 2, 20), "small");
        Assert.Equal([new DateOnly(2024, 2, 6), new(2024, 2, 13), new(2024, 2, 20)], RealismKpis.EvaluationDays(noMonthEnd, new(2024, 2, 1)));
    }
}
