using RetailSynth.Domain.Facts;

namespace RetailSynth.Events;

/// <summary>
/// Turns one hour chunk of facts into its outbox events (events.md E1/E2, streaming.md §3): one event per
/// feeding row, in outbox order — event_ts, then the table number of data-model §7, then the order of the
/// chunk's lists (network before stores, stores by store_id, each in emission order).
/// </summary>
/// <remarks>
/// Not thread-safe: it reuses its buffers across calls. Feed it the hours of a day in order with one rank
/// counter, so outbox ids = (day − StartDate) × 2^32 + rank increase strictly across the day and the dataset.
/// </remarks>
public sealed class HourEventBuilder(string datasetId, DateOnly startDate)
{
    private readonly EventEncoder _encoder = new(datasetId);
    private readonly List<Entry> _entries = [];

    /// <summary>
    /// The chunk's events in outbox order; <paramref name="rank"/> is the day's running rank (0 at the first
    /// hour) and is advanced by the number of events returned. With <paramref name="bodyFile"/>, the bodies are
    /// appended to it (in outbox order) instead of kept in memory.
    /// </summary>
    public List<OutboxEvent> Build(DayFacts hour, DateOnly simDay, ref long rank, IBodyFile? bodyFile = null)
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

        var events = new List<OutboxEvent>(_entries.Count);
        _encoder.Bodies = new BodyArena(); // the hour's events may outlive the next call
        _encoder.BodyFile = bodyFile;
        foreach (var entry in _entries)
        {
            var slot = new EventSlot((dayOffset << 32) + rank++, simDay);
            events.Add(Encode(hour, entry, slot));
        }

        return events;
    }

    /// <summary>The feeding rows of the chunk, sorted (event_ts, table, list index): a stable sort by (event_ts, table).</summary>
    private void Collect(DayFacts hour)
    {
        _entries.Clear();
        Add(hour.Receipts, Table.Receipts, r => r.EventTs);
        Add(hour.ReceiptLines, Table.ReceiptLines, r => r.EventTs);
        Add(hour.Payments, Table.Payments, r => r.EventTs);
        Add(hour.StoreInventoryTxns, Table.StoreInventory, r => r.EventTs);
        Add(hour.DcInventoryTxns, Table.DcInventory, r => r.EventTs);
        Add(hour.Stockouts, Table.Stockouts, r => r.EventTs);
        Add(hour.Reorders, Table.Reorders, r => r.EventTs);
        for (var i = 0; i < hour.TruckMoves.Count; i++)
        {
            var move = hour.TruckMoves[i];
            if (FeedingRows.TruckMove(move.Status) is not null)
            {
                _entries.Add(new Entry(move.EventTs.Ticks, Table.TruckMoves, i));
            }
        }

        Add(hour.FootTraffic, Table.FootTraffic, r => r.EventTs);
        Add(hour.BlePings, Table.BlePings, r => r.EventTs);
        Add(hour.ZoneChanges, Table.ZoneChanges, r => r.EventTs);
        Add(hour.Marketing, Table.Marketing, r => r.EventTs);
        Add(hour.Promotions, Table.Promotions, r => r.EventTs);
        Add(hour.StoreOps, Table.StoreOps, r => r.EventTs);
        Add(hour.OnlineOrderHeaders, Table.OrderHeaders, r => r.EventTs);
        for (var i = 0; i < hour.OnlineOrderStatus.Count; i++)
        {
            var status = hour.OnlineOrderStatus[i];
            if (FeedingRows.OrderStatus(status.Status) is not null)
            {
                _entries.Add(new Entry(status.EventTs.Ticks, Table.OrderStatus, i));
            }
        }

        _entries.Sort();
    }

    private void Add<T>(List<T> rows, Table table, Func<T, DateTime> eventTs)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            _entries.Add(new Entry(eventTs(rows[i]).Ticks, table, i));
        }
    }

    private OutboxEvent Encode(DayFacts hour, Entry entry, in EventSlot slot) => entry.Table switch
    {
        Table.Receipts => _encoder.ReceiptCreated(hour.Receipts[entry.Index], slot),
        Table.ReceiptLines => _encoder.ReceiptLineAdded(hour.ReceiptLines[entry.Index], slot),
        Table.Payments => _encoder.PaymentProcessed(hour.Payments[entry.Index], slot),
        Table.StoreInventory => _encoder.InventoryUpdated(hour.StoreInventoryTxns[entry.Index], true, slot),
        Table.DcInventory => _encoder.InventoryUpdated(hour.DcInventoryTxns[entry.Index], false, slot),
        Table.Stockouts => _encoder.StockoutDetected(hour.Stockouts[entry.Index], slot),
        Table.Reorders => _encoder.ReorderTriggered(hour.Reorders[entry.Index], slot),
        Table.TruckMoves => TruckMove(hour.TruckMoves[entry.Index], slot),
        Table.FootTraffic => _encoder.CustomerEntered(hour.FootTraffic[entry.Index], slot),
        Table.BlePings => _encoder.BlePingDetected(hour.BlePings[entry.Index], slot),
        Table.ZoneChanges => _encoder.CustomerZoneChanged(hour.ZoneChanges[entry.Index], slot),
        Table.Marketing => _encoder.AdImpression(hour.Marketing[entry.Index], slot),
        Table.Promotions => _encoder.PromotionApplied(hour.Promotions[entry.Index], slot),
        Table.StoreOps => _encoder.StoreOperation(hour.StoreOps[entry.Index], slot),
        Table.OrderHeaders => _encoder.OnlineOrderCreated(hour.OnlineOrderHeaders[entry.Index], slot),
        Table.OrderStatus => OrderStatus(hour.OnlineOrderStatus[entry.Index], slot),
        _ => throw new InvalidOperationException($"Table {entry.Table} feeds no event."),
    };

    private OutboxEvent TruckMove(TruckMoveFact move, in EventSlot slot) =>
        _encoder.TruckMove(move, FeedingRows.TruckMove(move.Status)!.Value, slot);

    private OutboxEvent OrderStatus(OnlineOrderStatusFact status, in EventSlot slot) =>
        _encoder.OnlineOrderStatus(status, FeedingRows.OrderStatus(status.Status)!.Value, slot);

    /// <summary>Table numbers of data-model §7 (only the tables that feed events).</summary>
    private enum Table : byte
    {
        Receipts = 1,
        ReceiptLines = 2,
        Payments = 3,
        StoreInventory = 4,
        DcInventory = 5,
        Stockouts = 6,
        Reorders = 7,
        TruckMoves = 8,
        FootTraffic = 10,
        BlePings = 11,
        ZoneChanges = 12,
        Marketing = 13,
        Promotions = 14,
        StoreOps = 16,
        OrderHeaders = 17,
        OrderStatus = 19,
    }

    private readonly record struct Entry(long Ticks, Table Table, int Index) : IComparable<Entry>
    {
        public int CompareTo(Entry other) =>
            Ticks != other.Ticks ? Ticks.CompareTo(other.Ticks)
            : Table != other.Table ? Table.CompareTo(other.Table)
            : Index.CompareTo(other.Index);
    }
}
