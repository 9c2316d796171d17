using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Reference;
using RetailSynth.Storage;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Jobs;

/// <summary>
/// <c>generate dimensions</c>: check the database may take them, build them in memory, write them
/// in one transaction. Shared by the CLI and (later) the server.
/// </summary>
public sealed partial class DimensionJob(RetailSynthSettings settings, ReferenceDictionaries dictionaries, ILogger<DimensionJob> logger)
{
    public sealed record Result(
        DatasetIdentity Identity,
        IReadOnlyDictionary<string, long> RowCounts,
        FleetReport Fleet,
        TimeSpan GenerateTime,
        TimeSpan WriteTime);

    public Result Run(bool force, Action<string> reportStage, CancellationToken cancellationToken)
    {
        var identity = DatasetIdentity.Compute(settings.Simulation, dictionaries);

        reportStage("opening database");
        using var database = RetailDatabase.Open(settings.Storage.DatabasePath);
        var store = new DimensionStore(database);
        store.EnsureDimensionsMayBeWritten(identity, force);

        reportStage("generating dimensions");
        var clock = Stopwatch.StartNew();
        var dimensions = DimensionGenerator.Generate(settings.Simulation, dictionaries);
        var generateTime = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();

        reportStage($"writing {dimensions.Customers.Count + dimensions.Products.Count:N0}+ rows to DuckDB");
        clock.Restart();
        var s = settings.Simulation;
        store.Write(dimensions, identity, s.Profile, s.StartDate, s.Seed, force, cancellationToken);

        // The write emptied the outbox, so its body files belong to nothing.
        OutboxBodyFiles.ForDatabase(database.Path).DeleteAll();
        var writeTime = clock.Elapsed;

        LogWritten(identity.DatasetId, settings.Storage.DatabasePath, generateTime.TotalMilliseconds, writeTime.TotalMilliseconds);
        foreach (var dc in dimensions.Fleet.PerDc)
        {
            LogDcFleet(dc.DcId, dc.Stores, dc.Routes, dc.TripsPerDay, dc.TruckHoursPerDay, dc.Trucks, dc.Utilisation);
        }

        LogPool(dimensions.Fleet.PoolTrucks);
        return new Result(identity, store.CountRows(), dimensions.Fleet, generateTime, writeTime);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dimensions of dataset {DatasetId} written to {Path} (generate {GenerateMs:0} ms, write {WriteMs:0} ms)")]
    private partial void LogWritten(string datasetId, string path, double generateMs, double writeMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "DC {DcId}: {Stores} stores on {Routes} routes, {Trips:0.00} trips and {Hours:0.0} truck-hours a day expected, {Trucks} trucks, expected utilisation {Utilisation:0.00}")]
    private partial void LogDcFleet(long dcId, int stores, int routes, double trips, double hours, int trucks, double utilisation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Network pool: {PoolTrucks} POOL trucks")]
    private partial void LogPool(int poolTrucks);
}
