using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Foundation.Configuration;
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
        FleetUtilisation Fleet,
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
        if (dimensions.Fleet.IsOverloaded)
        {
            LogFleetOverloaded(dimensions.Fleet.Refrigerated, dimensions.Fleet.Dry, dimensions.Fleet.TrucksFor70Percent);
        }

        foreach (var dc in dimensions.Fleet.PerDc.Where(d => d.IsOverloaded))
        {
            LogDcOverloaded(dc.DcId, dc.Refrigerated, dc.Dry, dc.TruckHoursPerDay);
        }

        return new Result(identity, store.CountRows(), dimensions.Fleet, generateTime, writeTime);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dimensions of dataset {DatasetId} written to {Path} (generate {GenerateMs:0} ms, write {WriteMs:0} ms)")]
    private partial void LogWritten(string datasetId, string path, double generateMs, double writeMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DC {DcId}: expected truck utilisation above 0.7 (refrigerated {Refrigerated:0.00}, dry {Dry:0.00}) for {Hours:0.0} truck-hours a day; assign it more trucks (raise RefrigeratedTrucks/DryTrucks or TruckDcAssignmentRate)")]
    private partial void LogDcOverloaded(long dcId, double refrigerated, double dry, double hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expected fleet utilisation is above 0.7 (refrigerated {Refrigerated:0.00}, dry {Dry:0.00}); about {Trucks} trucks per class would meet 0.7")]
    private partial void LogFleetOverloaded(double refrigerated, double dry, int trucks);
}
