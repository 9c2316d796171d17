namespace RetailSynth.Jobs.Export;

/// <summary>
/// What to export. <paramref name="Tables"/> null means every dimension and fact table;
/// <paramref name="From"/> and <paramref name="To"/> are inclusive UTC dates on <c>event_ts</c> and restrict facts only.
/// <paramref name="Region"/> exports only that region's partition of a dataset of several regions (from the catalog, or
/// from the region's own file at <paramref name="DatabasePath"/>); null exports every region the file holds.
/// </summary>
public sealed record ExportRequest(
    string DatabasePath,
    string OutputFolder,
    ExportFormat Format = ExportFormat.Parquet,
    IReadOnlyList<string>? Tables = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int? Region = null);
