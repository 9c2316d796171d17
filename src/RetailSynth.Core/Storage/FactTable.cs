using System.Runtime.InteropServices;
using RetailSynth.Engine.Events;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Storage;

/// <summary>
/// One fact table of data-model §7, as every listing of the fact tables sees it (<see cref="FactTables"/>): its name,
/// key, columns, its rows in <see cref="FactBatch"/> and the events they feed.
/// </summary>
internal abstract class FactTable(string name, string keyOrder)
{
    public string Name { get; } = name;

    /// <summary>Key columns, for ordered reads and hashes.</summary>
    public string KeyOrder { get; } = keyOrder;

    /// <summary>The column names in table order (migration 002 creates them).</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    public abstract bool FeedsEvents { get; }

    public abstract int Count(FactBatch facts);

    /// <summary>The <see cref="FactBatch"/> list that holds this table's rows (tests check that every list has one table).</summary>
    public abstract System.Collections.IList RowsIn(FactBatch facts);

    /// <summary>Appends the table's rows of <paramref name="facts"/> through its appender, in list order.</summary>
    public abstract void Append<TRow>(ITableAppenders<TRow> appenders, FactBatch facts, LocalLabels labels, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>;

    /// <summary>Adds the rows of <paramref name="hour"/> that feed an event; <paramref name="table"/> is this table's position in <see cref="FactTables.All"/>.</summary>
    public abstract void AddFeedingRows(FactBatch hour, int table, List<OutboxOrderKey> keys);

    /// <summary>The event of the feeding row at <paramref name="index"/> of <paramref name="hour"/>'s list.</summary>
    public abstract EncodedEvent Encode(EventEncoder encoder, FactBatch hour, int index, in EventSlot slot);
}

/// <summary>
/// A fact table whose rows are <typeparamref name="TFact"/> records, written by <typeparamref name="TColumns"/>. The
/// row list is looked up once per call, the mapping is compiled per table and writer: the append loop makes no
/// virtual call and allocates nothing per row.
/// </summary>
internal sealed class FactTable<TFact, TColumns>(
    string name, string keyOrder, Func<FactBatch, List<TFact>> rows, FactEventFeed<TFact>? events = null) : FactTable(name, keyOrder)
    where TColumns : struct, IFactColumns<TFact>
{
    // Cancellation is polled once per this many rows, not per row.
    private const int CancellationStride = 0xFFFF;

    public override IReadOnlyList<string> Columns => TColumns.Names;

    public override bool FeedsEvents => events is not null;

    public override int Count(FactBatch facts) => rows(facts).Count;

    public override System.Collections.IList RowsIn(FactBatch facts) => rows(facts);

    public override void Append<TRow>(ITableAppenders<TRow> appenders, FactBatch facts, LocalLabels labels, CancellationToken cancellationToken)
    {
        var appender = appenders.For(Name);
        var span = CollectionsMarshal.AsSpan(rows(facts));
        for (var i = 0; i < span.Length; i++)
        {
            if ((i & CancellationStride) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            default(TColumns).Append(appender.CreateRow(), span[i], labels).EndRow();
        }
    }

    public override void AddFeedingRows(FactBatch hour, int table, List<OutboxOrderKey> keys)
    {
        if (events is null)
        {
            return;
        }

        var list = rows(hour);
        for (var i = 0; i < list.Count; i++)
        {
            var row = list[i];
            if (events.Feeds is null || events.Feeds(row))
            {
                keys.Add(new OutboxOrderKey(events.EventTs(row).Ticks, table, i));
            }
        }
    }

    public override EncodedEvent Encode(EventEncoder encoder, FactBatch hour, int index, in EventSlot slot) =>
        events is null
            ? throw new InvalidOperationException($"Table {Name} feeds no event.")
            : events.Encode(encoder, rows(hour)[index], slot);
}
