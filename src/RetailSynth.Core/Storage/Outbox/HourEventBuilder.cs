using System.Collections.Concurrent;
using RetailSynth.Engine.Events;
using RetailSynth.Storage;

namespace RetailSynth.Storage.Outbox;

/// <summary>
/// Turns one hour chunk of facts into its outbox events (events.md E1/E2, streaming.md §3): one event per
/// feeding row, in outbox order — event_ts, then the table number of data-model §7, then the order of the
/// chunk's lists (network before stores, stores by store_id, each in emission order). Which tables feed which
/// events is <see cref="FactTables"/>' to say.
/// </summary>
/// <remarks>
/// Not thread-safe: it reuses its buffers across calls. Feed it the hours of a day in order with one rank
/// counter, so outbox ids = (day − StartDate) × 2^32 + rank increase strictly across the day and the dataset.
/// <see cref="Recycle"/> alone may be called from another thread (the day writer's).
/// </remarks>
internal sealed class HourEventBuilder(string datasetId, DateOnly startDate)
{
    private readonly EventEncoder _encoder = new(datasetId);
    private readonly List<OutboxOrderKey> _entries = [];

    /// <summary>
    /// Hour lists the day writer has appended: a large hour's list is several megabytes, on the large object heap, and a
    /// new one per hour made a stream collect gen2 every few hours (docs/decisions.md, "Streaming allocations").
    /// </summary>
    private readonly ConcurrentQueue<List<EncodedEvent>> _free = new();

    /// <summary>
    /// The chunk's events in outbox order; <paramref name="rank"/> is the day's running rank (0 at the first
    /// hour) and is advanced by the number of events returned. With <paramref name="bodyFile"/>, the bodies are
    /// appended to it (in outbox order) instead of kept in memory.
    /// </summary>
    public List<EncodedEvent> Build(FactBatch hour, DateOnly simDay, ref long rank, IBodyFile? bodyFile = null)
    {
        var dayOffset = (long)(simDay.DayNumber - startDate.DayNumber);
        if (dayOffset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(simDay), $"Day {simDay:yyyy-MM-dd} precedes the start date {startDate:yyyy-MM-dd}.");
        }

        Collect(hour);
        if (rank + _entries.Count > uint.MaxValue)
        {
            throw new InvalidOperationException($"Day {simDay:yyyy-MM-dd} has more events than an outbox id can rank (2^32).");
        }

        var events = _free.TryDequeue(out var free) ? free : new List<EncodedEvent>(_entries.Count);
        events.EnsureCapacity(_entries.Count);
        _encoder.Bodies = new BodyArena(); // the hour's events may outlive the next call
        _encoder.BodyFile = bodyFile;
        foreach (var entry in _entries)
        {
            var slot = new EventSlot((dayOffset << 32) + rank++, simDay);
            events.Add(Encode(hour, entry, slot));
        }

        return events;
    }

    /// <summary>Takes back a list <see cref="Build"/> returned, once nothing reads it any more; it is emptied and reused.</summary>
    public void Recycle(List<EncodedEvent> events)
    {
        events.Clear();
        _free.Enqueue(events);
    }

    /// <summary>The feeding rows of the chunk, sorted (event_ts, table, list index): a stable sort by (event_ts, table).</summary>
    private void Collect(FactBatch hour)
    {
        _entries.Clear();
        var tables = FactTables.All;
        for (var table = 0; table < tables.Count; table++)
        {
            tables[table].AddFeedingRows(hour, table, _entries);
        }

        _entries.Sort();
    }

    private EncodedEvent Encode(FactBatch hour, OutboxOrderKey entry, in EventSlot slot) =>
        FactTables.All[entry.Table].Encode(_encoder, hour, entry.Index, slot);
}
