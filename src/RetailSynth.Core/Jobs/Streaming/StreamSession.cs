using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using RetailSynth.Jobs;
using RetailSynth.Storage;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Relay;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Jobs.Streaming;

/// <summary>
/// One streaming run (streaming.md §1, §4): the relay drains the committed day while the simulator computes and
/// appends the next day inside an open transaction on its own thread; that day is committed — and its events become
/// visible — only when the outbox holds nothing pending and the sink is healthy. So at most one committed day of
/// events waits in the outbox and at most one more is in flight, whatever the sink does.
/// </summary>
internal sealed partial class StreamSession : IAsyncDisposable
{
    private readonly RetailDatabase _database;
    private readonly DuckDBConnection _relayConnection;
    private readonly DayPipeline _pipeline;
    private readonly IEventSink _sink;
    private readonly OutboxRelay _relay;
    private readonly Func<DateOnly, DayOutbox> _outboxFor;
    private readonly int? _dayLimit;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ManualResetEventSlim _commitGranted = new(false);
    private readonly ManualResetEventSlim _dayReleased = new(false); // the day handed to the writer may be committed
    private readonly DateTime _since;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly List<DayDelivery> _deliveries = [];
    private int _writerWaiting;
    private DateOnly? _lastCommittedDay;
    private DateOnly? _lastAcknowledgedDay;
    private int _daysAcknowledged;
    private readonly int _daysToProduce;
    private int _draining;
    private int _grantOutstanding; // a commit was granted and its day is not committed yet: its events are still to come

    public StreamSession(
        RetailDatabase database,
        DayPipeline pipeline,
        IEventSink sink,
        StreamingOptions options,
        Func<DateOnly, DayOutbox> outboxFor,
        int? dayLimit,
        TimeProvider time,
        ILogger logger,
        RetailSynthMetrics? metrics = null,
        bool drainOnly = false)
    {
        (_database, _pipeline, _sink, _outboxFor, _dayLimit, _logger) = (database, pipeline, sink, outboxFor, dayLimit, logger);
        _since = time.GetUtcNow().UtcDateTime;
        _time = time;
        _started = time.GetTimestamp();
        _relayConnection = database.OpenConnection();
        Store = OutboxStore.For(database, _relayConnection);
        Store.DeleteUnreferencedBodyFiles(); // left by days rolled back earlier and since committed by history
        Pacer = new Pacer(options.EffectivePacing, options.Speed, time);
        var leftOver = Store.Counts().OldestPendingDay;
        Pacer.Anchor(leftOver ?? pipeline.NextDay);

        // A day left pending by an earlier session counts toward the limit: simulate no more days than needed.
        _daysToProduce = dayLimit is { } limit ? limit - (leftOver is null ? 0 : 1) : int.MaxValue;
        _draining = drainOnly ? 1 : 0;
        _relay = new OutboxRelay(Store, sink, options, Pacer, time, logger, metrics);
        _lastCommittedDay = pipeline.Stored.LastCommittedDay;
    }

    /// <summary>The database the session writes; another thread opens a connection of its own on it.</summary>
    public RetailDatabase Database => _database;

    public OutboxStore Store { get; }

    public Pacer Pacer { get; }

    public OutboxRelay Relay => _relay;

    public DateTime Since => _since;

    public string SinkName => _sink.Name;

    public DateOnly? LastCommittedDay => _lastCommittedDay;

    /// <summary>The day whose events are leaving now, else the last committed day.</summary>
    public DateOnly? CurrentDay => _relay.HeadEventTs is { } head ? DateOnly.FromDateTime(head) : _lastCommittedDay;

    /// <summary>True while the next day waits, computed and appended but uncommitted, for the outbox to drain.</summary>
    public bool NextDayInMemory => Volatile.Read(ref _writerWaiting) == 1;

    public int DaysAcknowledged => Volatile.Read(ref _daysAcknowledged);

    /// <summary>Drain mode: no new day is simulated or committed; the session ends once the outbox holds nothing pending.</summary>
    public bool IsDraining => Volatile.Read(ref _draining) == 1;

    /// <summary>Switches to drain mode (and resumes a paused relay: draining means sending). A day being simulated is discarded.</summary>
    public void Drain()
    {
        Volatile.Write(ref _draining, 1);
        _relay.Resume();
        _wake.Release();
    }

    /// <summary>The relay stops sending and no next day is committed; the session, its sink and its leases stay.</summary>
    public bool Pause() => _relay.Pause();

    public bool Resume()
    {
        var resumed = _relay.Resume();
        _wake.Release();
        return resumed;
    }

    /// <summary>The days this session delivered, in order; read it once the session has ended.</summary>
    public IReadOnlyList<DayDelivery> Deliveries => _deliveries;

    /// <summary>Runs until <paramref name="stop"/> (stop, duration) or the day limit; graceful either way.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var end = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var writer = new DayWriter(_database, OnCommitted, WaitForCommitGrant(end.Token));
        var producer = Task.Factory.StartNew(() => Produce(writer, end.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await RelayLoop(end, producer).ConfigureAwait(false);
        }
        finally
        {
            await end.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
            try
            {
                writer.Complete(); // the day waiting for the gate, if any, is rolled back
            }
            catch (OperationCanceledException)
            {
                // the uncommitted next day: discarded, recomputed identically by the next session
            }
            finally
            {
                // Its body file too: the next session would rewrite it identically, so keeping it only holds disk space.
                Store.DeleteUncommittedBodyFiles();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sink.DisposeAsync().ConfigureAwait(false);
        _relayConnection.Dispose();
        _database.Dispose();
        _wake.Dispose();
        _commitGranted.Dispose();
        _dayReleased.Dispose();
    }

    private async Task RelayLoop(CancellationTokenSource end, Task producer)
    {
        while (!end.IsCancellationRequested && !producer.IsFaulted)
        {
            if (!await _relay.DrainAsync(end.Token).ConfigureAwait(false))
            {
                return; // stopped: the in-flight batch was acknowledged, the rest stays pending
            }

            // Nothing pending or leased: the day is fully delivered.
            if (_relay.LastAcknowledgedDay is { } day && day != _lastAcknowledgedDay)
            {
                Store.PurgeSent(); // sent rows of a finished day: only their per-type counts are kept
                _lastAcknowledgedDay = day;
                _deliveries.Add(new DayDelivery(day, _time.GetElapsedTime(_started), _relay.EventsSent));
                Interlocked.Increment(ref _daysAcknowledged);
                LogDayDelivered(day, _relay.EventsSent);
                if (_dayLimit is { } limit && _daysAcknowledged >= limit)
                {
                    return;
                }
            }

            if (IsDraining && (Volatile.Read(ref _grantOutstanding) == 0 || producer.IsCompleted))
            {
                LogDrained(_relay.EventsSent);
                return; // nothing pending and no committed day on its way: drained
            }

            // "Nothing pending" is decided by a count (streaming.md §4), not by the drain's empty lease: the day committed
            // after that lease (the relay was woken by the writer, not by the commit) would otherwise be joined by the next.
            // One grant per wait: taking the writer's flag (1 → 0) is the grant, so a second look before the writer has
            // left its wait cannot grant again and let the next day through its gate at once.
            if (Volatile.Read(ref _writerWaiting) == 1 && _relay.IsHealthy && !_relay.IsPaused && !IsDraining
                && Store.CountPending() == 0 && Interlocked.CompareExchange(ref _writerWaiting, 0, 1) == 1)
            {
                Volatile.Write(ref _grantOutstanding, 1);
                _commitGranted.Set();
            }

            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(1), end.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Produce(DayWriter writer, CancellationToken end)
    {
        using var endOrWriteFailure = CancellationTokenSource.CreateLinkedTokenSource(end, writer.Failed);
        try
        {
            for (var produced = 0; produced < _daysToProduce && !end.IsCancellationRequested && !IsDraining; produced++)
            {
                var day = _pipeline.NextDay;
                _dayReleased.Reset();
                using (var outbox = _outboxFor(day))
                {
                    if (!_pipeline.Produce(writer, outbox, end))
                    {
                        return;
                    }
                }

                // One day in memory at a time (streaming.md §4): the next is simulated only once this one is released,
                // i.e. the day before it is delivered. Its simulation then overlaps this day's commit instead of
                // following it (docs/decisions.md, "The outbox's stages, and the next day at the release").
                _dayReleased.Wait(endOrWriteFailure.Token);
            }
        }
        catch (OperationCanceledException) when (!end.IsCancellationRequested && writer.Failed.IsCancellationRequested)
        {
            writer.ThrowFailure(); // e.g. the commit failed: the session ends with that error
        }
        catch (OperationCanceledException)
        {
            // session over (a stop also cancels the writer's wait for the commit: that is no failure)
        }
        catch (InvalidOperationException) when (end.IsCancellationRequested)
        {
            // the writer stopped taking work because the session ended
        }
    }

    private Action<DateOnly> WaitForCommitGrant(CancellationToken end) => day =>
    {
        Volatile.Write(ref _writerWaiting, 1);
        _wake.Release();
        try
        {
            _commitGranted.Wait(end); // throws on stop: the day is rolled back
            _commitGranted.Reset();
            _dayReleased.Set();
        }
        finally
        {
            Volatile.Write(ref _writerWaiting, 0);
        }
    };

    private void OnCommitted(DayWriter.DayCommitted committed)
    {
        _lastCommittedDay = committed.Day;
        Volatile.Write(ref _grantOutstanding, 0);
        LogDayCommitted(
            committed.Day, committed.Rows, committed.Append.TotalMilliseconds, committed.State.TotalMilliseconds, committed.Commit.TotalMilliseconds,
            committed.Waiting.TotalMilliseconds);
        _wake.Release(); // the relay need not wait for its polling fallback
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Day {Day} committed for streaming: {Rows} fact rows; appends {AppendMs:0} ms, state {StateMs:0} ms, gate + commit {CommitMs:0} ms, waited for the simulator {WaitingMs:0} ms")]
    private partial void LogDayCommitted(DateOnly day, long rows, double appendMs, double stateMs, double commitMs, double waitingMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox drained ({EventsSent} events sent in this session); the drain ends the session")]
    private partial void LogDrained(long eventsSent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Day {Day} fully delivered ({EventsSent} events sent in this session)")]
    private partial void LogDayDelivered(DateOnly day, long eventsSent);
}
