using RetailSynth.Core.Tests.Engine.Simulation;
using RetailSynth.Domain;
using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Events;
using RetailSynth.Engine.Simulation;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Storage.ReadBack;

/// <summary>
/// A database written through the real writers — dimensions, then three simulated days through the
/// <see cref="DayWriter"/> with their facts, simulator state and more outbox events than one 2,048-row vector
/// holds — together with every value each writer was handed.
/// </summary>
public sealed class WrittenDays : IDisposable
{
    public const int Days = 3;

    public const int EventsPerDay = 3 * 2_048 + 77;

    private readonly TempFolder _folder = new();

    public WrittenDays()
    {
        var options = SimulationFixture.Options();

        // Trips leave at 80 % of a truck or after 30 h (§13.1): small trucks fill within three days of six stores.
        options.TruckCapacityUnits = 20;
        Dimensions = DimensionGenerator.Generate(options, SimulationFixture.Dictionaries);
        Database = RetailDatabase.Open(_folder.File("db.duckdb"));
        new DimensionStore(Database).Write(
            Dimensions, DatasetIdentity.Compute(options, SimulationFixture.Dictionaries), options.Profile, options.StartDate, options.Seed, false, CancellationToken.None);

        var simulator = new DaySimulator(new SimulationWorld(options, Dimensions, SimulationFixture.Dictionaries), 2);
        var state = simulator.CreateInitialState();

        // Three days of six stores rarely bring a DC to its reorder point (it opens at its order-up-to level): empty one
        // launched product of DC 1, so the first 23:00Z review writes a supplier order whose state row is read back below.
        var dc = state.DcStock[0];
        var product = Enumerable.Range(0, Dimensions.Products.Count).First(p => Dimensions.Products[p].LaunchDate <= options.StartDate);
        dc.OnHand[product] = 0;
        var sales = new Dictionary<string, SaleForReturn>();
        using (var writer = new DayWriter(Database, _ => { }))
        {
            for (var d = 0; d < Days; d++)
            {
                var day = options.StartDate.AddDays(d);
                var events = Enumerable.Range(0, EventsPerDay).Select(rank => Event(day, rank)).ToList();
                Events.AddRange(events);
                var hourOfDay = 0;
                var labels = simulator.World.NodeZones.ForDay(day);
                writer.BeginDay(day, labels);
                var sold = simulator.Run(day, state, sales, hour =>
                {
                    FactAppenders.AppendAll(Facts, hour, labels, CancellationToken.None);
                    FactBatch.Add((hour, labels));
                    writer.AppendHour(hour);

                    // As the stream's day pipeline does: each hour's events after its facts.
                    writer.AppendOutbox(events[(events.Count * hourOfDay / 24)..(events.Count * (hourOfDay + 1) / 24)]);
                    hourOfDay++;
                }, CancellationToken.None);
                foreach (var sale in sold)
                {
                    sales[sale.ReceiptIdExt] = sale;
                }

                State = state.Snapshot();
                DayStates.Add((day, State));
                writer.CommitDay(day, State);
            }

            writer.Complete();
        }
    }

    public DimensionSet Dimensions { get; }

    /// <summary>The values <see cref="FactAppenders"/> handed to the writer, per fact table.</summary>
    internal RecordedRows Facts { get; } = new();

    /// <summary>The hours as the simulator emitted them, to write again through another writer.</summary>
    internal List<(FactBatch Hour, LocalLabels Labels)> FactBatch { get; } = [];

    public SimulationState State { get; private set; } = null!;

    /// <summary>The state committed with each day, first day first; <see cref="State"/> is the last.</summary>
    public List<(DateOnly Day, SimulationState State)> DayStates { get; } = [];

    public List<EncodedEvent> Events { get; } = [];

    public RetailDatabase Database { get; }

    public string Folder => _folder.Path;

    public void Dispose()
    {
        Database.Dispose();
        _folder.Dispose();
    }

    /// <summary>Varied values in every column, a NULL correlation id on every third event.</summary>
    private static EncodedEvent Event(DateOnly day, int rank) => new(
        ((long)(day.DayNumber - new DateOnly(2024, 1, 1).DayNumber) << 32) + rank,
        Guid.CreateVersion7(),
        day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddMilliseconds(rank * 997L),
        day,
        rank % 2 == 0 ? "receipt_created" : "ble_ping_detected",
        $"store-{rank % 7}",
        rank % 3 == 0 ? null : $"JRN-{rank}",
        default,
        new BodyLocation(rank * 613L, 400 + (rank % 211)));
}
