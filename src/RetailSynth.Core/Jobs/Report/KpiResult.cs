namespace RetailSynth.Jobs.Report;

/// <summary>One KPI of the scorecard: its bands and values, its verdict and why, and the horizon it was judged on.</summary>
/// <param name="Id">R1 … R17.</param>
/// <param name="Title">What the KPI measures.</param>
/// <param name="Verdict">ok, short or n/a (<see cref="KpiVerdict"/>).</param>
/// <param name="Reason">Why it is n/a, or which of its bands were not judged; null when every band was judged.</param>
/// <param name="JudgedOn">The days the values cover, e.g. "2024-01-01 … 2024-01-07 (7 days)".</param>
/// <param name="Checks">Each value with its band and verdict.</param>
public sealed record KpiResult(string Id, string Title, string Verdict, string? Reason, string JudgedOn, IReadOnlyList<KpiCheck> Checks);
