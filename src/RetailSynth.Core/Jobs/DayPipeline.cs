using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Reference;
using RetailSynth.Storage;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Jobs;

/// <summary>
/// The simulator continuing from the database's watermark: the world rebuilt from the settings, the state after the
/// last committed day and the sales awaiting a return. Shared by historical generation and streaming, so a day
/// streamed is the same day history would have produced (streaming.md §1).
/// </summary>
internal sealed class DayPipeline
{
    private readonly DaySimulator _simulator;
    private readonly SimulationState _state;
    private readonly Dictionary<string, SaleForReturn> _sales;

    private DayPipeline(DaySimulator simulator, SimulationState state, Dictionary<string, SaleForReturn> sales, DatasetRecord stored)
    {
        _simulator = simulator;
        _state = state;
        _sales = sales;
        Stored = stored;
        NextDay = stored.LastCommittedDay?.AddDays(1) ?? stored.StartDate;
    }

    public DatasetRecord Stored { get; }

    /// <summary>The next day to simulate: the day after the last one handed to <see cref="Produce"/>.</summary>
    public DateOnly NextDay { get; private set; }

    public static DayPipeline Load(RetailSynthSettings settings, ReferenceDictionaries dictionaries, RetailDatabase database)
    {
        var stored = RequireDataset(settings, dictionaries, database);
        var dimensions = DimensionGenerator.Generate(settings.Simulation, dictionaries, DatasetLayout.RegionOf(settings, "the simulation"));
        var simulator = new DaySimulator(new SimulationWorld(settings.Simulation, dimensions, dictionaries), settings.Performance.MaxDegreeOfParallelism);
        var state = stored.LastCommittedDay is null
            ? simulator.CreateInitialState()
            : SimulationStateStore.Load(database.Connection, simulator.World, stored.LastCommittedDay);
        return new DayPipeline(simulator, state, ReturnSalesReader.Load(database.Connection, state), stored);
    }

    /// <summary>The database's dataset, refused when missing or produced by other settings.</summary>
    public static DatasetRecord RequireDataset(RetailSynthSettings settings, ReferenceDictionaries dictionaries, RetailDatabase database)
    {
        var region = DatasetLayout.RegionOf(settings, "the simulation");
        var stored = new DimensionStore(database).ReadState()
            ?? throw new RefusedException(RefusalReason.NoDimensions, $"The database '{database.Path}' has no dimensions yet", "; generate them first.");
        var identity = DatasetIdentity.Compute(settings.Simulation, dictionaries);
        if (stored.DatasetId != identity.DatasetId)
        {
            throw new RefusedException(
                RefusalReason.DatasetMismatch,
                $"The database '{database.Path}' holds dataset {stored.DatasetId}, but the current settings describe dataset {identity.DatasetId}; generation never mixes datasets",
                ": use the settings the database was created with, or another database file.");
        }

        new DimensionStore(database).EnsureRegion(region);
        return stored;
    }

    /// <summary>
    /// Simulates <see cref="NextDay"/> into <paramref name="writer"/>: each hour's facts (and, when streaming, the
    /// hour's events from <paramref name="outbox"/>) as soon as the hour is done, then the state to commit with it.
    /// Returns false when cancelled mid-day: the writer rolls that day back.
    /// </summary>
    public bool Produce(DayWriter writer, DayOutbox? outbox, CancellationToken cancellationToken)
    {
        var day = NextDay;
        writer.BeginDay(day, _simulator.World.NodeZones.ForDay(day));
        IReadOnlyList<SaleForReturn> scheduled;
        try
        {
            scheduled = _simulator.Run(day, _state, _sales, hour =>
            {
                writer.AppendHour(hour);
                if (outbox is not null)
                {
                    var events = outbox.EventsOf(hour);
                    writer.AppendOutbox(events, () => outbox.Recycle(events));
                }
            }, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        foreach (var sale in scheduled)
        {
            _sales[sale.ReceiptIdExt] = sale;
        }

        var stillDue = _state.ScheduledReturns.Select(r => r.SourceIdExt).ToHashSet(StringComparer.Ordinal);
        foreach (var done in _sales.Keys.Where(id => !stillDue.Contains(id)).ToList())
        {
            _sales.Remove(done);
        }

        outbox?.Complete(); // the bodies are durable before the commit that makes their rows visible
        writer.CommitDay(day, _state.Snapshot());
        NextDay = day.AddDays(1);
        return true;
    }
}
