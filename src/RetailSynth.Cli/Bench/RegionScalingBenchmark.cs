using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Cli.Workers;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs;
using RetailSynth.Storage;

namespace RetailSynth.Cli.Bench;

/// <summary>
/// <c>retailsynth bench --regions R --workers 1,2,…</c> (scale-out §5): for each worker count W, a fresh dataset of R
/// regions (same settings and seed, so the same rows) whose facts are generated for N days by the same worker pool as
/// <c>generate facts --workers W</c> (<see cref="RegionWorkersRun.GenerateAsync"/>), timed from the first worker start
/// to the last worker end. Dimensions are generated in this process before, timed apart. Each region file is hashed
/// after its run; every W must give the same hashes as one worker.
/// </summary>
/// <remarks>
/// Scaling efficiency is rows/s(W) ÷ (W × rows/s(1)), so one worker is always measured: added first when the list
/// leaves it out. With W not dividing R the last round runs fewer than W workers, which caps the efficiency at
/// R ÷ (W × ⌈R ÷ W⌉); the report gives that ceiling beside it.
/// </remarks>
internal sealed class RegionScalingBenchmark(CommandRuntime runtime)
{
    /// <summary>The target of scale-out §5: at least this efficiency up to <see cref="TargetUpToWorkers"/> workers.</summary>
    public const double TargetEfficiency = 0.8;

    /// <summary>A worker is a simulator and a DuckDB writer: about two cores, so the target holds up to cores / 2.</summary>
    public static int TargetUpToWorkers(int cores) => Math.Max(1, cores / 2);

    /// <summary>One worker count's run.</summary>
    public sealed record Run(
        int Workers,
        bool AddedAsBaseline,
        double DimensionSeconds,
        double WallSeconds,
        long Rows,
        double RowsPerSecond,
        double ScalingEfficiency,
        double EfficiencyCeiling,
        double? PeakRssMiBPerWorker,
        IReadOnlyList<long> RowsByRegion,
        IReadOnlyList<double?> PeakRssMiBByRegion,
        IReadOnlyList<string> RegionHashes);

    public sealed record Report(
        string Profile,
        int Days,
        int Regions,
        int Cores,
        double TargetEfficiency,
        int TargetUpToWorkers,
        IReadOnlyList<Run> Runs,
        bool DataEqual,
        string? DataMismatch,
        string ClosingNote);

    /// <summary>What one run measured, before it is compared with one worker's.</summary>
    private sealed record Measured(
        int Workers, bool AddedAsBaseline, double DimensionSeconds, double WallSeconds, IReadOnlyList<long> RowsByRegion,
        IReadOnlyList<double?> PeakRssMiBByRegion, IReadOnlyList<string> RegionHashes);

    /// <summary>The worker counts in the order they run: one first when the list leaves it out.</summary>
    public static IReadOnlyList<(int Workers, bool Added)> Plan(IReadOnlyList<int> workerCounts) =>
        workerCounts.Contains(1) ? [.. workerCounts.Select(w => (w, false))] : [(1, true), .. workerCounts.Select(w => (w, false))];

    public async Task<Report> RunAsync(
        GlobalSettings command, RetailSynthSettings settings, IReadOnlyList<int> workerCounts, int days, string folder, Action<string> progress,
        CancellationToken cancellationToken)
    {
        var measured = new List<Measured>();
        foreach (var (workers, added) in Plan(workerCounts))
        {
            measured.Add(await MeasureAsync(command, settings, workers, added, days, Path.Combine(folder, $"workers-{workers}"), progress, cancellationToken));
        }

        return Summarise(settings.Simulation.Profile, days, settings.Simulation.Regions, Environment.ProcessorCount, measured);
    }

    private async Task<Measured> MeasureAsync(
        GlobalSettings command, RetailSynthSettings settings, int workers, bool added, int days, string folder, Action<string> progress,
        CancellationToken cancellationToken)
    {
        var regions = settings.Simulation.Regions;
        var catalog = Path.Combine(folder, "data", "retail.duckdb");
        var runSettings = settings with { Storage = new StorageOptions { DatabasePath = catalog } };
        try
        {
            progress($"{workers} worker(s): dimensions of {regions} regions (timed apart)");
            var clock = Stopwatch.StartNew();
            new DimensionJob(runSettings, runtime.Dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, cancellationToken);
            var dimensionSeconds = clock.Elapsed.TotalSeconds;

            var plan = new RegionWorkersPlan(
                workers,
                ["--days", days.ToString(CultureInfo.InvariantCulture)],
                runtime.FullConfigFilePath(command),
                Verbose: false,
                WorkerVariables(runtime.Environment.Variables, settings));
            IReadOnlyDictionary<int, DayProgressLine.CommittedDay> lastDay;
            await using (var meter = new WorkerMeter())
            {
                lastDay = await new RegionWorkersRun(runtime).GenerateAsync(
                    runSettings,
                    plan,
                    p =>
                    {
                        meter.Sample();
                        if (p.Day is { } day)
                        {
                            progress($"{workers} worker(s): region {p.Region}: day {day.Day:yyyy-MM-dd} ({day.DaysDone}/{day.DaysTotal}), {day.DayRows:N0} rows");
                        }
                        else
                        {
                            progress($"{workers} worker(s): region {p.Region}: the worker died (exit code {p.ExitCode}), restarted ({p.Restart}/{RegionWorkerPool.MaxRestarts})");
                        }
                    },
                    meter,
                    cancellationToken);
                var wall = meter.Span.TotalSeconds;
                var peaks = meter.PeakRssMiB;

                var rowsByRegion = new List<long>();
                var hashes = new List<string>();
                for (var r = 0; r < regions; r++)
                {
                    if (!lastDay.TryGetValue(r, out var last) || last.DaysDone != days)
                    {
                        throw new RetailSynthException($"bench: region {r} committed {(lastDay.TryGetValue(r, out var l) ? l.DaysDone : 0)} of {days} days with {workers} worker(s)");
                    }

                    progress($"{workers} worker(s): hashing region {r} (not timed)");
                    using var database = RetailDatabase.OpenReadOnly(DatasetLayout.ForRegion(runSettings, r).Storage.DatabasePath);
                    rowsByRegion.Add(last.TotalRows);
                    hashes.Add(DatasetHasher.Hash(database, DatasetTables.Hashed));
                }

                return new Measured(
                    workers, added, dimensionSeconds, wall, rowsByRegion,
                    [.. Enumerable.Range(0, regions).Select(r => peaks.TryGetValue(r, out var mib) ? mib : (double?)null)],
                    hashes);
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// The workers' environment: this process's, with the bench's own choices (profile, regions) as
    /// <c>RETAILSYNTH__</c> variables, which rank above the configuration file, so the children load the settings this
    /// process loaded. Any spelling of those keys already there is replaced too (configuration keys ignore case).
    /// </summary>
    internal static Dictionary<string, string?> WorkerVariables(IReadOnlyDictionary<string, string?> environment, RetailSynthSettings settings)
    {
        var variables = new Dictionary<string, string?>(environment);
        foreach (var (key, value) in new[]
        {
            ("Simulation__Profile", settings.Simulation.Profile),
            ("Simulation__Regions", settings.Simulation.Regions.ToString(CultureInfo.InvariantCulture)),
        })
        {
            var name = SettingsSources.EnvironmentPrefix + key;
            foreach (var spelling in variables.Keys.Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                variables[spelling] = value;
            }

            variables[name] = value;
        }

        return variables;
    }

    /// <summary>Figures per worker count against one worker's, and the data check: every region's hash equal across W.</summary>
    private static Report Summarise(string profile, int days, int regions, int cores, IReadOnlyList<Measured> measured)
    {
        var one = measured.Single(m => m.Workers == 1);
        var oneRowsPerSecond = RowsPerSecond(one);
        var runs = measured.Select(m => new Run(
            m.Workers,
            m.AddedAsBaseline,
            m.DimensionSeconds,
            m.WallSeconds,
            m.RowsByRegion.Sum(),
            RowsPerSecond(m),
            ScalingEfficiency(RowsPerSecond(m), m.Workers, oneRowsPerSecond),
            EfficiencyCeiling(regions, m.Workers),
            m.PeakRssMiBByRegion.Max(),
            m.RowsByRegion,
            m.PeakRssMiBByRegion,
            m.RegionHashes)).ToList();
        var mismatch = DataMismatch(runs);
        var upTo = TargetUpToWorkers(cores);
        return new Report(
            profile, days, regions, cores, TargetEfficiency, upTo, runs, mismatch is null, mismatch,
            string.Create(CultureInfo.InvariantCulture, $"on {cores} cores: target ≥ {TargetEfficiency:0.0} up to {cores} / 2 = {upTo} worker(s) (a worker is a simulator and a DuckDB writer, about two cores)"));
    }

    private static double RowsPerSecond(Measured m) => m.WallSeconds > 0 ? m.RowsByRegion.Sum() / m.WallSeconds : 0;

    /// <summary>rows/s with W workers ÷ (W × rows/s with one): 1.0 is perfect scaling.</summary>
    public static double ScalingEfficiency(double rowsPerSecond, int workers, double oneWorkerRowsPerSecond) =>
        oneWorkerRowsPerSecond > 0 ? rowsPerSecond / (workers * oneWorkerRowsPerSecond) : 0;

    /// <summary>The best efficiency R regions allow W workers: the last round of ⌈R ÷ W⌉ may run fewer than W.</summary>
    public static double EfficiencyCeiling(int regions, int workers) =>
        (double)regions / (workers * (int)Math.Ceiling((double)regions / workers));

    /// <summary>The first difference from one worker's run (rows or a region's hash), or null when every run is equal.</summary>
    public static string? DataMismatch(IReadOnlyList<Run> runs)
    {
        var one = runs.First(r => r.Workers == 1);
        foreach (var run in runs.Where(r => r.Workers != 1))
        {
            for (var r = 0; r < one.RegionHashes.Count; r++)
            {
                if (run.RowsByRegion[r] != one.RowsByRegion[r] || !string.Equals(run.RegionHashes[r], one.RegionHashes[r], StringComparison.Ordinal))
                {
                    return $"region {r} differs between 1 worker ({one.RowsByRegion[r]:N0} rows, hash {one.RegionHashes[r][..12]}…) " +
                        $"and {run.Workers} workers ({run.RowsByRegion[r]:N0} rows, hash {run.RegionHashes[r][..12]}…): the same settings must give the same data";
                }
            }
        }

        return null;
    }
}
