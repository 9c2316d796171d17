namespace RetailSynth.Engine.Events;

/// <summary>
/// One streaming_outbox row (streaming.md §3) as the day writer appends it, committed in the same
/// transaction as the day's facts. Historical generation never produces these.
/// The complete envelope is serialised once to UTF-8: every send transmits these bytes. Streaming writes it
/// straight to the day's body file (<see cref="InFile"/>, <see cref="Body"/> empty) so no body is held in memory;
/// built without a file (tests, benchmarks), it is kept in <see cref="Body"/>.
/// </summary>
public readonly record struct EncodedEvent(
    long OutboxId,
    Guid EventId,
    DateTime EventTs,
    DateOnly SimDay,
    string EventType,
    string PartitionKey,
    string? CorrelationId,
    ReadOnlyMemory<byte> Body,
    BodyLocation? InFile = null);
