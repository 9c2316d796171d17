using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

public class OutboxDrainCommandTests
{
    private static CliRunner TinyWorld()
    {
        var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment, "2024-03-01", stores: 2, extra: new Dictionary<string, string?>
        {
            ["CustomersPerStoreDay"] = "20",
            ["OnlineOrdersPerDay"] = "100",
        });
        cli.Environment["RETAILSYNTH__Streaming__BatchSize"] = "100";
        return cli;
    }

    private static long EventLines(CliRunner cli) =>
        Directory.Exists(cli.File("data/events")) ? Directory.GetFiles(cli.File("data/events"), "*.ndjson").Sum(f => File.ReadLines(f).LongCount()) : 0;

    [Fact]
    public async Task Drain_sends_every_pending_event_without_a_new_day_and_exits_0_with_counts()
    {
        using var cli = TinyWorld();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        // A rate-capped stream stopped after a moment leaves most of its first day pending.
        var stream = await cli.RunAsync("stream", "--duration", "8s", "--max-events-per-second", "100");
        Assert.Equal(0, stream.ExitCode);
        long pending;
        DateOnly? watermark;
        using (var database = RetailDatabase.Open(cli.DatabasePath))
        {
            pending = Storage.Outbox.OutboxStore.For(database).CountPending();
            watermark = OutboxWatermark(database);
        }

        Assert.True(pending > 0, "the stream left nothing pending");
        var linesBefore = EventLines(cli);

        var result = await cli.RunAsync("outbox", "drain");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Drained: {pending:N0} events sent; outbox: 0 pending", result.Error, StringComparison.Ordinal);
        Assert.Equal(linesBefore + pending, EventLines(cli));
        using (var database = RetailDatabase.Open(cli.DatabasePath))
        {
            Assert.Equal(0, Storage.Outbox.OutboxStore.For(database).CountPending());
            Assert.Equal(watermark, OutboxWatermark(database)); // no new day
        }

        var again = await cli.RunAsync("outbox", "drain");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("The outbox is empty: nothing to drain", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drain_of_an_empty_outbox_says_so_and_exits_0()
    {
        using var cli = TinyWorld();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        var result = await cli.RunAsync("outbox", "drain", "--sink", "stdout");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("The outbox is empty: nothing to drain", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    private static DateOnly? OutboxWatermark(RetailDatabase database) =>
        Storage.Outbox.OutboxStore.For(database).ReadWatermark();
}
