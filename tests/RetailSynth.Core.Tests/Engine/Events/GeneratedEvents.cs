using System.Text.Json;
using RetailSynth.Core.Tests.Engine.Simulation;
using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Events;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Storage;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Core.Tests.Engine.Events;

/// <summary>
/// A few days of a reduced world simulated in memory and streamed hour chunk by hour chunk through one
/// <see cref="HourEventBuilder"/>, as streaming mode does; shared by the totality tests.
/// </summary>
public sealed class GeneratedEvents : IDisposable
{
    public const int Days = 5;

    public GeneratedEvents()
    {
        var options = SimulationFixture.Options(stores: 5);
        StartDate = options.StartDate;
        DatasetId = DatasetIdentity.Compute(options, SimulationFixture.Dictionaries).DatasetId;
        var simulator = SimulationFixture.Simulator(options);
        var state = simulator.CreateInitialState();
        var sales = new Dictionary<string, SaleForReturn>();
        var builder = new HourEventBuilder(DatasetId, StartDate);
        for (var d = 0; d < Days; d++)
        {
            var day = StartDate.AddDays(d);
            var facts = new FactBatch();
            var events = new List<EncodedEvent>();
            var rank = 0L;
            simulator.Run(day, state, sales, hour =>
            {
                facts.AddRange(hour);
                events.AddRange(builder.Build(hour, day, ref rank));
            }, CancellationToken.None);
            foreach (var sale in SaleForReturn.FromFacts(facts))
            {
                sales[sale.ReceiptIdExt] = sale;
            }

            Facts.Add(facts);
            Events.Add(events);
            Parsed.Add([.. events.Select(e => JsonDocument.Parse(e.Body))]);
        }
    }

    public DateOnly StartDate { get; }

    public string DatasetId { get; }

    /// <summary>Per day, every fact row.</summary>
    public List<FactBatch> Facts { get; } = [];

    /// <summary>Per day, the outbox rows in the order they were built.</summary>
    public List<List<EncodedEvent>> Events { get; } = [];

    /// <summary>Per day, the bodies parsed, index-aligned with <see cref="Events"/>.</summary>
    public List<List<JsonDocument>> Parsed { get; } = [];

    public IEnumerable<(EncodedEvent Event, JsonElement Root)> All() =>
        Events.SelectMany((day, d) => day.Select((e, i) => (e, Parsed[d][i].RootElement)));

    public void Dispose()
    {
        foreach (var document in Parsed.SelectMany(d => d))
        {
            document.Dispose();
        }
    }
}
