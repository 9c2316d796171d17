using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Core.Tests.Jobs.Validation;
using RetailSynth.Jobs;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Storage;

public class DcTruckQueueReaderTests(ValidationDatasetFixture dataset) : IClassFixture<ValidationDatasetFixture>
{
    private const string DayEnd = "(SELECT CAST(last_committed_day AS TIMESTAMP) + INTERVAL 1 DAY FROM sim_state)";

    [Fact]
    public void An_empty_database_has_no_dc_to_report()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("empty.duckdb"));

        Assert.Empty(DcTruckQueueReader.Read(database.Connection)!);
    }

    [Fact]
    public void Dimensions_without_days_list_every_dc_with_nothing_waiting_and_no_age()
    {
        using var folder = new TempFolder();
        var settings = ReducedWorld.Settings(folder.File("dimensions.duckdb"));
        new DimensionJob(settings, ReducedWorld.Dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, CancellationToken.None);
        using var database = RetailDatabase.OpenReadOnly(settings.Storage.DatabasePath);

        var queues = DcTruckQueueReader.Read(database.Connection)!;

        Assert.Equal(database.Scalar("SELECT count(*) FROM dim_distribution_centers"), queues.Count);
        Assert.All(queues, q => Assert.Equal(new DcTruckQueue(q.DcId, 0, 0, null, 0, 0, null), q));
    }

    [Fact]
    public void A_queued_trip_and_pooled_lines_count_at_their_dc_with_ages_to_the_end_of_the_last_committed_day()
    {
        using var database = dataset.OpenCopy();
        var before = DcTruckQueueReader.Read(database.Connection)!.Single(q => q.DcId == 1);
        database.Execute($"""
            INSERT INTO sim_trips (trip_id, dc_id, route_id, status, priority, formed_ts, units)
            VALUES ('TRP-20240101-09999', 1, 'R1-1', 'QUEUED', 'NORMAL', {DayEnd} - INTERVAL 60 HOUR, 30);
            INSERT INTO sim_pending_shipments (shipment_id, trip_id, stop_seq, dc_id, store_id, temperature_class, priority, units, formed_ts, status)
            SELECT 'SHP-20240101-0999' || k, 'TRP-20240101-09999', k, 1, k, 'AMBIENT', 'NORMAL', 15, {DayEnd} - INTERVAL 60 HOUR, 'QUEUED' FROM range(1, 3) t(k);
            INSERT INTO sim_open_reorders (reorder_id, store_id, dc_id, route_id, product_id, quantity, allocated, priority, reviewed_ts, pooled_ts)
            VALUES ('RO-TEST-1', 1, 1, 'R1-1', 1, 9, 7, 'NORMAL', {DayEnd} - INTERVAL 51 HOUR, {DayEnd} - INTERVAL 50 HOUR),
                   ('RO-TEST-2', 1, 1, 'R1-1', 2, 5, 5, 'NORMAL', {DayEnd} - INTERVAL 4 HOUR, {DayEnd} - INTERVAL 3 HOUR),
                   ('RO-TEST-3', 1, 1, 'R1-1', 3, 4, NULL, 'NORMAL', {DayEnd} - INTERVAL 90 HOUR, NULL);
            """);

        var after = DcTruckQueueReader.Read(database.Connection)!.Single(q => q.DcId == 1);

        // Nothing waits 48 h in generated data (§13.2 bound 4), so the inserted rows are the oldest.
        Assert.Equal(
            before with
            {
                QueuedTrips = before.QueuedTrips + 1,
                QueuedShipments = before.QueuedShipments + 2,
                OldestWaitingHours = 60.0,
                PooledLines = before.PooledLines + 2,
                PooledUnits = before.PooledUnits + 12,
                OldestPooledHours = 50.0
            },
            after);
    }

    [Fact]
    public void A_dataset_of_another_model_version_is_not_read()
    {
        using var database = dataset.OpenCopy();
        // Model v1 had no trips and no route pools.
        database.Execute("UPDATE sim_state SET model_version = 1; DROP TABLE sim_trips; ALTER TABLE sim_open_reorders DROP COLUMN pooled_ts");

        Assert.Null(DcTruckQueueReader.Read(database.Connection));
    }
}
