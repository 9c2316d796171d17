namespace RetailSynth.Jobs.Export;

/// <summary>The file format of an export.</summary>
public enum ExportFormat
{
    Parquet,
    Csv,

    /// <summary>One Delta Lake table per table: Parquet files plus a <c>_delta_log</c> (see <see cref="Delta.DeltaLayout"/>).</summary>
    Delta,
}
