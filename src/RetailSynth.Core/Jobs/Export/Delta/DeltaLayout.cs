using System.Globalization;
using System.Text;

namespace RetailSynth.Jobs.Export.Delta;

/// <summary>
/// Names inside one Delta table folder (<c>&lt;out&gt;/&lt;table&gt;/</c>): the log <c>_delta_log/&lt;version:D20&gt;.json</c>, facts
/// under the Hive-style partition folder <c>month=YYYY-MM/</c>, dimensions at the table root. A data file's name carries
/// the commit version that adds it, so a re-export never overwrites a file an earlier commit references.
/// </summary>
public static class DeltaLayout
{
    public const string LogFolder = "_delta_log";

    /// <summary>The partition column of fact tables: the UTC month of <c>event_ts</c> as 'YYYY-MM' (a string column).</summary>
    public const string PartitionColumn = "month";

    public static string CommitFile(long version) => $"{LogFolder}/{version.ToString("D20", CultureInfo.InvariantCulture)}.json";

    public static string PartitionValue(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The data file's path relative to the table folder, '/' separated (not yet URL-encoded).</summary>
    public static string DataFile(string table, DateOnly? month, long version) => month is { } m
        ? $"{PartitionColumn}={PartitionValue(m)}/{table}_{PartitionValue(m)}_v{version.ToString(CultureInfo.InvariantCulture)}.parquet"
        : $"{table}_v{version.ToString(CultureInfo.InvariantCulture)}.parquet";

    /// <summary>
    /// The <c>add</c>/<c>remove</c> path: a relative URI (RFC 2396), each segment percent-encoded except its unreserved and
    /// path characters, so Spark and Fabric decode it back to the file name.
    /// </summary>
    public static string EncodePath(string relativePath)
    {
        var encoded = new StringBuilder(relativePath.Length);
        foreach (var b in Encoding.UTF8.GetBytes(relativePath))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()=:@&+$,/".Contains(c, StringComparison.Ordinal)))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    /// <summary>The file path a log path names (percent-decoded), still '/' separated.</summary>
    public static string DecodePath(string path) => Uri.UnescapeDataString(path);
}
