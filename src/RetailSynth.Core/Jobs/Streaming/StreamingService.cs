using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Engine.Events;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Diagnostics;
using RetailSynth.Jobs;
using RetailSynth.Reference;
using RetailSynth.Storage;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Relay;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Jobs.Streaming;

/// <summary>
/// The process's stream session and outbox management (api.md §1–§2), shared by the CLI and the server.
/// A session claims the <see cref="WriterGate"/>, so it never runs beside a generation, and vice versa. The error that
/// ends a session is recorded in the host's <paramref name="wording"/> (its commands or routes), the core's own without one.
/// </summary>
public sealed partial class StreamingService(
    RetailSynthSettings settings,
    ReferenceDictionaries dictionaries,
    WriterGate gate,
    ISinkFactory sinks,
    TimeProvider time,
    ILogger<StreamingService> logger,
    RetailSynthMetrics? metrics = null,
    bool readsOpenTheFileReadOnly = false,
    IRefusalWording? wording = null) : IStreamingService, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private StreamSession? _session;
    private Task _running = Task.CompletedTask;
    private CancellationTokenSource? _stop;
    private string? _lastError;
    private StreamStatus? _lastStatus;

    public StreamStatus Status
    {
        get
        {
            var session = _session;
            if (session is null)
            {
                return _lastStatus ?? new StreamStatus(false, null, 0, 0, null, settings.Streaming.EffectivePacing, PacingState.Live, SinkLabel(settings.Streaming.Sink), _lastError);
            }

            return Describe(session, running: true);
        }
    }

    public StreamStatus Start(StreamRequest request)
    {
        var options = Effective(request);
        lock (_lock)
        {
            if (_session is not null)
            {
                throw new RefusedException("Refused: a stream session is already running; stop it first.");
            }

            var claim = gate.Enter(WriterKind.Stream);
            StreamSession session;
            try
            {
                session = Open(options, request.Days);
            }
            catch
            {
                claim.Dispose();
                throw;
            }

            var stop = new CancellationTokenSource();
            if (request.Duration is { } duration)
            {
                stop.CancelAfter(duration);
            }

            _session = session;
            _stop = stop;
            _lastError = null;
            LogStarted(session.SinkName, options.EffectivePacing, request.Duration, request.Days);
            _running = Task.Run(async () =>
            {
                try
                {
                    await session.RunAsync(stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _lastError = ex is RetailSynthException failure ? (wording ?? NeutralRefusalWording.Instance).Describe(failure) : $"{ex.GetType().Name}: {ex.Message}";
                    LogFailed(ex);
                }
                finally
                {
                    lock (_lock)
                    {
                        _lastStatus = Describe(session, running: false);
                        RelaySendSeconds = session.Relay.SendingTime.TotalSeconds;
                        Deliveries = session.Deliveries;
                        _session = null;
                        _stop = null;
                    }

                    await session.DisposeAsync().ConfigureAwait(false);
                    stop.Dispose();
                    claim.Dispose();
                }
            });
            return Describe(session, running: true);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        CancellationTokenSource? stop;
        lock (_lock)
        {
            stop = _stop;
        }

        if (stop is not null)
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }

        await WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _running.WaitAsync(cancellationToken);

    /// <summary>Wall time the last (or current) session's relay spent sending and acknowledging (benchmarks).</summary>
    public double RelaySendSeconds { get; private set; }

    /// <summary>When each day of the last session was fully delivered (benchmarks: the steady-state rate).</summary>
    public IReadOnlyList<DayDelivery> Deliveries { get; private set; } = [];

    /// <summary>The error that ended the last session, if it failed.</summary>
    public string? LastError => _lastError;

    public OutboxStatus GetOutboxStatus() => WithStore(readOnly: true, (store, session) =>
    {
        var counts = store.Counts();
        var leased = session?.Relay.Leased ?? 0;
        var pacing = session?.Pacer;
        var lag = pacing?.Mode == PacingMode.Realtime && counts.OldestPending is { } oldest ? time.GetUtcNow().UtcDateTime - oldest : (TimeSpan?)null;
        return new OutboxStatus(
            Pending: counts.Pending - leased,
            Leased: leased,
            Sent: counts.Sent,
            Dead: counts.Dead,
            OldestPendingEventTs: counts.OldestPending,
            NewestPendingEventTs: counts.NewestPending,
            LastCommittedDay: session?.LastCommittedDay ?? store.ReadWatermark(),
            DayBeingDrained: counts.OldestPendingDay,
            NextDayInMemory: session?.NextDayInMemory ?? false,
            BacklogEvents: counts.Pending,
            BacklogDays: counts.PendingDays,
            SendRatePerSecond: session?.Relay.SendRatePerSecond ?? 0,
            PacingState: session?.Relay.PacingState,
            Lag: lag,
            HeadAttempts: counts.HeadAttempts,
            Sink: session?.Relay.Health ?? new SinkHealth(SinkLabel(settings.Streaming.Sink), BreakerState.Closed, 0, null));
    });

    public IReadOnlyList<OutboxRow> Preview(OutboxRowStatus? status, bool newestFirst, int limit) =>
        WithStore(readOnly: true, (store, _) => store.Preview(status, newestFirst, limit));

    public IReadOnlyList<OutboxRow> DeadLetters(int limit) => WithStore(readOnly: true, (store, _) => store.Preview(OutboxRowStatus.Dead, newestFirst: false, limit));

    public long RequeueDead() => WithStore(readOnly: false, (store, session) =>
    {
        if (session is not null)
        {
            throw new RefusedException("Refused: a stream session is running; stop it, then requeue the dead events (they go out before the next day).");
        }

        var pending = store.CountPending();
        if (pending > 0)
        {
            throw new RefusedException($"Refused: a day is being drained ({pending:N0} events pending); requeue once it is delivered.");
        }

        return store.RequeueDead(EventTypes.All);
    });

    public long Clear() => WithStore(readOnly: false, (store, session) =>
    {
        if (session is not null)
        {
            throw new RefusedException("Refused: a stream session is running; stop it before clearing the outbox.");
        }

        return store.Clear();
    });

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Each streamed day's outbox: its events in outbox order, hour by hour, bodies in the day's body file.</summary>
    private static Func<DateOnly, DayOutbox> OutboxFor(string datasetId, DateOnly startDate, OutboxBodyFiles files)
    {
        var builder = new HourEventBuilder(datasetId, startDate);
        return day => new DayOutbox(builder, files, day);
    }

    private StreamSession Open(StreamingOptions options, int? days)
    {
        EnsureDimensions();
        var database = RetailDatabase.Open(settings.Storage.DatabasePath);
        IEventSink? sink = null;
        try
        {
            var pipeline = DayPipeline.Load(settings, dictionaries, database);
            sink = sinks.Create(options);
            var events = OutboxFor(pipeline.Stored.DatasetId, pipeline.Stored.StartDate, OutboxBodyFiles.ForDatabase(database.Path));
            return new StreamSession(database, pipeline, sink, options, events, days, time, logger, metrics);
        }
        catch
        {
            sink?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A new database gets its dimensions first, so `retailsynth stream` works on a fresh checkout; they are a pure
    /// function of the settings, exactly what `generate dimensions` would write.
    /// </summary>
    private void EnsureDimensions()
    {
        using (var database = RetailDatabase.Open(settings.Storage.DatabasePath))
        {
            if (new DimensionStore(database).ReadState() is not null)
            {
                return;
            }
        }

        LogGeneratingDimensions(settings.Storage.DatabasePath, settings.Simulation.Profile);
        new DimensionJob(settings, dictionaries, NullLogger<DimensionJob>.Instance).Run(force: false, _ => { }, CancellationToken.None);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a connection of its own (the session's are busy on other threads). With no session,
    /// a read (<paramref name="readOnly"/>) opens the file read-only if this process holds it nowhere else (the CLI's
    /// outbox commands: <c>readsOpenTheFileReadOnly</c>); a server keeps its writer instance and must not.
    /// </summary>
    private T WithStore<T>(bool readOnly, Func<OutboxStore, StreamSession?, T> work)
    {
        var session = _session;
        if (session is not null)
        {
            using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={settings.Storage.DatabasePath}");
            connection.Open();
            return work(new OutboxStore(connection, OutboxBodyFiles.ForDatabase(Path.GetFullPath(settings.Storage.DatabasePath))), session);
        }

        using var database = readOnly && readsOpenTheFileReadOnly
            ? RetailDatabase.OpenReadOnly(settings.Storage.DatabasePath)
            : RetailDatabase.Open(settings.Storage.DatabasePath);
        return work(OutboxStore.For(database), null);
    }

    private StreamingOptions Effective(StreamRequest request)
    {
        var invalid = StreamRequestValidator.Validate(request, settings.Streaming, StreamRequestValidator.NeutralName);
        if (invalid.Count > 0)
        {
            throw new SettingsException([.. invalid.Select(p => $"{StreamRequestValidator.NeutralName(p.Field)} {p.Message}")]);
        }

        var options = StreamRequestValidator.Effective(request, settings.Streaming);
        var problems = new List<string>();
        options.Validate("Streaming", problems); // the merged sink settings (a connection string, say) still have to hold up
        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }

        return options;
    }

    private StreamStatus Describe(StreamSession session, bool running) => new(
        running,
        session.Since,
        session.Relay.EventsSent,
        session.Relay.SendRatePerSecond,
        session.CurrentDay,
        session.Pacer.Mode,
        session.Relay.PacingState,
        session.SinkName,
        _lastError ?? session.Relay.Health.LastError);

    private static string SinkLabel(SinkKind kind) => kind.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "The database {Path} has no dimensions yet: generating them for profile {Profile} first")]
    private partial void LogGeneratingDimensions(string path, string profile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream session started: sink {Sink}, pacing {Pacing}, duration {Duration}, days {Days}")]
    private partial void LogStarted(string sink, PacingMode pacing, TimeSpan? duration, int? days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream session failed")]
    private partial void LogFailed(Exception exception);
}
