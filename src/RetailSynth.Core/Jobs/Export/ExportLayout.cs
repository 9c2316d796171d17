using RetailSynth.Storage;

namespace RetailSynth.Jobs.Export;

/// <summary>
/// Where exported files go, relative to the output folder, with '/' separators so the same names serve as blob names:
/// <c>&lt;table&gt;/&lt;table&gt;.&lt;ext&gt;</c> for dimensions, <c>&lt;table&gt;/&lt;table&gt;_YYYY-MM.&lt;ext&gt;</c> for facts (month of event_ts, UTC);
/// a dataset of several regions puts each region's files under <c>&lt;table&gt;/region=&lt;r&gt;/</c>.
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

    public static string DimensionFile(string table, ExportFormat format, int? region = null) => $"{Folder(table, region)}/{table}.{Extension(format)}";

    public static string FactFile(string table, DateOnly month, ExportFormat format, int? region = null) =>
        $"{Folder(table, region)}/{table}_{month:yyyy-MM}.{Extension(format)}";

    /// <summary>
    /// The file of a table (and month, for facts); with <paramref name="region"/>, in the Hive-style partition
    /// <c>&lt;table&gt;/region=&lt;r&gt;/</c> of a dataset of several regions (scale-out §3), so every engine reads the regions as one table.
    /// </summary>
    public static string FileOf(string table, DateOnly? month, ExportFormat format, int? region = null) =>
        month is { } m ? FactFile(table, m, format, region) : DimensionFile(table, format, region);

    private static string Folder(string table, int? region) => region is { } r ? $"{table}/region={r}" : table;

    /// <summary>Every table an export can write: dimensions, then facts in catalogue order.</summary>
    public static IReadOnlyList<string> Tables { get; } = [.. DatasetTables.Dimensions, .. DatasetTables.Facts];
}
