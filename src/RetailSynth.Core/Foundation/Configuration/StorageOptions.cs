namespace RetailSynth.Foundation.Configuration;

/// <summary>The <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string DefaultDatabasePath = "data/retail.duckdb";

    /// <summary>
    /// The configured database file: with <c>Simulation:Regions = 1</c> the dataset itself, with more regions the dataset
    /// catalog over the region files beside it (scale-out §3).
    /// </summary>
    public string DatabasePath { get; set; } = DefaultDatabasePath;

    /// <summary>
    /// The one region these settings run (set by <c>--region</c> through <c>DatasetLayout.ForRegion</c>, never bound from
    /// configuration: a get-only property is no setting); null runs the configured file as it is.
    /// </summary>
    public Region? Region => _region;

    // A field, not a setter: the binder and GET /api/config walk every writable property as a setting.
    private Region? _region;

    /// <summary>Storage for one region: its own file, <paramref name="regionFile"/>.</summary>
    public static StorageOptions ForRegion(string regionFile, Region region) => new() { DatabasePath = regionFile, _region = region };
}
