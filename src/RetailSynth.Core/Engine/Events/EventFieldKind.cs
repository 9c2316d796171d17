namespace RetailSynth.Engine.Events;

/// <summary>The value kinds of events.md §2.2 and §6; each fixes the JSON type and the downstream (KQL) column type.</summary>
public enum EventFieldKind
{
    /// <summary>JSON integer → <c>long</c>.</summary>
    WholeNumber,

    /// <summary>JSON integer that stays within 32 bits (<c>processing_time_ms</c>) → <c>int</c>.</summary>
    WholeNumber32,

    /// <summary>JSON number with exactly two fraction digits, from cents → <c>real</c>.</summary>
    Money,

    /// <summary>JSON string → <c>string</c>.</summary>
    Text,

    /// <summary>JSON string <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> → <c>datetime</c>.</summary>
    Timestamp,

    /// <summary>JSON array of integers → <c>dynamic</c>.</summary>
    WholeNumbers,

    /// <summary>The envelope's <c>payload</c>: a JSON object → <c>dynamic</c> (only in the raw landing table).</summary>
    Nested,
}
