namespace RetailSynth.Engine.Events;

/// <summary>
/// One key of an event: its JSON name, kind and nullability (events.md §2.1, §6), and the downstream column it
/// lands in (the name, except the payload key <c>source</c> of inventory_updated → <c>payload_source</c>).
/// </summary>
public sealed record EventField(string Name, EventFieldKind Kind, bool Nullable = false, string? ColumnName = null)
{
    /// <summary>The downstream column of this key.</summary>
    public string Column => ColumnName ?? Name;

    /// <summary>The downstream (Kusto) column type of events.md §2.1/§2.2.</summary>
    public string KqlType => Kind switch
    {
        EventFieldKind.WholeNumber => "long",
        EventFieldKind.WholeNumber32 => "int",
        EventFieldKind.Money => "real",
        EventFieldKind.Text => "string",
        EventFieldKind.Timestamp => "datetime",
        EventFieldKind.WholeNumbers or EventFieldKind.Nested => "dynamic",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown field kind."),
    };
}
