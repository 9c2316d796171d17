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
        var table = new Table().AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (name, rows) in result.RowCounts)
        {
            table.AddRow(name, rows.ToString("N0"));
        }

        output.Write(table);
        output.WriteLine($"dataset {result.Identity.DatasetId} ({options.Simulation.Profile} profile, seed {options.Simulation.Seed}) written to {options.Storage.DatabasePath}");
        output.WriteLine($"generated in {result.GenerateTime.TotalSeconds:0.00} s, written in {result.WriteTime.TotalSeconds:0.00} s");
        output.WriteLine($"expected fleet utilisation: refrigerated {result.Fleet.Refrigerated:0.00}, dry {result.Fleet.Dry:0.00}" +
            (result.Fleet.Refrigerated > 0.7 || result.Fleet.Dry > 0.7 ? $" (warning: above 0.7; about {result.Fleet.TrucksFor70Percent} trucks per class would meet 0.7)" : string.Empty));
        var busiest = result.Fleet.PerDc.MaxBy(d => Math.Max(d.Refrigerated, d.Dry));
        if (busiest is not null)
        {
            output.WriteLine($"busiest DC: DC{busiest.DcId:000} at {Math.Max(busiest.Refrigerated, busiest.Dry):0.00} ({busiest.TruckHoursPerDay:0.0} truck-hours a day)");
        }

        foreach (var dc in result.Fleet.PerDc.Where(d => d.IsOverloaded))
        {
            output.WriteLine($"warning: DC{dc.DcId:000} expected utilisation refrigerated {dc.Refrigerated:0.00}, dry {dc.Dry:0.00} is above 0.7: its queue will grow; add trucks (RefrigeratedTrucks, DryTrucks, TruckDcAssignmentRate)");
        }
        return CliApp.ExitOk;
    }
}
