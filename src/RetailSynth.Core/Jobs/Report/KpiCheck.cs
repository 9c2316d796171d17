namespace RetailSynth.Jobs.Report;

/// <summary>
/// One value of a KPI against one band: <see cref="Verdict"/> is ok or short when the band is judged on this horizon,
/// <c>reported</c> otherwise (the value is still shown, with <see cref="Note"/> saying why it is not judged).
/// </summary>
/// <param name="Name">What is measured, e.g. "CPM SEARCH".</param>
/// <param name="Value">The measured value, null when the horizon holds nothing to measure.</param>
/// <param name="Unit">percent (a fraction shown ×100), ratio, count, usd, hours, mph or date (days since 1970-01-01).</param>
/// <param name="Display">The value as the report prints it.</param>
/// <param name="Band">The band in realism.md's words.</param>
/// <param name="Verdict">ok, short, or reported (not judged).</param>
/// <param name="Note">Why the band is not judged, if it is not.</param>
public sealed record KpiCheck(string Name, double? Value, string Unit, string Display, string Band, string Verdict, string? Note);
