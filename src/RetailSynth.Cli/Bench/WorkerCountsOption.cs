using System.Globalization;
using Region = RetailSynth.Domain.Region;
using ValidationResult = Spectre.Console.ValidationResult;

namespace RetailSynth.Cli.Bench;

/// <summary>
/// <c>bench --regions R --workers 1,2,…</c>: the region scaling bench's two options, parsed and checked when the
/// command line is read (a usage error, exit 2, before anything is generated).
/// </summary>
internal static class WorkerCountsOption
{
    /// <summary>Worker counts measured when <c>--workers</c> is left out: one and two (one when R = 1).</summary>
    public static IReadOnlyList<int> Default(int regions) => regions == 1 ? [1] : [1, 2];

    public static int? ParseRegions(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var regions) && regions is >= 1 and <= Region.MaxCount ? regions : null;

    /// <summary>A comma-separated list of whole numbers of at least 1; null when any item is not one.</summary>
    public static IReadOnlyList<int>? ParseWorkers(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var counts = new List<int>();
        foreach (var item in text.Split(','))
        {
            if (!int.TryParse(item.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                return null;
            }

            counts.Add(count);
        }

        return counts;
    }

    /// <summary>The one usage line for a bad combination; null when the options make a region scaling bench (or none).</summary>
    public static ValidationResult? Refuse(string? regionsText, string? workersText, bool streaming)
    {
        if (regionsText is null)
        {
            return workersText is null ? null : ValidationResult.Error("--workers is the region scaling bench's; give it with --regions R.");
        }

        if (streaming)
        {
            return ValidationResult.Error("--regions measures generation by region workers; give it without --streaming.");
        }

        if (ParseRegions(regionsText) is not { } regions)
        {
            return ValidationResult.Error($"--regions must be a whole number from 1 to {Region.MaxCount}, got '{regionsText}'.");
        }

        if (workersText is null)
        {
            return null;
        }

        if (ParseWorkers(workersText) is not { } workers)
        {
            return ValidationResult.Error($"--workers must be a comma-separated list of whole numbers of at least 1 (e.g. 1,2), got '{workersText}'.");
        }

        if (workers.FirstOrDefault(w => w > regions) is > 0 and var tooMany)
        {
            return ValidationResult.Error($"--workers {tooMany} is more than --regions {regions}: a worker runs one region, so at most {regions} run at once.");
        }

        return workers.GroupBy(w => w).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? ValidationResult.Error($"--workers lists {twice.Key} more than once.")
            : null;
    }
}
