using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs.Report;
using RetailSynth.Storage;

namespace RetailSynth.Core.Tests.Jobs.Report;

public class RealismScorecardTests(ReportDatasetFixture fixture) : IClassFixture<ReportDatasetFixture>
{
    [Fact]
    public void A_generated_week_gets_a_verdict_for_every_kpi_from_r1_to_r17_over_its_committed_days()
    {
        var report = fixture.Generated;

        Assert.Equal(Enumerable.Range(1, 17).Select(i => $"R{i}"), report.Kpis.Select(k => k.Id));
        Assert.Equal((ReportDatasetFixture.Start, ReportDatasetFixture.Start.AddDays(ReportDatasetFixture.Days - 1), ReportDatasetFixture.Days), (report.From, report.To, report.Days));
        Assert.All(report.Kpis, kpi =>
        {
            Assert.Contains(kpi.Verdict, new[] { KpiVerdict.Ok, KpiVerdict.Shortfall, KpiVerdict.NotApplicable });
            Assert.False(string.IsNullOrWhiteSpace(kpi.JudgedOn));
            if (kpi.Verdict == KpiVerdict.NotApplicable)
            {
                Assert.False(string.IsNullOrWhiteSpace(kpi.Reason), $"{kpi.Id} is n/a without a reason");
            }
            else
            {
                Assert.Contains(kpi.Checks, c => c.Verdict is KpiVerdict.Ok or KpiVerdict.Shortfall);
            }
        });
        Assert.Equal(report.Kpis.Count, report.OkCount + report.ShortCount + report.NotApplicableCount);
    }

    [Fact]
    public void A_week_judges_the_seven_day_kpis_and_leaves_the_long_ones_na_with_their_minimum_horizon()
    {
        var report = fixture.Generated;

        Assert.NotEqual(KpiVerdict.NotApplicable, Kpi(report, "R8").Verdict);
        Assert.NotEqual(KpiVerdict.NotApplicable, Kpi(report, "R13").Verdict);
        Assert.NotEqual(KpiVerdict.NotApplicable, Kpi(report, "R15").Verdict);
        Assert.Equal(KpiVerdict.NotApplicable, Kpi(report, "R2").Verdict);
        Assert.Contains("21", Kpi(report, "R2").Reason);
        Assert.Equal(KpiVerdict.NotApplicable, Kpi(report, "R6").Verdict);
        Assert.Contains("calendar year or on M", Kpi(report, "R6").Reason);
        Assert.Equal(KpiVerdict.NotApplicable, Kpi(report, "R4").Verdict);
        Assert.All(Kpi(report, "R6").Checks, c => Assert.NotNull(c.Value)); // an n/a KPI still shows its values
    }

    [Fact]
    public void A_reduced_profile_has_no_volume_reference_so_r17_is_na_with_that_reason()
    {
        var volumes = Kpi(fixture.Generated, "R17");

        Assert.Equal(KpiVerdict.NotApplicable, volumes.Verdict);
        Assert.Contains("no model v1 reference", volumes.Reason);
        Assert.All(volumes.Checks, c => Assert.True(c.Value > 0));
    }

    [Fact]
    public void A_one_day_horizon_leaves_the_seven_day_kpis_na_with_the_minimum_as_reason()
    {
        using var database = RetailDatabase.OpenReadOnly(fixture.DatabasePath);

        var report = new RealismScorecard().Run(database.Connection, ReportDatasetFixture.Start.AddDays(2), ReportDatasetFixture.Start.AddDays(2));

        Assert.Equal(1, report.Days);
        foreach (var id in new[] { "R7", "R8", "R13" })
        {
            Assert.Equal(KpiVerdict.NotApplicable, Kpi(report, id).Verdict);
            Assert.Contains("from 7 days; the horizon has 1", Kpi(report, id).Reason);
        }

        Assert.Contains(Kpi(report, "R8").Checks, c => c.Value is > 0); // the values still show
        Assert.NotEqual(KpiVerdict.NotApplicable, Kpi(report, "R15").Verdict); // dimensions are judged on any horizon
    }

    [Theory]
    [InlineData("2023-12-31", null, "from", "before the dataset's start date 2024-01-01")]
    [InlineData(null, "2024-01-08", "to", "after the last committed day 2024-01-07")]
    [InlineData("2024-01-05", "2024-01-03", "from", "after to 2024-01-03")]
    public void A_horizon_beyond_the_committed_days_or_reversed_is_refused_naming_the_bound(string? from, string? to, string field, string problem)
    {
        using var database = RetailDatabase.OpenReadOnly(fixture.DatabasePath);

        var refusal = Assert.Throws<ReportRangeException>(() =>
            new RealismScorecard().Run(database.Connection, from is null ? null : DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to)));

        Assert.Equal(field, refusal.Field);
        Assert.Contains(problem, refusal.Message);
    }

    [Fact]
    public void A_database_of_another_model_version_is_refused_naming_both_versions()
    {
        using var database = fixture.OpenCopy();
        database.Execute("UPDATE sim_state SET model_version = 99");

        var refusal = Assert.Throws<RefusedException>(() => new RealismScorecard().Run(database.Connection));

        Assert.Equal(RefusalReason.OtherModelVersion, refusal.Reason);
        Assert.Contains("model version 99 dataset", refusal.Message);
        Assert.Contains($"reads model version {DatasetIdentity.ModelVersion}", refusal.Message);
    }

    [Fact]
    public void The_report_writes_nothing()
    {
        using var database = fixture.OpenCopy();
        var before = new DimensionStore(database).CountRows().ToList();

        new RealismScorecard().Run(database.Connection);

        Assert.Equal(before, new DimensionStore(database).CountRows().ToList());
    }

    internal static KpiResult Kpi(RealismReport report, string id) => report.Kpis.Single(k => k.Id == id);
}
