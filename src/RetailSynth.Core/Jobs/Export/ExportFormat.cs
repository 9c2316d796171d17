namespace RetailSynth.Jobs.Export;

/// <summary>The file format of an export.</summary>
public enum ExportFormat
{
    Parquet,
    Csv,
}
