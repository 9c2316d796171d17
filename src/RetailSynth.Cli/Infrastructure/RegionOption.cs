using System.Globalization;
using RetailSynth.Storage;
using Spectre.Console;

namespace RetailSynth.Cli;

/// <summary>
/// <c>--region r</c> of the commands that run one region of a dataset of several (scale-out §4): a whole number is
/// checked when the command line is parsed (exit 2), the range against <c>Simulation:Regions</c> once the settings are
/// loaded (exit 1).
/// </summary>
internal static class RegionOption
{
    public const string Template = "--region <R>";

    public const string Description = "Run only region R (0 … Simulation:Regions - 1) of a dataset of several regions, against its own file data/regions/region-RRR.duckdb.";

    public static int? Parse(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var region) ? region : null;

    /// <summary>The usage error for a value that is no region number; null when it is one or absent.</summary>
    public static ValidationResult? Refuse(string? text) =>
        text is not null && Parse(text) is null
            ? ValidationResult.Error($"--region must be a whole number of at least 0, got '{text}'.")
            : null;

    /// <summary>The settings for the chosen region (refused with one line when out of range), or unchanged without <c>--region</c>.</summary>
    public static RetailSynthSettings Apply(RetailSynthSettings settings, string? text) =>
        Parse(text) is { } region ? DatasetLayout.ForRegion(settings, region) : settings;
}
