using RetailSynth.Core.Tests.Engine.Simulation;
using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Events;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Storage;

public class DayWriterTests
{
    private static EncodedEvent Event(DateOnly day, int rank) => new(
        ((long)(day.DayNumber - new DateOnly(2024, 1, 1).DayNumber) << 32) + rank,
        Guid.Parse($"00000000-0000-5000-8000-{rank:000000000000}"),
        day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
        day,
        "receipt_created",
        "store-1",
        null,
        default,
        new BodyLocation(rank * 2L, 2));

    [Fact]
    public void Outbox_rows_commit_with_their_day_and_an_unfinished_day_leaves_neither_facts_nor_events()
    {
        using var folder = new TempFolder();
        var settings = ReducedWorld.Settings(folder.File("db.duckdb"));
        new RetailSynth.Jobs.DimensionJob(settings, ReducedWorld.Dictionaries, Microsoft.Extensions.Logging.Abstractions.NullLogger<RetailSynth.Jobs.DimensionJob>.Instance)
            .Run(false, _ => { }, CancellationToken.None);
        var simulator = SimulationFixture.Simulator(settings.Simulation);
        var state = simulator.CreateInitialState();
        var first = settings.Simulation.StartDate;
        var committed = new List<DateOnly>();

        using (var database = RetailDatabase.Open(settings.Storage.DatabasePath))
        using (var writer = new DayWriter(database, c => committed.Add(c.Day)))
        {
            writer.BeginDay(first, simulator.World.NodeZones.ForDay(first));
            // Day 1's sales that get returned later go to day 2, as the day pipeline hands them on.
            var sales = simulator.Run(first, state, new Dictionary<string, SaleForReturn>(), writer.AppendHour, CancellationToken.None)
                .ToDictionary(s => s.ReceiptIdExt, StringComparer.Ordinal);
            writer.AppendOutbox([Event(first, 0), Event(first, 1)]);
            writer.CommitDay(first, state.Snapshot());

            // The second day gets its facts and events, but never its end: as after Ctrl-C or a crash.
            var second = first.AddDays(1);
            writer.BeginDay(second, simulator.World.NodeZones.ForDay(second));
            simulator.Run(second, state, sales, writer.AppendHour, CancellationToken.None);
            writer.AppendOutbox([Event(second, 0)]);
            writer.Complete();
        }

        Assert.Equal([first], committed);
        using var reopened = RetailDatabase.Open(settings.Storage.DatabasePath);
        Assert.Equal(2, reopened.Scalar("SELECT count(*) FROM streaming_outbox"));
        Assert.Equal(2, reopened.Scalar("SELECT count(*) FROM streaming_outbox WHERE status = 'pending' AND sim_day = DATE '2024-01-01'"));
        Assert.Equal(0, reopened.Scalar("SELECT count(*) FROM fact_receipts WHERE event_ts >= TIMESTAMP '2024-01-02'"));
        Assert.True(reopened.Scalar("SELECT count(*) FROM fact_receipts") > 0);
        Assert.Equal(1, reopened.Scalar("SELECT count(*) FROM sim_state WHERE last_committed_day = DATE '2024-01-01'"));
    }

    [Fact]
    public void Historical_generation_never_writes_the_outbox()
    {
        using var folder = new TempFolder();
        var settings = ReducedWorld.Settings(folder.File("db.duckdb"));
        ReducedWorld.Generate(settings, 2);
        using var database = RetailDatabase.Open(settings.Storage.DatabasePath);
        Assert.True(database.Scalar("SELECT count(*) FROM fact_receipts") > 0);
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM streaming_outbox"));
    }
}
