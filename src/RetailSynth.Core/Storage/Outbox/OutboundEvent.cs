namespace RetailSynth.Storage.Outbox;

/// <summary>One leased outbox row on its way to a sink: the stored envelope bytes and their transport metadata (events.md §2.3).</summary>
/// <remarks>
/// The event id stays a <see cref="Guid"/>: the file and stdout sinks never need its text, and formatting it for every
/// leased row was a string per event.
/// </remarks>
public sealed record OutboundEvent(
    long OutboxId,
    Guid EventId,
    DateTime EventTs,
    DateOnly SimDay,
    string EventType,
    string PartitionKey,
    string? CorrelationId,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>The envelope's trace_id (the event id as text), for sinks that carry it as a message property.</summary>
    public string TraceId => EventId.ToString();
}
