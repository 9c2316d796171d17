using System.Globalization;
using System.Text.RegularExpressions;
using RetailSynth.Jobs;

namespace RetailSynth.Cli;

/// <summary>
/// The plain line a redirected <c>generate facts</c> prints per committed day. Scripts, tests and the region workers'
/// parent (which reads its children's stderr) follow the commits through it, so it is written and read in one place.
/// </summary>
public static partial class DayProgressLine
{
    public static string Format(FactGenerationJob.Progress p) => string.Create(
        CultureInfo.InvariantCulture,
        $"day {p.Day:yyyy-MM-dd} ({p.DaysDone}/{p.DaysTotal}): {p.DayRows:N0} rows; total {p.TotalRows:N0} rows, {p.RowsPerSecond:N0} rows/s, ETA {p.Eta:hh\\:mm\\:ss}");

    /// <summary>A committed day read back from <see cref="Format"/>'s line, or null for any other line.</summary>
    public static CommittedDay? TryParse(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        static long Number(Group group) => long.Parse(group.Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        return new CommittedDay(
            DateOnly.ParseExact(match.Groups["day"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            (int)Number(match.Groups["done"]),
            (int)Number(match.Groups["total"]),
            Number(match.Groups["rows"]),
            Number(match.Groups["totalRows"]));
    }

    [GeneratedRegex(@"^day (?<day>\d{4}-\d{2}-\d{2}) \((?<done>\d+)/(?<total>\d+)\): (?<rows>[\d,]+) rows; total (?<totalRows>[\d,]+) rows")]
    private static partial Regex Pattern();

    /// <summary>One committed day as the line reports it.</summary>
    public sealed record CommittedDay(DateOnly Day, int DaysDone, int DaysTotal, long DayRows, long TotalRows);
}
