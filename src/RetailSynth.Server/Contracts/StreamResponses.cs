using RetailSynth.Jobs.Streaming;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Relay;

namespace RetailSynth.Server.Contracts;

/// <summary>
/// GET /api/stream/outbox/status (streaming.md §7). The one mapped contract: the API gives the lag in seconds where the
/// core keeps a <see cref="TimeSpan"/>; the stream status, sink health and outbox rows are serialized as the core has them.
/// </summary>
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
    PacingState? PacingState,
    double? LagSeconds,
    int HeadAttempts,
    SinkHealth Sink)
{
    public static OutboxStatusResponse From(OutboxStatus s) => new(
        s.Pending, s.Leased, s.Sent, s.Dead, s.OldestPendingEventTs, s.NewestPendingEventTs, s.LastCommittedDay, s.DayBeingDrained,
        s.NextDayInMemory, s.BacklogEvents, s.BacklogDays, s.SendRatePerSecond, s.PacingState,
        s.Lag?.TotalSeconds, s.HeadAttempts, s.Sink);
}

/// <summary>Rows affected by requeue or clear.</summary>
internal sealed record CountResponse(long Count);
