using RetailSynth.Storage;

namespace RetailSynth.Jobs.Export;

/// <summary>
/// Where exported files go, relative to the output folder, with '/' separators so the same names serve as blob names:
/// <c>&lt;table&gt;/&lt;table&gt;.&lt;ext&gt;</c> for dimensions, <c>&lt;table&gt;/&lt;table&gt;_YYYY-MM.&lt;ext&gt;</c> for facts (month of event_ts, UTC).
/// </summary>
public static class ExportLayout
{
    public const string DefaultFolder = "data/export";

    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Parquet => "parquet",
        ExportFormat.Csv => "csv",
        ExportFormat.Delta => "parquet",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string DimensionFile(string table, ExportFormat format) => $"{table}/{table}.{Extension(format)}";

    public static string FactFile(string table, DateOnly month, ExportFormat format) => $"{table}/{table}_{month:yyyy-MM}.{Extension(format)}";

    public static string FileOf(string table, DateOnly? month, ExportFormat format) =>
        month is { } m ? FactFile(table, m, format) : DimensionFile(table, format);

    /// <summary>Every table an export can write: dimensions, then facts in catalogue order.</summary>
    public static IReadOnlyList<string> Tables { get; } = [.. DatasetTables.Dimensions, .. DatasetTables.Facts];
}
