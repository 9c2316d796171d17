namespace RetailSynth.Domain.Facts;

/// <summary>
/// One streaming_outbox row (streaming.md §3) as the day writer appends it, committed in the same
/// transaction as the day's facts. Historical generation never produces these.
/// <see cref="Body"/> is the complete envelope as UTF-8 JSON, serialised once (events.md §2.2).
/// </summary>
public sealed record OutboxEvent(
    long OutboxId,
    string EventId,
    DateTime EventTs,
    DateOnly SimDay,
    string EventType,
    string PartitionKey,
    string? CorrelationId,
    byte[] Body);
