using System.Diagnostics;
using RetailSynth.Cli.Commands;
using RetailSynth.Foundation.Errors;
using RetailSynth.Storage;
using Spectre.Console;

namespace RetailSynth.Cli.Workers;

/// <summary>
/// <c>generate facts</c> over a dataset of several regions (scale-out §4): one worker process per region
/// (<c>generate facts --region r</c>, the command a pod runs), at most <c>--workers</c> at once, then the dataset catalog
/// rebuilt over the region files. A region's days depend on nothing but the region, so the order workers run or finish in
/// never changes the data.
/// </summary>
internal sealed class RegionWorkersRun(CommandRuntime runtime)
{
    /// <summary>A worker is a simulator and a DuckDB writer: about two cores each.</summary>
    public static int DefaultWorkers => Math.Max(1, Environment.ProcessorCount / 2);

    public async Task<int> RunAsync(GenerateFactsCommand.Settings command, RetailSynthSettings settings, CancellationToken cancellationToken)
    {
        var environment = runtime.Environment;
        var regions = Enumerable.Range(0, settings.Simulation.Regions).ToList();
        var plan = new RegionWorkersPlan(
            Math.Min(command.Workers ?? DefaultWorkers, regions.Count),
            command.DaysText is { } days ? ["--days", days] : ["--to", command.To!],
            runtime.FullConfigFilePath(command),
            command.Verbose,
            environment.Variables);
        environment.Error.WriteLine(
            $"Generating {regions.Count} regions, {plan.Workers} at a time, each in its own process; each day is committed on its own, Ctrl-C keeps every finished day.");

        var clock = Stopwatch.StartNew();
        var lastDay = await new RegionProgressDisplay(environment).RunAsync(
            regions, report => GenerateAsync(settings, plan, report, watch: null, cancellationToken));
        clock.Stop();

        var output = environment.Out;
        foreach (var region in regions)
        {
            output.WriteLine(lastDay.TryGetValue(region, out var day)
                ? $"region {region}: {day.DaysDone} days to {day.Day:yyyy-MM-dd}, {day.TotalRows:N0} rows"
                : $"region {region}: no day to generate");
        }

        var rows = lastDay.Values.Sum(d => d.TotalRows);
        output.WriteLine(
            $"{lastDay.Values.Sum(d => d.DaysDone)} region-days, {rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s ({rows / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} rows/s) " +
            $"by {plan.Workers} workers into {regions.Count} region files, read as one through the dataset catalog {settings.Storage.DatabasePath}");
        return CliApp.ExitOk;
    }

    /// <summary>
    /// Runs every region's worker (<c>generate facts --region r</c>) through the pool as <paramref name="plan"/> says,
    /// then rebuilds the dataset catalog over the region files whatever happened. A run that was cancelled throws; one
    /// whose worker was refused or kept dying is refused with that region's line. Returns each region's last committed
    /// day of this run (a region with nothing to generate has none). The CLI and the region scaling bench both run here.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, DayProgressLine.CommittedDay>> GenerateAsync(
        RetailSynthSettings settings, RegionWorkersPlan plan, Action<RegionProgress> report, IRegionWorkerWatch? watch, CancellationToken cancellationToken)
    {
        var catalogPath = settings.Storage.DatabasePath;
        var regions = Enumerable.Range(0, settings.Simulation.Regions).ToList();
        var lastDay = new Dictionary<int, DayProgressLine.CommittedDay>();
        var pool = new RegionWorkerPool(SelfLaunch.Current(), plan.Workers, runtime.Environment.WorkingDirectory, plan.Variables, watch);
        var outcomes = await pool.RunAsync(
            regions,
            region => WorkerArguments(plan, catalogPath, region),
            progress =>
            {
                if (progress.Day is { } day)
                {
                    lastDay[progress.Region] = day;
                }

                report(progress);
            },
            cancellationToken);

        // Rebuilt whatever happened: the views read the region files, so every committed day shows through them.
        if (regions.TrueForAll(r => File.Exists(DatasetLayout.RegionFile(catalogPath, r))))
        {
            DatasetCatalog.Write(catalogPath, DatasetIdentity.Compute(settings.Simulation, runtime.Dictionaries).DatasetId, regions.Count);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (outcomes.FirstOrDefault(o => !o.Succeeded && o.ExitCode != CliApp.ExitCancelled) is { } failed)
        {
            throw new RefusedException(failed.Restarts == RegionWorkerPool.MaxRestarts && failed.ExitCode is not (CliApp.ExitFailed or CliApp.ExitUsage)
                ? $"region {failed.Region}: its worker died {failed.Restarts + 1} times (last exit code {failed.ExitCode}){(failed.LastError is { } e ? $": {e}" : string.Empty)}; every day it committed is kept, run the command again to resume"
                : $"region {failed.Region}: {failed.LastError ?? $"its worker ended with exit code {failed.ExitCode}"}");
        }

        return lastDay;
    }

    /// <summary>The child's command line: <c>generate facts</c> for one region, with the plan's range, files and verbosity.</summary>
    private static List<string> WorkerArguments(RegionWorkersPlan plan, string catalogPath, int region)
    {
        List<string> arguments = ["generate", "facts", "--region", region.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        arguments.AddRange(plan.Range);
        if (plan.ConfigFile is { } config)
        {
            arguments.AddRange(["--config", config]);
        }

        arguments.AddRange(["--database", catalogPath]);
        if (plan.Verbose)
        {
            arguments.Add("--verbose");
        }

        return arguments;
    }
}
