using System.Text.RegularExpressions;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs.Export;

namespace RetailSynth.Connectors.Upload;

/// <summary>
/// The files of an export folder that belong to the <see cref="ExportLayout"/>: <c>&lt;table&gt;/&lt;table&gt;.parquet</c> and
/// <c>&lt;table&gt;/&lt;table&gt;_YYYY-MM.parquet</c> (or .csv) for known tables. Anything else (notes, temporary files of a
/// running export) is not uploaded.
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

            foreach (var path in Directory.EnumerateFiles(tableFolder))
            {
                var name = Path.GetFileName(path);
                var match = FileName().Match(name);
                if (match.Success && match.Groups["table"].Value == table)
                {
                    files.Add(($"{table}/{name}", new FileInfo(path).Length));
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

    [GeneratedRegex(@"^(?<table>[a-z_]+?)(_\d{4}-\d{2})?\.(parquet|csv)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
