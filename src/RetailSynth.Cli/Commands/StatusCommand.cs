using RetailSynth.Foundation.Errors;
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

        output.WriteLine($"database:  {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MiB)");
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

        var table = new Table().AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (name, rows) in store.CountRows())
        {
            table.AddRow(name, rows.ToString("N0"));
        }

        output.Write(table);
        WriteShipmentQueues(database, state, output);
        return CliApp.ExitOk;
    }

    /// <summary>Per DC, shipments waiting for a truck and the age of the oldest at the end of the last committed day (§13.2).</summary>
    private static void WriteShipmentQueues(RetailDatabase database, DatasetRecord state, IAnsiConsole output)
    {
        if (state.LastCommittedDay is not { } last)
        {
            return;
        }

        using var command = database.Connection.CreateCommand();
        command.CommandText = """
            SELECT dc_id, count(*), min(formed_ts) FROM sim_pending_shipments
            WHERE status = 'QUEUED' GROUP BY dc_id ORDER BY dc_id
            """;
        using var reader = command.ExecuteReader();
        var queues = new Table().AddColumn("DC").AddColumn(new TableColumn("queued shipments").RightAligned()).AddColumn(new TableColumn("oldest waiting").RightAligned());
        var end = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        while (reader.Read())
        {
            var age = end - DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
            queues.AddRow($"DC{reader.GetInt64(0):000}", reader.GetInt64(1).ToString("N0"), $"{age.TotalHours:0.0} h");
        }

        if (queues.Rows.Count == 0)
        {
            output.WriteLine("queued shipments: none");
            return;
        }

        output.WriteLine("queued shipments (waiting for a truck at the end of the last committed day):");
        output.Write(queues);
    }
}
