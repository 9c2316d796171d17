using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

public class StatusCommandTests
{
    [Fact]
    public async Task Status_without_a_database_says_how_to_create_one_and_creates_nothing()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("status");
        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("run `retailsynth generate dimensions`", result.Error);
        Assert.False(File.Exists(cli.DatabasePath));
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_not_silently_ignored()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("status", "--bogus", "x");

        Assert.Equal(CliApp.ExitUsage, result.ExitCode);
        Assert.Contains("Unknown option 'bogus'", result.SingleErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_every_dcs_truck_queue_and_route_pools_and_skips_them_for_another_model_version()
    {
        using var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment);
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("generate", "facts", "--days", "4")).ExitCode);
        IReadOnlyList<DcTruckQueue> queues;
        using (var database = RetailDatabase.OpenReadOnly(cli.DatabasePath))
        {
            queues = DcTruckQueueReader.Read(database.Connection)!;
        }

        Assert.NotEmpty(queues);

        var status = await cli.RunAsync("status");

        Assert.Equal(CliApp.ExitOk, status.ExitCode);
        Assert.Contains("pooled lines for a trip", status.Output, StringComparison.Ordinal);
        var rows = status.Output.Split('\n').Where(l => l.Contains(" DC0", StringComparison.Ordinal)).ToList();
        Assert.Equal(queues.Count, rows.Count);
        foreach (var (queue, row) in queues.Zip(rows))
        {
            var cells = row.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            string[] expected =
            [
                $"DC{queue.DcId:000}", $"{queue.QueuedTrips:N0}", $"{queue.QueuedShipments:N0}", Hours(queue.OldestWaitingHours),
                $"{queue.PooledLines:N0}", $"{queue.PooledUnits:N0}", Hours(queue.OldestPooledHours),
            ];
            Assert.Equal(expected, cells);
        }

        using (var database = RetailDatabase.Open(cli.DatabasePath))
        {
            database.Execute("UPDATE sim_state SET model_version = 1; DROP TABLE sim_trips");
        }

        var older = await cli.RunAsync("status");

        Assert.Equal(CliApp.ExitOk, older.ExitCode);
        Assert.Contains("model v1", older.Output, StringComparison.Ordinal);
        Assert.Contains("truck queues: not shown for a dataset of another model version", older.Output, StringComparison.Ordinal);
    }

    private static string Hours(double? hours) => hours is { } h ? $"{h:0.0} h" : "-";
}
