namespace RetailSynth.Engine.Events;

/// <summary>
/// A fact row that feeds an event, by its place in outbox order (streaming.md §3): event_ts, then the table's
/// position in data-model §7 (<see cref="RetailSynth.Storage.FactTables.All"/>), then the row's index in the chunk's list.
/// </summary>
internal readonly record struct OutboxOrderKey(long Ticks, int Table, int Index) : IComparable<OutboxOrderKey>
{
    public int CompareTo(OutboxOrderKey other) =>
        Ticks != other.Ticks ? Ticks.CompareTo(other.Ticks)
        : Table != other.Table ? Table.CompareTo(other.Table)
        : Index.CompareTo(other.Index);
}
