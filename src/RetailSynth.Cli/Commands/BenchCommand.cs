using System.ComponentModel;
using System.Text.Json;
using RetailSynth.Cli.Bench;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>
/// <c>retailsynth bench</c>: dimension generation, the simulator alone, end-to-end generation into DuckDB,
/// the raw Appender baseline and the day writer's data chunks alone on the same rows, measured in one run (measurements belong here, not in timed tests).
/// </summary>
public sealed class BenchCommand(CommandRuntime runtime, StageReporter stages) : AsyncCommand<BenchCommand.Settings>
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--profile <NAME>")]
        [Description("Profile to measure: small or large (default large).")]
        public string Profile { get; init; } = "large";

        [CommandOption("--days <N>")]
        [Description("Simulated days to generate (default 3).")]
        public int Days { get; init; } = 3;

        [CommandOption("--streaming")]
        [Description("Measure streaming instead: days through outbox, relay and file sink at max pacing; outbox overhead; body costs.")]
        public bool Streaming { get; init; }

        [CommandOption("--json <FILE>")]
        [Description("Also write the results as JSON to this file.")]
        public string? Json { get; init; }

        public override ValidationResult Validate() =>
            Days < 1 ? ValidationResult.Error($"--days must be at least 1, got {Days}.") : ValidationResult.Success();

        public override IReadOnlyDictionary<string, string?> ConfigurationOverrides() =>
            WithOverrides(base.ConfigurationOverrides(), ("Simulation:Profile", Profile));
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = runtime.LoadSettings(settings);
        var folder = Path.Combine(Path.GetTempPath(), $"retailsynth-bench-{Environment.ProcessId}");
        if (settings.Streaming)
        {
            return await BenchStreaming(settings, options, folder, cancellationToken);
        }

        var report = await stages.RunAsync($"bench ({options.Simulation.Profile}, {settings.Days} days)", progress =>
            Task.Run(() => GenerationBenchmark.Run(options, runtime.Dictionaries, settings.Days, folder, progress, cancellationToken), cancellationToken));

        var measures = new[] { report.Dimensions, report.EndToEnd, report.SimulatorOnly, report.RawAppenderBaseline, report.DataChunkWriterAlone };
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("rows/s").RightAligned());
        foreach (var m in measures)
        {
            table.AddRow(m.Name, m.Rows.ToString("N0"), m.Seconds.ToString("0.000"), m.RowsPerSecond.ToString("N0"));
        }

        var output = runtime.Environment.Out;
        output.Write(table);
        output.Write(CostTable("row", measures.Select(m => (m.Name, m.Rows, m.Cost))));
        output.WriteLine($"end to end / raw baseline: {report.EndToEndOverBaseline:0.00}");
        output.WriteLine($"end to end / the day writer's data chunks alone: {report.EndToEnd.RowsPerSecond / report.DataChunkWriterAlone.RowsPerSecond:0.00}");
        output.WriteLine($"seconds per day, end to end: {string.Join(", ", report.SecondsPerDay.Select(s => s.ToString("0.00")))}");
        output.WriteLine($"seconds per day, baseline:   {string.Join(", ", report.BaselineSecondsPerDay.Select(s => s.ToString("0.00")))}");
        var close = report.EndToEndDatabaseClose;
        output.WriteLine($"after end to end, closing its database (the checkpoint): {close.WallSeconds:0.000} s, {close.CpuSeconds:0.000} CPU s (not in the table)");
        output.WriteLine($"peak RSS until end to end finished (dimensions + generation): {report.EndToEndPeakRssMiB:0} MiB; whole bench: {report.PeakRssMiB:0} MiB");
        output.WriteLine($"rows per table: {string.Join(", ", report.RowsPerTable.Select(kv => $"{kv.Key}={kv.Value:N0}"))}");

        if (settings.Json is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(runtime.Environment.WorkingDirectory, settings.Json), JsonSerializer.Serialize(report, s_json), cancellationToken);
        }

        Directory.Delete(folder, recursive: true);
        return CliApp.ExitOk;
    }

    private async Task<int> BenchStreaming(Settings settings, Foundation.Configuration.RetailSynthSettings options, string folder, CancellationToken cancellationToken)
    {
        var report = await stages.RunAsync($"bench --streaming ({options.Simulation.Profile}, {settings.Days} days)", progress =>
            StreamingBenchmark.RunAsync(options, runtime.Dictionaries, settings.Days, folder, progress, cancellationToken));
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("events streamed (file sink, max pacing)", report.Events.ToString("N0"));
        table.AddRow("stream wall time, s", report.StreamSeconds.ToString("0.00"));
        table.AddRow("end to end, events/s (committed and delivered, start-up included)", report.EndToEndEventsPerSecond.ToString("N0"));
        table.AddRow("steady state, events/s (days after the first)", report.SteadyStateEventsPerSecond.ToString("N0"));
        table.AddRow("relay send rate, events/s", report.RelaySendEventsPerSecond.ToString("N0"));
        table.AddRow("same days without outbox (historical), s", report.HistoricalSeconds.ToString("0.00"));
        table.AddRow("same events per historical second", report.HistoricalEventsPerSecondEquivalent.ToString("N0"));
        table.AddRow("stream time / historical time", report.OutboxOverheadRatio.ToString("0.00"));
        table.AddRow("first day: events", report.FirstDayEvents.ToString("N0"));
        table.AddRow("first day: serialise, events/s", report.SerialiseEventsPerSecond.ToString("N0"));
        table.AddRow("first day: outbox append, bodies in a column, s", report.AppendBodyColumnSeconds.ToString("0.00"));
        table.AddRow("first day: outbox append, bodies in a day file (in use), s", report.AppendBodyFileSeconds.ToString("0.00"));
        table.AddRow("first day: outbox append, no bodies (rendered-body bound), s", report.AppendCompactSeconds.ToString("0.00"));
        table.AddRow("average body, bytes", report.AverageBodyBytes.ToString("0"));
        table.AddRow("baseline: the seed's loop (one event per send, 500 ms pause), events/s", report.SeedLoopEventsPerSecond.ToString("0.0"));
        table.AddRow("end to end / seed loop", (report.EndToEndEventsPerSecond / report.SeedLoopEventsPerSecond).ToString("N0"));
        table.AddRow("peak RSS until the stream ended (dimensions + stream), MiB", report.StreamPeakRssMiB.ToString("0"));
        table.AddRow("peak RSS of the whole bench, MiB", report.PeakRssMiB.ToString("0"));
        runtime.Environment.Out.Write(table);
        runtime.Environment.Out.Write(CostTable("event", report.Phases.Select(p => (p.Name, p.Events, p.Cost))));
        foreach (var cycle in report.Cycles)
        {
            runtime.Environment.Out.WriteLine($"{cycle.Day:yyyy-MM-dd}: {cycle.Events:N0} events delivered {cycle.Seconds:0.0} s after the previous day ({cycle.Events / cycle.Seconds:N0} events/s)");
        }

        if (settings.Json is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(runtime.Environment.WorkingDirectory, settings.Json), JsonSerializer.Serialize(report, s_json), cancellationToken);
        }

        Directory.Delete(folder, recursive: true);
        return CliApp.ExitOk;
    }

    /// <summary>
    /// What each phase cost next to its wall time: CPU (user + system, all threads: DuckDB's and the GC's too) and the
    /// cores it kept busy, managed bytes allocated (all threads) in all and per item, GC pauses and collections.
    /// </summary>
    private static Table CostTable(string unit, IEnumerable<(string Name, long Items, PhaseCost Cost)> phases)
    {
        var table = new Table().AddColumn("phase");
        foreach (var column in new[] { "wall s", "cpu s", "cores busy", "allocated MiB", $"B/{unit}", "GC paused s", "gen0/1/2" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var (name, items, cost) in phases)
        {
            table.AddRow(
                Markup.Escape(name),
                cost.WallSeconds.ToString("0.000"),
                cost.CpuSeconds.ToString("0.000"),
                $"{cost.CpuUtilisation:0.00} of {cost.Cores}",
                (cost.AllocatedBytes / 1024.0 / 1024.0).ToString("N1"),
                cost.AllocatedBytesPer(items).ToString("N0"),
                cost.GcPauseSeconds.ToString("0.000"),
                $"{cost.Gen0}/{cost.Gen1}/{cost.Gen2}");
        }

        return table;
    }
}
