using System.Collections.Concurrent;
using System.Diagnostics;
using DuckDB.NET.Data;
using RetailSynth.Engine.Events;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Storage;

/// <summary>
/// Publishes simulated days atomically (data-model P12, streaming.md §2) on its own thread, fed hour by
/// hour while the simulator runs ahead: a day's fact rows, the simulator state that follows it and the
/// watermark become visible together, or not at all.
/// </summary>
/// <remarks>
/// Write path (a) of streaming.md §2 — one connection, one transaction per day, one Appender per table held
/// open for the whole day and fed data chunks filled in place (<see cref="DataChunkAppenders"/>) — fed through a bounded queue, so a day's rows are
/// appended while it is still being simulated and only a few hours of facts are ever held in memory. The
/// alternatives measured against it are in docs/decisions.md ("Day commit write path"). Anything before COMMIT
/// leaves nothing behind, so there is nothing to recover. When the producer stops (Ctrl-C), every day already handed over completely is
/// still committed and only the unfinished day is rolled back.
/// </remarks>
internal sealed class DayWriter : IDisposable
{
    /// <summary>
    /// Queue items (an hour's facts, an hour's events, day markers) the simulator may run ahead of the writer. The writer
    /// is the slower side, so depth only holds memory: 6 days of <c>large</c> ran at the same rows/s with 1 and 6 items,
    /// and peaked 50–90 MiB lower with 1.
    /// </summary>
    private const int ItemsInFlight = 2;

    /// <summary>
    /// The outbox columns an event sets, in the order <see cref="AppendOutboxRows"/> writes them; the others take their
    /// defaults (pending, no attempts, the relay's columns NULL). Appending nine columns instead of fifteen took a
    /// quarter less time on the writer thread (docs/decisions.md, "Compact outbox appends").
    /// </summary>
    private static readonly string[] s_outboxColumns =
        ["outbox_id", "event_id", "event_ts", "sim_day", "event_type", "partition_key", "correlation_id", "body_offset", "body_length"];

    private readonly BlockingCollection<object> _queue;
    private readonly CancellationTokenSource _failed = new();
    private readonly RetailDatabase _database;
    private readonly Action<DayCommitted> _committed;
    private readonly Action<DateOnly>? _beforeCommit;
    private readonly Task _worker;

    /// <param name="database">The database every day is committed to.</param>
    /// <param name="committed">Called on the writer thread after each day's commit.</param>
    /// <param name="beforeCommit">
    /// Streaming: blocks until the day may become visible (the previous day's events are all delivered, streaming.md §4);
    /// throwing <see cref="OperationCanceledException"/> rolls the day back.
    /// </param>
    public DayWriter(RetailDatabase database, Action<DayCommitted> committed, Action<DateOnly>? beforeCommit = null)
    {
        _queue = new BlockingCollection<object>(ItemsInFlight);
        _database = database;
        _committed = committed;
        _beforeCommit = beforeCommit;
        _worker = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>What one commit wrote and where its time went.</summary>
    /// <param name="Day">The business day committed.</param>
    /// <param name="Rows">Fact rows written for the day, all tables together.</param>
    /// <param name="RowsPerTable">Fact rows written per table.</param>
    /// <param name="Append">Time spent appending the day's fact and outbox rows.</param>
    /// <param name="State">Time spent saving the simulation state.</param>
    /// <param name="Commit">Time from the saved state to the finished COMMIT (watermark, streaming's wait, COMMIT).</param>
    /// <param name="Waiting">Time the writer waited for the simulator during the day: near zero when writing is the bottleneck.</param>
    public sealed record DayCommitted(
        DateOnly Day, long Rows, IReadOnlyList<(string Table, long Rows)> RowsPerTable, TimeSpan Append, TimeSpan State, TimeSpan Commit, TimeSpan Waiting);

    /// <summary>Opens the day's transaction; <paramref name="labels"/> label its fact rows (§2.3).</summary>
    public void BeginDay(DateOnly day, LocalLabels labels) => Add(new Begin(day, labels));

    public void AppendHour(FactBatch hour) => Add(hour);

    /// <summary>
    /// Events for the outbox, committed with the day's facts (streaming mode only; status pending); their bodies are
    /// already in the day's body file. <paramref name="appended"/> runs on the writer thread once they are appended.
    /// </summary>
    public void AppendOutbox(IReadOnlyList<EncodedEvent> events, Action? appended = null) => Add(new OutboxHour(events, appended));

    /// <summary>Ends the day: <paramref name="stateAfterDay"/> must be a snapshot the simulator no longer changes.</summary>
    public void CommitDay(DateOnly day, SimulationState stateAfterDay) => Add(new End(day, stateAfterDay));

    /// <summary>Waits until every handed-over day is committed; an open, unfinished day is rolled back. Rethrows a write failure.</summary>
    public void Complete()
    {
        _queue.CompleteAdding();
        _worker.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        try
        {
            _worker.GetAwaiter().GetResult();
        }
        catch (Exception) when (_worker.IsFaulted)
        {
            // Already surfaced to the producer through Add or Complete.
        }

        _queue.Dispose();
        _failed.Dispose();
    }

    /// <summary>Cancelled when a write fails; <see cref="ThrowFailure"/> then rethrows the failure.</summary>
    public CancellationToken Failed => _failed.Token;

    /// <summary>Waits for the failed writer to stop and rethrows its failure.</summary>
    public void ThrowFailure() => _worker.GetAwaiter().GetResult();

    private void Add(object item)
    {
        try
        {
            _queue.Add(item, _failed.Token);
        }
        catch (OperationCanceledException) when (_failed.IsCancellationRequested)
        {
            // The worker cancels before its task is faulted: wait for it rather than test IsFaulted, or a failure
            // could pass for a cancellation.
            ThrowFailure();
        }
    }

    private void Work()
    {
        var connection = _database.Connection;
        DuckDBTransaction? transaction = null;
        DataChunkAppenders? facts = null;
        LocalLabels? labels = null;
        DataChunkAppender? outbox = null;
        var counts = new Dictionary<string, long>();
        var rows = 0L;
        var append = Stopwatch.StartNew();
        var waiting = Stopwatch.StartNew();
        try
        {
            foreach (var item in _queue.GetConsumingEnumerable())
            {
                waiting.Stop();
                switch (item)
                {
                    case Begin begin:
                        EnsureFollowsWatermark(connection, begin.Day);
                        transaction = connection.BeginTransaction();
                        facts = new DataChunkAppenders(connection);
                        labels = begin.Labels;
                        counts.Clear();
                        rows = 0;
                        append.Reset();
                        break;
                    case FactBatch hour:
                        append.Start();
                        FactAppenders.AppendAll(facts!, hour, labels!, CancellationToken.None);
                        append.Stop();
                        foreach (var (table, count) in FactAppenders.Counts(hour))
                        {
                            counts[table] = counts.GetValueOrDefault(table) + count;
                        }

                        rows += hour.TotalRows;
                        break;
                    case OutboxHour hour:
                        append.Start();
                        outbox ??= OpenOutbox(connection);
                        AppendOutboxRows(outbox, hour.Events);
                        append.Stop();
                        hour.Appended?.Invoke();
                        break;
                    case End end:
                        append.Start();
                        facts!.Close();
                        facts = null;
                        outbox?.Close();
                        outbox?.Dispose();
                        outbox = null;
                        append.Stop();
                        var clock = Stopwatch.StartNew();
                        SimulationStateStore.Save(connection, end.State, end.Day);
                        var state = clock.Elapsed;
                        using (var watermark = connection.CreateCommand())
                        {
                            watermark.CommandText = "UPDATE sim_state SET last_committed_day = $day, state_version = state_version + 1";
                            watermark.Parameters.Add(new DuckDBParameter("day", end.Day));
                            watermark.ExecuteNonQuery();
                        }

                        _beforeCommit?.Invoke(end.Day);
                        transaction!.Commit();
                        transaction.Dispose();
                        transaction = null;
                        SimulationStateStore.MarkPersisted(end.State);
                        _committed(new DayCommitted(end.Day, rows, [.. counts.Select(kv => (kv.Key, kv.Value))], append.Elapsed, state, clock.Elapsed - state, waiting.Elapsed));
                        waiting.Reset();
                        break;
                }

                waiting.Start();
            }
        }
        catch
        {
            _failed.Cancel(); // unblocks a producer waiting for room in the queue
            throw;
        }
        finally
        {
            facts?.Dispose(); // inside the transaction, so their rows are rolled back with it
            outbox?.Dispose();
            transaction?.Dispose(); // an unfinished day: rolled back, nothing of it is visible
        }
    }

    /// <summary>
    /// The rows reference their bodies by byte range in the day's body file (<see cref="DayOutbox"/> wrote them), written
    /// through a data chunk like the facts: a large day has over a million of them, and DuckDB.NET's row API took about
    /// twice as long on the writer thread, the streaming producer's bottleneck.
    /// </summary>
    internal static void AppendOutboxRows(DataChunkAppender appender, IReadOnlyList<EncodedEvent> events)
    {
        foreach (var e in events)
        {
            var body = e.InFile ?? throw new InvalidOperationException($"Outbox event {e.OutboxId} has no body in its day's body file.");
            appender.CreateRow()
                .Append(e.OutboxId).Append(e.EventId).Append(e.EventTs).Append(e.SimDay).Append(e.EventType)
                .Append(e.PartitionKey).Append(e.CorrelationId).Append(body.Offset).Append(body.Length)
                .EndRow();
        }
    }

    /// <summary>The Appender <see cref="AppendOutboxRows"/> writes into: the outbox, with the columns an event sets.</summary>
    internal static DataChunkAppender OpenOutbox(DuckDBConnection connection) => new(connection, DatasetTables.Outbox, s_outboxColumns);

    private static void EnsureFollowsWatermark(DuckDBConnection connection, DateOnly day)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_committed_day FROM sim_state";
        if (command.ExecuteScalar() is DateOnly last && last != day.AddDays(-1))
        {
            throw new InvalidOperationException($"Day {day:yyyy-MM-dd} does not follow the watermark {last:yyyy-MM-dd}.");
        }
    }

    private sealed record OutboxHour(IReadOnlyList<EncodedEvent> Events, Action? Appended);

    private sealed record Begin(DateOnly Day, LocalLabels Labels);

    private sealed record End(DateOnly Day, SimulationState State);
}
