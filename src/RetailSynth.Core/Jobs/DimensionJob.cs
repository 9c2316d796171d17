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

    /// <summary>
    /// The dimensions of the dataset: of its one file, of the one region the settings choose, or, for a dataset of
    /// several regions run as a whole, of every region's file in turn and then the dataset catalog over them.
    /// </summary>
    public Result Run(bool force, Action<string> reportStage, CancellationToken cancellationToken)
    {
        // Refused before any file is opened: R × DistributionCenters hubs the 400-mi pass cannot place (scale-out §1).
        RegionHubs.EnsurePlaceable(settings.Simulation, dictionaries);
        return DatasetLayout.IsWholeShardedDataset(settings)
            ? RunEveryRegion(force, reportStage, cancellationToken)
            : RunRegion(settings, force, reportStage, cancellationToken);
    }

    private Result RunEveryRegion(bool force, Action<string> reportStage, CancellationToken cancellationToken)
    {
        var identity = DatasetIdentity.Compute(settings.Simulation, dictionaries);
        var regions = DatasetLayout.EveryRegion(settings);

        // Every refusal before the first write: a one-region dataset where the catalog goes, a region file of another
        // dataset (or region) or with facts, unless forced.
        reportStage("checking the region files");
        DatasetCatalog.EnsureMayBeWritten(settings.Storage.DatabasePath, force);
        foreach (var region in regions.Where(r => File.Exists(r.Storage.DatabasePath)))
        {
            using var database = RetailDatabase.Open(region.Storage.DatabasePath);
            new DimensionStore(database).EnsureDimensionsMayBeWritten(identity, force, region.Storage.Region);
        }

        var results = new List<Result>();
        foreach (var region in regions)
        {
            var index = region.Storage.Region!.Value.Index;
            results.Add(RunRegion(region, force, stage => reportStage($"region {index}: {stage}"), cancellationToken));
        }

        reportStage("writing the dataset catalog");
        DatasetCatalog.Write(settings.Storage.DatabasePath, identity.DatasetId, regions.Count);
        using var catalog = RetailDatabase.OpenReadOnly(settings.Storage.DatabasePath);
        var fleet = new FleetReport(
            [.. results.SelectMany(r => r.Fleet.Routes)], [.. results.SelectMany(r => r.Fleet.PerDc)], [.. results.SelectMany(r => r.Fleet.PoolStartDcIds)]);
        return new Result(
            identity,
            new DimensionStore(catalog).CountRows(),
            fleet,
            TimeSpan.FromTicks(results.Sum(r => r.GenerateTime.Ticks)),
            TimeSpan.FromTicks(results.Sum(r => r.WriteTime.Ticks)));
    }

    /// <summary>One file's dimensions: the dataset's (one region) or one region's (<see cref="StorageOptions.Region"/>).</summary>
    private Result RunRegion(RetailSynthSettings regionSettings, bool force, Action<string> reportStage, CancellationToken cancellationToken)
    {
        var identity = DatasetIdentity.Compute(regionSettings.Simulation, dictionaries);
        var region = DatasetLayout.RegionOf(regionSettings, "dimension generation");

        reportStage("opening database");
        using var database = RetailDatabase.Open(regionSettings.Storage.DatabasePath);
        var store = new DimensionStore(database);
        store.EnsureDimensionsMayBeWritten(identity, force, region);

        reportStage("generating dimensions");
        var clock = Stopwatch.StartNew();
        var dimensions = DimensionGenerator.Generate(regionSettings.Simulation, dictionaries, region);
        var generateTime = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();

        reportStage($"writing {dimensions.Customers.Count + dimensions.Products.Count:N0}+ rows to DuckDB");
        clock.Restart();
        var s = regionSettings.Simulation;
        store.Write(dimensions, identity, s.Profile, s.StartDate, s.Seed, force, cancellationToken);

        // The write emptied the outbox, so its body files belong to nothing.
        OutboxBodyFiles.ForDatabase(database.Path).DeleteAll();
        var writeTime = clock.Elapsed;

        LogWritten(identity.DatasetId, regionSettings.Storage.DatabasePath, generateTime.TotalMilliseconds, writeTime.TotalMilliseconds);
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
