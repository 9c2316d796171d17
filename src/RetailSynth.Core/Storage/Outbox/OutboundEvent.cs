namespace RetailSynth.Storage.Outbox;

/// <summary>One leased outbox row on its way to a sink: the stored envelope bytes and their transport metadata (events.md §2.3).</summary>
public sealed record OutboundEvent(
    long OutboxId,
    string TraceId,
    DateTime EventTs,
    DateOnly SimDay,
    string EventType,
    string PartitionKey,
    string? CorrelationId,
    ReadOnlyMemory<byte> Body);
