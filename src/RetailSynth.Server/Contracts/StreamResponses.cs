using RetailSynth.Jobs.Streaming;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Server.Contracts;

/// <summary>GET /api/stream/status.</summary>
internal sealed record StreamStatusResponse(
    bool Running,
    DateTime? Since,
    long EventsSent,
    double EventsPerSecond,
    DateOnly? CurrentDay,
    string Pacing,
    string PacingState,
    string Sink,
    string? LastError)
{
    public static StreamStatusResponse From(StreamStatus s) => new(
        s.Running, s.Since, s.EventsSent, s.EventsPerSecond, s.CurrentDay, Names.Of(s.Pacing), Names.Of(s.PacingState), s.Sink, s.LastError);
}

internal sealed record SinkHealthResponse(string Type, string Breaker, int ConsecutiveFailures, string? LastError);

/// <summary>GET /api/stream/outbox/status (streaming.md §7).</summary>
internal sealed record OutboxStatusResponse(
    long Pending,
    long Leased,
    long Sent,
    long Dead,
    DateTime? OldestPendingEventTs,
    DateTime? NewestPendingEventTs,
    DateOnly? LastCommittedDay,
    DateOnly? DayBeingDrained,
    bool NextDayInMemory,
    long BacklogEvents,
    int BacklogDays,
    double SendRatePerSecond,
    string? PacingState,
    double? LagSeconds,
    int HeadAttempts,
    SinkHealthResponse Sink)
{
    public static OutboxStatusResponse From(OutboxStatus s) => new(
        s.Pending, s.Leased, s.Sent, s.Dead, s.OldestPendingEventTs, s.NewestPendingEventTs, s.LastCommittedDay, s.DayBeingDrained,
        s.NextDayInMemory, s.BacklogEvents, s.BacklogDays, s.SendRatePerSecond, s.PacingState is { } p ? Names.Of(p) : null,
        s.Lag?.TotalSeconds, s.HeadAttempts,
        new SinkHealthResponse(s.Sink.Type, Names.Of(s.Sink.Breaker), s.Sink.ConsecutiveFailures, s.Sink.LastError));
}

/// <summary>One outbox row (preview and dead letters).</summary>
internal sealed record OutboxRowResponse(
    long OutboxId,
    string EventId,
    DateTime EventTs,
    DateOnly SimDay,
    string EventType,
    string PartitionKey,
    string Status,
    int Attempts,
    string? LastError,
    DateTime? SentAt,
    string? Body)
{
    public static OutboxRowResponse From(OutboxRow r) => new(
        r.OutboxId, r.EventId, r.EventTs, r.SimDay, r.EventType, r.PartitionKey, Names.Of(r.Status), r.Attempts, r.LastError, r.SentAt, r.Body);
}

/// <summary>Rows affected by requeue or clear.</summary>
internal sealed record CountResponse(long Count);
