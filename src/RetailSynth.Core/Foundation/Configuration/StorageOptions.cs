namespace RetailSynth.Foundation.Configuration;

/// <summary>The <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string DefaultDatabasePath = "data/retail.duckdb";

    public string DatabasePath { get; set; } = DefaultDatabasePath;
}
