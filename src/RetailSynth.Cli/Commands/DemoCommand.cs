using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RetailSynth.Configuration;
using RetailSynth.Errors;
using RetailSynth.Jobs;
using RetailSynth.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>
/// <c>retailsynth demo</c>: the main job on embedded defaults — dimensions and a week of history — then a
/// summary. Safe to rerun: a database that already holds the week is only summarised, and one holding
/// another dataset is refused, never overwritten.
/// </summary>
public sealed class DemoCommand(CommandRuntime runtime, StageReporter stages, TimeProvider clock) : AsyncCommand<DemoCommand.Settings>
{
    public const int HistoryDays = 7;

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--start-date <DATE>")]
        [Description("yyyy-MM-dd or 'live' (7 days before today, UTC): written to retailsynth.json as Simulation:StartDate first.")]
        public string? StartDate { get; init; }

        public override ValidationResult Validate() =>
            StartDate is null or "live" || DateOnly.TryParseExact(StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--start-date must be yyyy-MM-dd or 'live', got '{StartDate}'.");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.StartDate is not null)
        {
            WriteStartDate(settings);
        }

        var options = runtime.LoadSettings(settings);
        using var logging = runtime.CreateLogging(settings);
        var total = Stopwatch.StartNew();

        var dimensionsTime = TimeSpan.Zero;
        if (!HasDimensions(options))
        {
            var dimensions = new DimensionJob(options, runtime.Dictionaries, logging.CreateLogger<DimensionJob>());
            var result = await stages.RunAsync("demo: dimensions", report => Task.Run(() => dimensions.Run(false, report, cancellationToken), cancellationToken));
            dimensionsTime = result.GenerateTime + result.WriteTime;
        }

        var historyTime = TimeSpan.Zero;
        var remaining = HistoryDays - CommittedDays(options);
        if (remaining > 0)
        {
            var facts = new FactGenerationJob(options, runtime.Dictionaries, logging.CreateLogger<FactGenerationJob>());
            var result = await new DayProgressDisplay(runtime.Environment).RunAsync(report =>
                Task.Run(() => facts.Run(new FactGenerationJob.Range(remaining, null), report, cancellationToken), cancellationToken));
            historyTime = result.Elapsed;
        }

        Summarise(options, dimensionsTime, historyTime, total.Elapsed);
        return CliApp.ExitOk;
    }

    /// <summary>Writes the start date into retailsynth.json (keeping every other setting) so the dataset can be reproduced.</summary>
    private void WriteStartDate(Settings settings)
    {
        var date = settings.StartDate == "live"
            ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-HistoryDays)
            : DateOnly.ParseExact(settings.StartDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var path = Path.Combine(runtime.Environment.WorkingDirectory, settings.ConfigFile ?? SettingsSources.DefaultConfigFile);
        JsonObject root;
        try
        {
            root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? [] : [];
        }
        catch (JsonException ex)
        {
            throw new SettingsException([$"'{path}' is not valid JSON ({ex.Message.TrimEnd('.')})"]);
        }

        if (root["Simulation"] is not JsonObject simulation)
        {
            root["Simulation"] = simulation = [];
        }

        simulation["StartDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        File.WriteAllText(path, root.ToJsonString(s_indented) + "\n");
        runtime.Environment.Error.WriteLine($"Simulation:StartDate = {date:yyyy-MM-dd} written to {path}");
    }

    private static bool HasDimensions(RetailSynthSettings options)
    {
        if (!File.Exists(options.Storage.DatabasePath))
        {
            return false;
        }

        using var database = RetailDatabase.Open(options.Storage.DatabasePath);
        return new DimensionStore(database).ReadState() is not null;
    }

    private static int CommittedDays(RetailSynthSettings options)
    {
        using var database = RetailDatabase.Open(options.Storage.DatabasePath);
        var state = new DimensionStore(database).ReadState() ?? throw new RetailSynthException("The demo database has no dimensions.");
        return state.LastCommittedDay is { } last ? last.DayNumber - state.StartDate.DayNumber + 1 : 0;
    }

    private void Summarise(RetailSynthSettings options, TimeSpan dimensionsTime, TimeSpan historyTime, TimeSpan total)
    {
        using var database = RetailDatabase.Open(options.Storage.DatabasePath);
        var state = new DimensionStore(database).ReadState()!;
        var table = new Table().AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var name in DatasetTables.Dimensions.Concat(DatasetTables.Facts))
        {
            table.AddRow(name, database.Scalar($"SELECT count(*) FROM {name}").ToString("N0", CultureInfo.InvariantCulture));
        }

        var output = runtime.Environment.Out;
        output.Write(table);
        output.WriteLine($"dataset {state.DatasetId} ({state.Profile} profile, seed {state.Seed}): {state.StartDate:yyyy-MM-dd} … {state.LastCommittedDay:yyyy-MM-dd}");
        output.WriteLine($"timings: dimensions {dimensionsTime.TotalSeconds:0.0} s, history {historyTime.TotalSeconds:0.0} s, total {total.TotalSeconds:0.0} s");
        output.WriteLine($"database: {options.Storage.DatabasePath}");
        output.WriteLine("next: `retailsynth validate`, `retailsynth export`, `retailsynth generate facts --days N`");
    }
}
