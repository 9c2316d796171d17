namespace RetailSynth.Engine.Events;

/// <summary>
/// One key of an event: its JSON name, kind and nullability (events.md §2.1, §6), the downstream column it
/// lands in (the name, except the payload key <c>source</c> of inventory_updated → <c>payload_source</c>), and for a
/// text key drawn from a closed vocabulary (data-model §3.4), the values it may take.
/// </summary>
/// <param name="Name">The JSON key.</param>
/// <param name="Kind">The value kind, which fixes the JSON and downstream types.</param>
/// <param name="Nullable">Whether the value may be JSON null.</param>
/// <param name="ColumnName">The downstream column when it differs from <paramref name="Name"/>.</param>
/// <param name="Values">The closed set of values (besides null) when there is one; the Domain vocabulary itself, never a copy.</param>
public sealed record EventField(string Name, EventFieldKind Kind, bool Nullable = false, string? ColumnName = null, IReadOnlyList<string>? Values = null)
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
