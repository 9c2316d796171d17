using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Streaming.Relay;

/// <summary>
/// Moves committed outbox rows to the sink, oldest first (streaming.md §4): lease a batch after the cursor, release
/// what pacing and the rate cap allow, send it through retry-with-backoff behind a circuit breaker (Polly), mark
/// permanently rejected events dead, and acknowledge by advancing the high-water mark. A sink failure never
/// dead-letters anything: the same head of the queue is retried until the sink recovers or the session ends.
/// </summary>
internal sealed partial class OutboxRelay
{
    private readonly OutboxStore _store;
    private readonly IEventSink _sink;
    private readonly StreamingOptions _options;
    private readonly Pacer _pacer;
    private readonly TokenBucket? _bucket;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _breaker = new();
    private readonly SendRateWindow _rate;
    private readonly RetailSynthMetrics? _metrics;

    private List<OutboundEvent> _batch = [];
    private int _head;
    private long _cursor;
    private long _eventsSent;
    private DateOnly? _lastAcknowledgedDay;
    private readonly System.Diagnostics.Stopwatch _sending = new();
    private int _consecutiveFailures;
    private string? _closedBecause;
    private string? _lastError;
    private readonly Lock _pauseLock = new();
    private TaskCompletionSource? _resumed; // set while paused; completed by Resume
    private long _pausedAt;

    public OutboxRelay(OutboxStore store, IEventSink sink, StreamingOptions options, Pacer pacer, TimeProvider time, ILogger logger, RetailSynthMetrics? metrics = null)
    {
        (_store, _sink, _options, _pacer, _time, _logger, _metrics) = (store, sink, options, pacer, time, logger, metrics);
        _rate = new SendRateWindow(time);
        _bucket = options.EffectiveMaxEventsPerSecond is { } cap ? new TokenBucket(cap, time) : null;
        _cursor = store.ReadHighWaterMark(); // every lease of an earlier process is released: leases live in memory only
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SinkFailureException>().Handle<BrokenCircuitException>(),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryInitialDelay,
                MaxDelay = options.RetryMaxDelay,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SinkFailureException>(),
                FailureRatio = 1.0,
                MinimumThroughput = Math.Max(2, options.BreakerFailureThreshold),
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, options.RetryMaxDelay.TotalSeconds * options.BreakerFailureThreshold)),
                BreakDuration = options.BreakerBreakDuration,
                StateProvider = _breaker,
            })
            .Build();
    }

    public long EventsSent => Interlocked.Read(ref _eventsSent);

    /// <summary>Time spent leasing, sending and acknowledging (not waiting for pacing or for the next day).</summary>
    public TimeSpan SendingTime => _sending.Elapsed;

    public int Leased => Volatile.Read(ref _batch).Count - Volatile.Read(ref _head);

    public double SendRatePerSecond => _rate.PerSecond();

    public SinkHealth Health => new(_sink.Name, Breaker, Volatile.Read(ref _consecutiveFailures), Volatile.Read(ref _lastError));

    public BreakerState Breaker => _breaker.CircuitState switch
    {
        CircuitState.Closed => BreakerState.Closed,
        CircuitState.HalfOpen => BreakerState.HalfOpen,
        _ => BreakerState.Open,
    };

    /// <summary>Healthy: the breaker is closed and the last send succeeded. A next day is committed only then.</summary>
    public bool IsHealthy => Breaker == BreakerState.Closed && Volatile.Read(ref _consecutiveFailures) == 0;

    public PacingState PacingState => IsPaused ? PacingState.Paused : _pacer.State;

    /// <summary>True between <see cref="Pause"/> and <see cref="Resume"/>: nothing is leased or sent, nothing is acknowledged.</summary>
    public bool IsPaused => Volatile.Read(ref _resumed) is not null;

    /// <summary>Stops sending before the next lease or chunk; a chunk already handed to the sink completes. False if already paused.</summary>
    public bool Pause()
    {
        lock (_pauseLock)
        {
            if (_resumed is not null)
            {
                return false;
            }

            _pausedAt = _time.GetTimestamp();
            Volatile.Write(ref _resumed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            return true;
        }
    }

    /// <summary>Sends again; accelerated pacing does not count the pause (<see cref="Pacer.Shift"/>). False if not paused.</summary>
    public bool Resume()
    {
        lock (_pauseLock)
        {
            if (_resumed is not { } resumed)
            {
                return false;
            }

            _pacer.Shift(_time.GetElapsedTime(_pausedAt));
            Volatile.Write(ref _resumed, null);
            resumed.SetResult();
            return true;
        }
    }

    /// <summary>Why the sink can take nothing more (its receiver is gone), once it has said so; the drain then stops.</summary>
    public string? ClosedBecause => Volatile.Read(ref _closedBecause);

    /// <summary>The simulated day of the last acknowledged event.</summary>
    public DateOnly? LastAcknowledgedDay => _lastAcknowledgedDay;

    /// <summary>The event time of the next event to leave, if one is leased.</summary>
    public DateTime? HeadEventTs => _head < _batch.Count ? _batch[_head].EventTs : null;

    /// <summary>
    /// Sends pending events until none is left (true) or <paramref name="stop"/> is signalled (false). On stop, a batch
    /// already handed to the sink is acknowledged if delivered; everything else stays pending for the next session.
    /// </summary>
    public async Task<bool> DrainAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (Volatile.Read(ref _resumed) is { } resumed)
            {
                await WaitForResume(resumed.Task, stop).ConfigureAwait(false);
                continue;
            }

            if (_head >= _batch.Count)
            {
                _sending.Start();
                _batch = _store.Lease(_cursor, _options.BatchSize, _sink.MaxBatchBytes);
                _sending.Stop();
                _head = 0;
                if (_batch.Count == 0)
                {
                    return true;
                }
            }

            var due = _pacer.DueCount(_batch, _head);
            if (due == 0)
            {
                await Wait(_pacer.DelayUntil(_batch[_head].EventTs), stop).ConfigureAwait(false);
                continue;
            }

            if (_bucket is not null)
            {
                due = _bucket.Take(due);
                if (due == 0)
                {
                    await Wait(_bucket.UntilNextToken(), stop).ConfigureAwait(false);
                    continue;
                }
            }

            var chunk = _batch.GetRange(_head, due);
            var started = _time.GetTimestamp();
            _sending.Start();
            var sent = await SendAsync(chunk, stop).ConfigureAwait(false);
            _sending.Stop();
            _metrics?.SendDuration.Record(_time.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("sink", _sink.Name));
            if (!sent)
            {
                return false;
            }

            _sending.Start();
            _head += due;
            _cursor = chunk[^1].OutboxId;
            _store.Acknowledge(_cursor);
            _lastAcknowledgedDay = chunk[^1].SimDay;
            Interlocked.Add(ref _eventsSent, due);
            _metrics?.EventsSent.Add(due, new KeyValuePair<string, object?>("sink", _sink.Name));
            _rate.Add(due);
            _sending.Stop();
        }

        return false;
    }

    /// <summary>Forgets leased rows so the next drain re-reads the outbox from the stored mark (after a requeue).</summary>
    public void Reset()
    {
        _batch = [];
        _head = 0;
        _cursor = _store.ReadHighWaterMark();
    }

    private async Task<bool> SendAsync(List<OutboundEvent> chunk, CancellationToken stop)
    {
        var remaining = chunk;
        try
        {
            await _pipeline.ExecuteAsync(
                async token =>
                {
                    var report = await SendWithinLease(remaining, token).ConfigureAwait(false);
                    var undelivered = new List<OutboundEvent>();
                    for (var i = 0; i < remaining.Count; i++)
                    {
                        switch (report[i])
                        {
                            case DeliveryState.Rejected:
                                var reason = report.RejectionReason(i) ?? "rejected by the sink";
                                LogDeadLettered(remaining[i].OutboxId, remaining[i].EventType, reason);
                                _store.DeadLetter(remaining[i].OutboxId, reason);
                                break;
                            case DeliveryState.NotDelivered:
                                undelivered.Add(remaining[i]);
                                break;
                        }
                    }

                    remaining = undelivered;
                    if (remaining.Count > 0 && report.Failure is { Kind: SinkFailureKind.Closed } closed)
                    {
                        throw new SinkClosedException(closed); // no retry, no attempt counted: the events were never received
                    }

                    if (remaining.Count > 0)
                    {
                        var failure = report.Failure ?? new SinkFailure(SinkFailureKind.Transient, $"the sink did not confirm {remaining.Count} events");
                        Interlocked.Increment(ref _consecutiveFailures);
                        Volatile.Write(ref _lastError, failure.Message);
                        LogSinkFailure(failure.Kind, failure.Message, remaining.Count, remaining[0].OutboxId);
                        _store.RecordFailure([.. remaining.Select(e => e.OutboxId)], failure.Message);
                        throw new SinkFailureException(failure);
                    }

                    Volatile.Write(ref _consecutiveFailures, 0);
                },
                stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
        catch (SinkClosedException closed)
        {
            Volatile.Write(ref _closedBecause, closed.Failure.Message);
            LogSinkClosed(closed.Failure.Message, remaining.Count, remaining[0].OutboxId);
            return false;
        }
    }

    /// <summary>A send that outlives its lease is abandoned and counts as a sink failure: a hung sink holds nothing forever.</summary>
    private async Task<SendReport> SendWithinLease(List<OutboundEvent> events, CancellationToken token)
    {
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(token);
        lease.CancelAfter(_options.LeaseDuration);
        try
        {
            return await _sink.SendAsync(events, lease.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return SendReport.Failed(events.Count, new SinkFailure(SinkFailureKind.Transient, $"the {_sink.Name} sink did not answer within the lease of {_options.LeaseDuration}"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return SendReport.Failed(events.Count, new SinkFailure(SinkFailureKind.Transient, $"the {_sink.Name} sink failed: {ex.Message}"));
        }
    }

    private static async Task WaitForResume(Task resumed, CancellationToken stop)
    {
        try
        {
            await resumed.WaitAsync(stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the caller's loop sees the stop
        }
    }

    private async Task Wait(TimeSpan delay, CancellationToken stop)
    {
        var bounded = delay > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay; // re-check often: stop, pacing state
        try
        {
            await Task.Delay(bounded < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : bounded, _time, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the caller's loop sees the stop
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sink failure ({Kind}): {Error}; {Count} events from outbox_id {Head} stay pending and are retried")]
    private partial void LogSinkFailure(SinkFailureKind kind, string error, int count, long head);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stream stops: {Reason}; {Count} events from outbox_id {Head} on stay pending")]
    private partial void LogSinkClosed(string reason, int count, long head);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {OutboxId} ({EventType}) dead-lettered: {Reason}")]
    private partial void LogDeadLettered(long outboxId, string eventType, string reason);
}
