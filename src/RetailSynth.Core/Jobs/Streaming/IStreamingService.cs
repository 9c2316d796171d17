using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Relay;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Jobs.Streaming;

/// <summary>
/// The stream session and the outbox as the hosts see them (api.md §2, streaming.md §7). One instance per process;
/// the CLI and the server share it. A conflict with the current state throws <see cref="Foundation.Errors.RefusedException"/>;
/// a bad request or merged settings that do not hold up throw <see cref="Foundation.Errors.SettingsException"/> (hosts check requests
/// first with <see cref="StreamRequestValidator"/>, in their own field names). How a host reports each is its own business.
/// </summary>
public interface IStreamingService
{
    StreamStatus Status { get; }

    /// <summary>Validates the request (<see cref="StreamRequestValidator"/>) and starts a session in the background.</summary>
    StreamStatus Start(StreamRequest request);

    /// <summary>The relay stops sending and keeps its session: pending events stay pending, no new day is committed. Refused when none runs or it is paused.</summary>
    StreamStatus Pause();

    /// <summary>The paused relay sends again. Refused unless a session is paused.</summary>
    StreamStatus Resume();

    /// <summary>
    /// Delivers what is pending, simulates no new day, then ends the session: a running session switches to drain mode
    /// (resuming if paused), else a drain-only session starts, unless nothing is pending (<see cref="DrainStart.Started"/> false).
    /// </summary>
    DrainStart Drain(StreamRequest request);

    /// <summary>Probes the configured sink (or <paramref name="sink"/>) without sending an event; invalid sink settings throw <see cref="Foundation.Errors.SettingsException"/>.</summary>
    Task<SinkConnectionTest> TestConnectionAsync(SinkKind? sink, CancellationToken cancellationToken);

    /// <summary>Graceful stop: the in-flight batch is acknowledged, the rest stays pending for the next session.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Completes when the current session (if any) has ended.</summary>
    Task WaitAsync(CancellationToken cancellationToken);

    /// <summary>The error that ended the last session, if it failed; null while one runs and after a clean end.</summary>
    string? LastError { get; }

    OutboxStatus GetOutboxStatus();

    IReadOnlyList<OutboxRow> Preview(OutboxRowStatus? status, bool newestFirst, int limit);

    IReadOnlyList<OutboxRow> DeadLetters(int limit);

    /// <summary>Dead events back to pending; refused while a day is being drained.</summary>
    long RequeueDead();

    /// <summary>Deletes every outbox row (their facts stay); refused while a session runs.</summary>
    long Clear();
}

/// <summary>What to stream; every field optional (settings fill the rest). <see cref="Days"/> stops after N fully acknowledged days.</summary>
public sealed record StreamRequest(
    TimeSpan? Duration = null,
    int? Days = null,
    SinkKind? Sink = null,
    PacingMode? Pacing = null,
    double? Speed = null,
    int? MaxEventsPerSecond = null);

public sealed record StreamStatus(
    bool Running,
    DateTime? Since,
    long EventsSent,
    double EventsPerSecond,
    DateOnly? CurrentDay,
    PacingMode Pacing,
    PacingState PacingState,
    string Sink,
    string? LastError,
    bool Paused = false,
    bool Draining = false);

/// <summary>What a drain request did: <see cref="Started"/> false when nothing was pending and no session ran.</summary>
public sealed record DrainStart(bool Started, StreamStatus Status);

/// <summary>A sink's connection test (POST /api/stream/test-connection): never a secret in <see cref="Reason"/>.</summary>
public sealed record SinkConnectionTest(string Sink, bool Ok, string? Reason, SinkFailureKind? Kind, long ElapsedMs);

/// <summary>
/// The outbox's counts and the session's progress (streaming.md §7), serialized as it is by the API. The lag of
/// realtime pacing is in seconds, as the API gives it; null under any other pacing.
/// </summary>
public sealed record OutboxStatus(
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
    SinkHealth Sink);
