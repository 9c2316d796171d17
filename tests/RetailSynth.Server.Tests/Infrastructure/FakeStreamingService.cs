using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Relay;

namespace RetailSynth.Server.Tests.Infrastructure;

/// <summary>
/// A stand-in for the real streaming service: the routes' validation, status codes and JSON shapes are tested
/// against it. While "running" it pretends to send 500 events/s out of a backlog of 10,000.
/// </summary>
public sealed class FakeStreamingService : IStreamingService
{
    public string? LastError { get; set; }

    private readonly Lock _lock = new();
    private readonly List<StreamRequest> _starts = [];
    private DateTime? _since;
    private long _sentBefore;

    public IReadOnlyList<StreamRequest> Starts
    {
        get
        {
            lock (_lock)
            {
                return [.. _starts];
            }
        }
    }

    public bool DayBeingDrained { get; set; }

    public StreamStatus Status
    {
        get
        {
            lock (_lock)
            {
                var running = _since is not null;
                var sent = Sent();
                return new StreamStatus(running, _since, sent, running ? 500 : 0, running ? new DateOnly(2024, 1, 3) : null,
                    _starts.LastOrDefault()?.Pacing ?? PacingMode.Max, running ? PacingState.CatchingUp : PacingState.Waiting, "file", null);
            }
        }
    }

    public StreamStatus Start(StreamRequest request)
    {
        lock (_lock)
        {
            if (_since is not null)
            {
                throw new RefusedException("Refused: a stream session is already running.");
            }

            _starts.Add(request);
            _since = DateTime.UtcNow;
        }

        return Status;
    }

    public StreamStatus Pause() => throw new RefusedException("Refused: the fake streaming service does not pause.");

    public StreamStatus Resume() => throw new RefusedException("Refused: the fake streaming service does not pause.");

    public DrainStart Drain(StreamRequest request) => throw new RefusedException("Refused: the fake streaming service does not drain.");

    public Task<SinkConnectionTest> TestConnectionAsync(SinkKind? sink, CancellationToken cancellationToken) =>
        Task.FromResult(new SinkConnectionTest((sink ?? SinkKind.File).Label(), true, null, null, 0));

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _sentBefore = Sent();
            _since = null;
        }

        return Task.CompletedTask;
    }

    public Task WaitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public OutboxStatus GetOutboxStatus()
    {
        var status = Status;
        var pending = Math.Max(0, 10_000 - status.EventsSent);
        return new OutboxStatus(pending, status.Running ? 100 : 0, status.EventsSent, 2, new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc), null,
            new DateOnly(2024, 1, 3), DayBeingDrained ? new DateOnly(2024, 1, 3) : null, false, pending, 1, status.EventsPerSecond, status.PacingState,
            42, 0, new SinkHealth("file", BreakerState.Closed, 0, null));
    }

    public IReadOnlyList<OutboxRow> Preview(OutboxRowStatus? status, bool newestFirst, int limit)
    {
        var rows = Enumerable.Range(1, 5).Select(i => Row(i, status ?? OutboxRowStatus.Pending));
        return [.. (newestFirst ? rows.Reverse() : rows).Take(limit)];
    }

    public IReadOnlyList<OutboxRow> DeadLetters(int limit) => [.. Enumerable.Range(1, 2).Select(i => Row(i, OutboxRowStatus.Dead)).Take(limit)];

    public long RequeueDead() => DayBeingDrained ? throw new RefusedException("Refused: a day is being drained.") : 2;

    public long Clear()
    {
        if (Status.Running)
        {
            throw new RefusedException("Refused: a stream session is running; stop it first.");
        }

        return 10_000;
    }

    private long Sent() => _sentBefore + (_since is { } since ? (long)((DateTime.UtcNow - since).TotalSeconds * 500) : 0);

    private static OutboxRow Row(int id, OutboxRowStatus status) => new(
        id, $"event-{id}", new DateTime(2024, 1, 3, 8, 0, id, DateTimeKind.Utc), new DateOnly(2024, 1, 3), "receipt_created", "store-1", status,
        status == OutboxRowStatus.Dead ? 5 : 0, status == OutboxRowStatus.Dead ? "sink refused" : null, null, "{}");
}
