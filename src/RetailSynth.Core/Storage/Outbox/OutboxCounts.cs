namespace RetailSynth.Storage.Outbox;

/// <summary>Outbox counts as stored (leases are added by the relay).</summary>
internal sealed record OutboxCounts(
    long Pending, long Sent, long Dead, DateTime? OldestPending, DateTime? NewestPending, DateOnly? OldestPendingDay, int PendingDays, int HeadAttempts);
