namespace RetailSynth.Storage.Outbox;

public sealed record OutboxRow(
    long OutboxId,
    string EventId,
    DateTime EventTs,
    DateOnly SimDay,
    string EventType,
    string PartitionKey,
    OutboxRowStatus Status,
    int Attempts,
    string? LastError,
    DateTime? SentAt,
    string? Body);
