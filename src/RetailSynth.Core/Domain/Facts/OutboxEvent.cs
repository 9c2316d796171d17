namespace RetailSynth.Domain.Facts;

/// <summary>
/// One streaming_outbox row (streaming.md §3) as the day writer appends it, committed in the same
/// transaction as the day's facts. Historical generation never produces these.
/// <see cref="Body"/> is the complete envelope, serialised once to UTF-8: every send transmits these bytes.
/// </summary>
public readonly record struct OutboxEvent(
    long OutboxId,
    Guid EventId,
    DateTime EventTs,
    DateOnly SimDay,
    string EventType,
    string PartitionKey,
    string? CorrelationId,
    ReadOnlyMemory<byte> Body);
