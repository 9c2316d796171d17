using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RetailSynth.Cli.Workers;
using RetailSynth.Jobs;
using RetailSynth.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

public sealed class GenerateFactsCommand(CommandRuntime runtime) : AsyncCommand<GenerateFactsCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--days <N>")]
        [Description("Number of days to generate after the watermark.")]
        public string? DaysText { get; init; }

        public int? Days => int.TryParse(DaysText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null;

        [CommandOption("--to <DATE>")]
        [Description("Generate up to and including this UTC date (yyyy-MM-dd).")]
        public string? To { get; init; }

        [CommandOption(RegionOption.Template)]
        [Description(RegionOption.Description + " Without it every region runs, each in its own worker process (--workers).")]
        public string? Region { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Regions generated at once, one worker process each (default: cores / 2). A dataset of several regions, without --region.")]
        public string? WorkersText { get; init; }

        public int? Workers => int.TryParse(WorkersText, NumberStyles.None, CultureInfo.InvariantCulture, out var workers) ? workers : null;

        public override ValidationResult Validate()
        {
            if (RegionOption.Refuse(Region) is { } badRegion)
            {
                return badRegion;
            }

            if (WorkersText is not null && Workers is not >= 1)
            {
                return ValidationResult.Error($"--workers must be a whole number of at least 1, got '{WorkersText}'.");
            }

            if (WorkersText is not null && Region is not null)
            {
                return ValidationResult.Error("--workers runs every region; give it without --region.");
            }

            if (DaysText is null == (To is null))
            {
                return ValidationResult.Error("Give exactly one of --days N or --to yyyy-MM-dd.");
            }

            if (DaysText is not null && Days is null)
            {
                return ValidationResult.Error($"--days must be a whole number, got '{DaysText}'.");
            }

            if (Days is < 1)
            {
                return ValidationResult.Error($"--days must be at least 1, got {Days}.");
            }

            return DateOption.Refuse(("--to", To)) ?? ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = RegionOption.Apply(runtime.LoadSettings(settings), settings.Region);
        if (DatasetLayout.IsWholeShardedDataset(options))
        {
            return await new RegionWorkersRun(runtime).RunAsync(settings, options, cancellationToken);
        }

        using var logging = runtime.CreateLogging(settings);
        var job = new FactGenerationJob(options, runtime.Dictionaries, logging.CreateLogger<FactGenerationJob>());
        var range = new FactGenerationJob.Range(settings.Days, DateOption.Parse(settings.To));

        // Say up front what a long range means; nothing is asked, every finished day is kept if it is stopped.
        job.Planned += (first, last, rows) => runtime.Environment.Error.WriteLine(
            $"Generating {last.DayNumber - first.DayNumber + 1} days ({first:yyyy-MM-dd} … {last:yyyy-MM-dd}), about {rows:N0} rows; " +
            "each day is committed on its own, Ctrl-C keeps every finished day.");
        var progress = new DayProgressDisplay(runtime.Environment);
        var result = await progress.RunAsync(report => Task.Run(() => job.Run(range, report, cancellationToken), cancellationToken));

        var output = runtime.Environment.Out;
        output.Write(RowCountTable.Create(result.RowsPerTable));
        output.WriteLine($"{result.Days} days ({result.FirstDay:yyyy-MM-dd} … {result.LastDay:yyyy-MM-dd}), {result.Rows:N0} rows in {result.Elapsed.TotalSeconds:0.0} s ({result.Rows / Math.Max(0.001, result.Elapsed.TotalSeconds):N0} rows/s) into {options.Storage.DatabasePath}");
        return CliApp.ExitOk;
    }
}
