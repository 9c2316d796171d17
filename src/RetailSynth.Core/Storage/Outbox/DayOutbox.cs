using RetailSynth.Engine.Events;

namespace RetailSynth.Storage.Outbox;

/// <summary>
/// One streamed day's outbox events, built hour by hour on the simulator's thread, their bodies written straight to
/// the day's body file (<see cref="OutboxBodyFiles"/>): the day writer appends only the compact rows, and no body is
/// held in memory on its way there.
/// </summary>
internal sealed class DayOutbox : IDisposable
{
    private readonly HourEventBuilder _builder;
    private readonly OutboxBodyFiles.Writer _file;
    private long _rank;

    public DayOutbox(HourEventBuilder builder, OutboxBodyFiles files, DateOnly day)
    {
        _builder = builder;
        Day = day;
        _file = files.StartDay(day);
    }

    public DateOnly Day { get; }

    /// <summary>The hour's events in outbox order; the rank runs on across the day's hours.</summary>
    public List<EncodedEvent> EventsOf(FactBatch hour) => _builder.Build(hour, Day, ref _rank, _file);

    /// <summary>Hands an hour's list back for reuse once the day writer has appended it (from the writer's thread).</summary>
    public void Recycle(List<EncodedEvent> events) => _builder.Recycle(events);

    /// <summary>Makes the bodies durable; called before the day's commit is requested, so no committed row points at lost bytes.</summary>
    public void Complete() => _file.Complete();

    public void Dispose() => _file.Dispose();
}
