using RetailSynth.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RetailSynth.Cli.Commands;

public sealed class StatusCommand(CommandRuntime runtime) : Command<GlobalSettings>
{
    public override int Execute(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var options = runtime.LoadSettings(settings);
        var path = options.Storage.DatabasePath;
        if (!File.Exists(path))
        {
            throw new RetailSynthException($"There is no database at '{path}' yet; run `retailsynth generate dimensions` to create it.");
        }

        using var database = RetailDatabase.OpenReadOnly(path);
        var store = new DimensionStore(database);
        var state = store.ReadState();
        var output = runtime.Environment.Out;

        var bytes = new FileInfo(path).Length + database.Regions.Sum(r => new FileInfo(r.Path).Length);
        output.WriteLine($"database:  {path} ({bytes / 1024.0 / 1024.0:0.0} MiB){(database.IsCatalog ? $", the dataset catalog over {database.Regions.Count} region files" : string.Empty)}");
        if (state is null)
        {
            output.WriteLine("dataset:   none (no dimensions yet)");
            return CliApp.ExitOk;
        }

        var current = DatasetIdentity.Compute(options.Simulation, runtime.Dictionaries);
        output.WriteLine($"dataset:   {state.DatasetId} (profile {state.Profile}, seed {state.Seed}, model v{state.ModelVersion})" +
            (current.DatasetId == state.DatasetId ? string.Empty : $" — current settings describe {current.DatasetId}; generation is refused until they match"));
        output.WriteLine($"start:     {state.StartDate:yyyy-MM-dd}");
        output.WriteLine($"watermark: {(state.LastCommittedDay is { } day ? day.ToString("yyyy-MM-dd") : "no facts yet")}");
        foreach (var region in database.Regions)
        {
            // A catalog's watermark is the latest region's; each region commits its own days.
            output.WriteLine($"region {region.Index}:  watermark {(region.LastCommittedDay is { } last ? last.ToString("yyyy-MM-dd") : "no facts yet")}, {region.Path}");
        }

        output.Write(RowCountTable.Create(store.CountRows()));
        WriteTruckQueues(database, output);
        return CliApp.ExitOk;
    }

    /// <summary>Per DC, the truck queue and route pools at the end of the last committed day (data-model §13.2).</summary>
    private static void WriteTruckQueues(RetailDatabase database, IAnsiConsole output)
    {
        var queues = DcTruckQueueReader.Read(database.Connection);
        if (queues is null)
        {
            output.WriteLine($"truck queues: not shown for a dataset of another model version (this build reads model v{DatasetIdentity.ModelVersion})");
            return;
        }

        var table = new Table()
            .AddColumn("DC")
            .AddColumn(new TableColumn("queued trips").RightAligned())
            .AddColumn(new TableColumn("queued shipments").RightAligned())
            .AddColumn(new TableColumn("oldest waiting").RightAligned())
            .AddColumn(new TableColumn("pooled lines").RightAligned())
            .AddColumn(new TableColumn("pooled units").RightAligned())
            .AddColumn(new TableColumn("oldest pooled").RightAligned());
        foreach (var queue in queues)
        {
            table.AddRow(
                $"DC{queue.DcId:000}",
                queue.QueuedTrips.ToString("N0"),
                queue.QueuedShipments.ToString("N0"),
                Hours(queue.OldestWaitingHours),
                queue.PooledLines.ToString("N0"),
                queue.PooledUnits.ToString("N0"),
                Hours(queue.OldestPooledHours));
        }

        output.WriteLine("truck queues (queued shipments wait for a truck, pooled lines for a trip; ages at the end of the last committed day):");
        output.Write(table);
    }

    private static string Hours(double? hours) => hours is { } h ? $"{h:0.0} h" : "-";
}
