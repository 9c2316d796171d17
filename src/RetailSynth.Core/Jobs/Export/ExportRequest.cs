namespace RetailSynth.Jobs.Export;

/// <summary>
/// What to export. <paramref name="Tables"/> null means every dimension and fact table;
/// <paramref name="From"/> and <paramref name="To"/> are inclusive UTC dates on <c>event_ts</c> and restrict facts only.
/// </summary>
public sealed record ExportRequest(
    string DatabasePath,
    string OutputFolder,
    ExportFormat Format = ExportFormat.Parquet,
    IReadOnlyList<string>? Tables = null,
    DateOnly? From = null,
    DateOnly? To = null);
