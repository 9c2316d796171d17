namespace RetailSynth.Jobs.Report;

/// <summary>The realism scorecard (realism.md) over one horizon of committed days: what <c>report</c> prints and GET /api/report returns.</summary>
public sealed record RealismReport(
    string DatasetId,
    string Profile,
    int ModelVersion,
    DateOnly From,
    DateOnly To,
    int Days,
    IReadOnlyList<KpiResult> Kpis)
{
    public int OkCount => Kpis.Count(k => k.Verdict == KpiVerdict.Ok);

    public int ShortCount => Kpis.Count(k => k.Verdict == KpiVerdict.Shortfall);

    public int NotApplicableCount => Kpis.Count(k => k.Verdict == KpiVerdict.NotApplicable);

    /// <summary>A judged band fell short: <c>report</c> exits 1 unless told only to print.</summary>
    public bool HasShortfall => ShortCount > 0;
}
