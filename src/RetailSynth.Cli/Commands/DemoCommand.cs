using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Report;
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
        // Every setting, the new start date included, is validated before retailsynth.json is rewritten.
        var startDate = settings.StartDate is { } text ? ResolveStartDate(text) : (DateOnly?)null;
        var options = runtime.LoadSettings(
            settings, startDate is { } date ? new Dictionary<string, string?> { ["Simulation:StartDate"] = Format(date) } : null);
        if (startDate is { } written)
        {
            WriteStartDate(settings, written);
        }

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

        var streamTime = await StreamOneDay(options, logging, cancellationToken);
        Summarise(options, dimensionsTime, historyTime, streamTime, total.Elapsed);
        return CliApp.ExitOk;
    }

    /// <summary>
    /// The day after the history goes through the outbox to the file sink (whatever sink is configured: the demo
    /// needs no account). Skipped when it was streamed by an earlier run.
    /// </summary>
    private async Task<TimeSpan> StreamOneDay(RetailSynthSettings options, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var streamed = CommittedDays(options) > HistoryDays;
        await using var streaming = runtime.CreateStreaming(options with { Streaming = FileSinkAtMaxPace(options.Streaming) }, logging);
        if (streamed && streaming.GetOutboxStatus().BacklogEvents == 0)
        {
            return TimeSpan.Zero;
        }

        var clock = Stopwatch.StartNew();
        runtime.Environment.Error.WriteLine($"demo: streaming one day through the outbox to {options.Streaming.File.Directory}");
        streaming.Start(new Jobs.Streaming.StreamRequest(Days: 1));
        using (cancellationToken.Register(() => _ = streaming.StopAsync(CancellationToken.None)))
        {
            await streaming.WaitAsync(CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (streaming.LastError is { } error)
        {
            throw new RetailSynthException($"The demo's stream failed: {error}");
        }

        return clock.Elapsed;
    }

    private static StreamingOptions FileSinkAtMaxPace(StreamingOptions configured)
    {
        var options = configured.Copy();
        options.Sink = SinkKind.File;
        options.Pacing = PacingMode.Max;
        options.MaxEventsPerSecond = null;
        return options;
    }

    private DateOnly ResolveStartDate(string startDate) => startDate == "live"
        ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-HistoryDays)
        : DateOnly.ParseExact(startDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Writes the start date into retailsynth.json (keeping every other setting) so the dataset can be reproduced.</summary>
    private void WriteStartDate(Settings settings, DateOnly date)
    {
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

        simulation["StartDate"] = Format(date);
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

    private void Summarise(RetailSynthSettings options, TimeSpan dimensionsTime, TimeSpan historyTime, TimeSpan streamTime, TimeSpan total)
    {
        using var database = RetailDatabase.Open(options.Storage.DatabasePath);
        var state = new DimensionStore(database).ReadState()!;
        var table = RowCountTable.Create(DatasetTables.Dimensions.Concat(DatasetTables.Facts)
            .Select(name => KeyValuePair.Create(name, database.Scalar($"SELECT count(*) FROM {name}"))));

        var events = new Table().AddColumn("event type").AddColumn(new TableColumn("events sent").RightAligned());
        database.Connection.ForEachRow(
            $"SELECT event_type, sum(sent)::BIGINT FROM {DatasetTables.SentStats} GROUP BY event_type ORDER BY event_type",
            reader => events.AddRow(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture)));

        var output = runtime.Environment.Out;
        output.Write(table);
        output.Write(events);
        output.WriteLine($"dataset {state.DatasetId} ({state.Profile} profile, seed {state.Seed}): {state.StartDate:yyyy-MM-dd} … {state.LastCommittedDay:yyyy-MM-dd}");
        output.WriteLine($"timings: dimensions {dimensionsTime.TotalSeconds:0.0} s, history {historyTime.TotalSeconds:0.0} s, stream {streamTime.TotalSeconds:0.0} s, total {total.TotalSeconds:0.0} s");
        // The demo's week is a short horizon: the headline says which bands it could judge (realism.md).
        output.WriteLine(ReportCommand.Headline(new RealismScorecard().Run(database.Connection)));
        output.WriteLine($"database: {options.Storage.DatabasePath}");
        output.WriteLine($"events: {options.Streaming.File.Directory} (NDJSON, one file per simulated day)");
        output.WriteLine("next: `retailsynth validate`, `retailsynth report`, `retailsynth export`, `retailsynth stream --duration 1m`, `retailsynth serve`");
    }
}
