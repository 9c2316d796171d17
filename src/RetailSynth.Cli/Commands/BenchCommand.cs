using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RetailSynth.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

/// <summary>
/// <c>retailsynth bench</c>: dimension generation for a profile into a fresh database file, reporting
/// wall time, rows/s and peak RSS (measurements belong here, not in timed tests).
/// </summary>
public sealed class BenchCommand(CommandRuntime runtime, StageReporter stages) : AsyncCommand<BenchCommand.Settings>
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--profile <NAME>")]
        [Description("Profile to measure: small or large (default large).")]
        public string Profile { get; init; } = "large";

        [CommandOption("--json <FILE>")]
        [Description("Also write the results as JSON to this file.")]
        public string? Json { get; init; }

        public override IReadOnlyDictionary<string, string?> ConfigurationOverrides()
        {
            var overrides = new Dictionary<string, string?>(base.ConfigurationOverrides()) { ["Simulation:Profile"] = Profile };
            if (Database is null)
            {
                overrides["Storage:DatabasePath"] = Path.Combine(Path.GetTempPath(), $"retailsynth-bench-{Environment.ProcessId}.duckdb");
            }

            return overrides;
        }
    }

    public sealed record Report(
        string Profile, long Rows, double GenerateSeconds, double WriteSeconds, double TotalSeconds,
        double RowsPerSecond, double PeakRssMiB, IReadOnlyDictionary<string, long> RowsPerTable);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = runtime.LoadSettings(settings);
        var path = options.Storage.DatabasePath;
        DeleteDatabase(path);
        using var logging = runtime.CreateLogging(settings);
        var job = new DimensionJob(options, runtime.Dictionaries, logging.CreateLogger<DimensionJob>());

        try
        {
            var clock = Stopwatch.StartNew();
            var result = await stages.RunAsync($"bench dimensions ({options.Simulation.Profile})", report =>
                Task.Run(() => job.Run(force: false, report, cancellationToken), cancellationToken));
            var total = clock.Elapsed.TotalSeconds;
            var rows = result.RowCounts.Values.Sum();
            var report = new Report(
                options.Simulation.Profile, rows, result.GenerateTime.TotalSeconds, result.WriteTime.TotalSeconds, total,
                rows / total, Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, result.RowCounts);

            var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
            table.AddRow("profile", report.Profile);
            table.AddRow("dimension rows", report.Rows.ToString("N0"));
            table.AddRow("generate (in memory)", $"{report.GenerateSeconds:0.000} s");
            table.AddRow("write (DuckDB Appender, one transaction)", $"{report.WriteSeconds:0.000} s");
            table.AddRow("total wall time", $"{report.TotalSeconds:0.000} s");
            table.AddRow("rows/s end to end", report.RowsPerSecond.ToString("N0"));
            table.AddRow("peak RSS", $"{report.PeakRssMiB:0} MiB");
            runtime.Environment.Out.Write(table);

            if (settings.Json is not null)
            {
                await File.WriteAllTextAsync(
                    Path.Combine(runtime.Environment.WorkingDirectory, settings.Json),
                    JsonSerializer.Serialize(report, s_json),
                    cancellationToken);
            }

            return CliApp.ExitOk;
        }
        finally
        {
            if (settings.Database is null)
            {
                DeleteDatabase(path);
            }
        }
    }

    private static void DeleteDatabase(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }
}
