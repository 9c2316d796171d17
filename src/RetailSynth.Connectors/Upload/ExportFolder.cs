using System.Text.RegularExpressions;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs.Export;

namespace RetailSynth.Connectors.Upload;

/// <summary>
/// The files of an export folder that belong to the <see cref="ExportLayout"/>: <c>&lt;table&gt;/&lt;table&gt;.parquet</c> and
/// <c>&lt;table&gt;/&lt;table&gt;_YYYY-MM.parquet</c> (or .csv) for known tables, the same under <c>&lt;table&gt;/region=&lt;r&gt;/</c>
/// for a dataset of several regions, and a Delta table's files as they lie
/// (<c>&lt;table&gt;/_delta_log/&lt;version&gt;.json</c>, <c>&lt;table&gt;/month=YYYY-MM/&lt;table&gt;_YYYY-MM_vN.parquet</c>,
/// <c>&lt;table&gt;/&lt;table&gt;_vN.parquet</c>). Anything else (notes, temporary files of a running export) is not uploaded.
/// </summary>
internal static partial class ExportFolder
{
    /// <summary>Relative paths ('/' separators) in ordinal order, with their sizes; throws when there are none.</summary>
    public static IReadOnlyList<(string RelativePath, long Bytes)> Files(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new RetailSynthException($"There is no folder '{folder}'; run `retailsynth export` first or give --from <DIR>.");
        }

        var files = new List<(string, long)>();
        foreach (var table in ExportLayout.Tables)
        {
            var tableFolder = Path.Combine(folder, table);
            if (!Directory.Exists(tableFolder))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(tableFolder, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(tableFolder, path).Replace(Path.DirectorySeparatorChar, '/');
                var match = FileName().Match(relative);
                if ((match.Success && match.Groups["table"].Value == table) || DeltaCommit().IsMatch(relative) || IsDeltaDataFile(table, relative))
                {
                    files.Add(($"{table}/{relative}", new FileInfo(path).Length));
                }
            }
        }

        if (files.Count == 0)
        {
            throw new RetailSynthException(
                $"The folder '{folder}' holds no export (no <table>/<table>.parquet or <table>_YYYY-MM.parquet files); run `retailsynth export` first or give --from <DIR>.");
        }

        return [.. files.OrderBy(f => f.Item1, StringComparer.Ordinal)];
    }

    /// <summary>Whether a relative path ('/' separators) is a Delta commit: <c>&lt;table&gt;/_delta_log/&lt;20 digits&gt;.json</c>.</summary>
    public static bool IsDeltaCommit(string relativePath) =>
        relativePath.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 && DeltaCommit().IsMatch(relativePath[(slash + 1)..]);

    private static bool IsDeltaDataFile(string table, string relative)
    {
        var match = DeltaDataFile().Match(relative);
        return match.Success
            && match.Groups["table"].Value == table
            && (!match.Groups["folder"].Success || match.Groups["folder"].Value == match.Groups["month"].Value);
    }

    // A dataset of several regions exports Hive-style partitions, region=<r>/ (scale-out §3): uploaded as they lie.
    [GeneratedRegex(@"^(region=\d{1,2}/)?(?<table>[a-z_]+?)(_\d{4}-\d{2})?\.(parquet|csv)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^_delta_log/\d{20}\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex DeltaCommit();

    [GeneratedRegex(@"^(month=(?<folder>\d{4}-\d{2})/)?(?<table>[a-z_]+?)(_(?<month>\d{4}-\d{2}))?_v\d+\.parquet$", RegexOptions.CultureInvariant)]
    private static partial Regex DeltaDataFile();
}
