using System.ComponentModel;
using Microsoft.Extensions.Logging;
using RetailSynth.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

public sealed class GenerateDimensionsCommand(CommandRuntime runtime, StageReporter stages)
    : AsyncCommand<GenerateDimensionsCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--force")]
        [Description("Replace existing dimensions even if facts exist: deletes facts, outbox and simulator state together.")]
        public bool Force { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = runtime.LoadSettings(settings);
        using var logging = runtime.CreateLogging(settings);
        var job = new DimensionJob(options, runtime.Dictionaries, logging.CreateLogger<DimensionJob>());

        var result = await stages.RunAsync("generate dimensions", report =>
            Task.Run(() => job.Run(settings.Force, report, cancellationToken), cancellationToken));

        var output = runtime.Environment.Out;
        output.Write(RowCountTable.Create(result.RowCounts));
        output.WriteLine($"dataset {result.Identity.DatasetId} ({options.Simulation.Profile} profile, seed {options.Simulation.Seed}) written to {options.Storage.DatabasePath}");
        output.WriteLine($"generated in {result.GenerateTime.TotalSeconds:0.00} s, written in {result.WriteTime.TotalSeconds:0.00} s");
        foreach (var dc in result.Fleet.PerDc)
        {
            output.WriteLine($"DC{dc.DcId:000}: {dc.Stores} stores, {dc.Routes} routes, {dc.TripsPerDay:0.00} trips/day, " +
                $"{dc.TruckHoursPerDay:0.0} truck-hours/day, {dc.Trucks} trucks, expected utilisation {dc.Utilisation:0.00}");
        }

        output.WriteLine($"network pool: {result.Fleet.PoolTrucks} POOL trucks");
        return CliApp.ExitOk;
    }
}
