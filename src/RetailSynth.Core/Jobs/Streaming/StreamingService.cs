using Microsoft.Extensions.Logging;
using RetailSynth.Engine.Events;
using RetailSynth.Jobs;
using RetailSynth.Reference;
using RetailSynth.Storage;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Relay;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Jobs.Streaming;

/// <summary>
/// The process's stream session (api.md §1), shared by the CLI and the server, and their entry point to the outbox
/// beside it (<see cref="OutboxAdministration"/>, api.md §2). Requests are checked by <see cref="StreamRequestValidator"/>,
/// a fresh database gets its dimensions from <see cref="DimensionBootstrap"/>.
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
                return _lastStatus ?? new StreamStatus(false, null, 0, 0, null, settings.Streaming.EffectivePacing, PacingState.Live, settings.Streaming.Sink.Label(), _lastError);
            }

            return Describe(session, running: true);
        }
    }

    public StreamStatus Start(StreamRequest request) => StartSession(request, drainOnly: false);

    public StreamStatus Pause()
    {
        lock (_lock)
        {
            var session = _session ?? throw new RefusedException("Refused: no stream session is running, so there is nothing to pause; start one first.");
            if (!session.Pause())
            {
                throw new RefusedException("Refused: the stream session is already paused; resume it to send again.");
            }

            LogPaused(session.Relay.EventsSent);
            return Describe(session, running: true);
        }
    }

    public StreamStatus Resume()
    {
        lock (_lock)
        {
            if (_session is not { } session || !session.Resume())
            {
                throw new RefusedException(_session is null
                    ? "Refused: no stream session is running, so there is nothing to resume."
                    : "Refused: the stream session is not paused.");
            }

            LogResumed();
            return Describe(session, running: true);
        }
    }

    public DrainStart Drain(StreamRequest request)
    {
        lock (_lock)
        {
            if (_session is { } running)
            {
                if (!running.IsDraining)
                {
                    running.Drain();
                    LogDrainSwitched();
                }

                return new DrainStart(true, Describe(running, running: true));
            }
        }

        // Checked before a session is opened: opening one on a fresh database would write its dimensions first.
        if (Outbox.Status().BacklogEvents == 0)
        {
            return new DrainStart(false, Status);
        }

        return new DrainStart(true, StartSession(request, drainOnly: true));
    }

    public async Task<SinkConnectionTest> TestConnectionAsync(SinkKind? sink, CancellationToken cancellationToken)
    {
        var options = StreamRequestValidator.Resolve(new StreamRequest(Sink: sink), settings.Streaming);
        var started = time.GetTimestamp();
        IEventSink created;
        try
        {
            created = sinks.Create(options);
        }
        catch (ArgumentException invalid)
        {
            throw new SettingsException([invalid.Message]); // the factories' words never hold a secret
        }

        SinkProbe probe;
        await using (created.ConfigureAwait(false))
        {
            probe = await created.ProbeAsync(cancellationToken).ConfigureAwait(false);
        }

        var elapsed = time.GetElapsedTime(started);
        if (probe.Failure is { } failure)
        {
            LogProbeFailed(created.Name, failure.Kind, failure.Message);
        }
        else
        {
            LogProbeSucceeded(created.Name, elapsed.TotalMilliseconds);
        }

        return new SinkConnectionTest(created.Name, probe.Succeeded, probe.Failure?.Message, probe.Failure?.Kind, (long)elapsed.TotalMilliseconds);
    }

    private StreamStatus StartSession(StreamRequest request, bool drainOnly)
    {
        var options = StreamRequestValidator.Resolve(request, settings.Streaming);
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
                session = Open(options, request.Days, drainOnly);
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
            LogStarted(drainOnly ? "Drain" : "Stream", session.SinkName, options.EffectivePacing, request.Duration, request.Days);
            _running = Task.Run(async () =>
            {
                try
                {
                    await session.RunAsync(stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _lastError = ex is RetailSynthException failure ? (wording ?? NeutralRefusalWording.Instance).Describe(failure) : $"{ex.GetType().Name}: {ex.Message}";
                    LogFailed(_lastError);
                    LogFailureDetails(ex); // the stack trace only at debug level (--verbose): the error line is what users read
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

    public OutboxStatus GetOutboxStatus() => Outbox.Status();

    public IReadOnlyList<OutboxRow> Preview(OutboxRowStatus? status, bool newestFirst, int limit) => Outbox.Preview(status, newestFirst, limit);

    public IReadOnlyList<OutboxRow> DeadLetters(int limit) => Outbox.Preview(OutboxRowStatus.Dead, newestFirst: false, limit);

    public long RequeueDead() => Outbox.RequeueDead();

    public long Clear() => Outbox.Clear();

    /// <summary>The outbox beside the session running now, if any.</summary>
    private OutboxAdministration Outbox => new(settings, time, _session, readsOpenTheFileReadOnly);

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

    private StreamSession Open(StreamingOptions options, int? days, bool drainOnly)
    {
        DatasetLayout.RegionOf(settings, "a stream session"); // a dataset of several regions streams one region per process
        new DimensionBootstrap(settings, dictionaries, logger).EnsureDimensions();
        var database = RetailDatabase.Open(settings.Storage.DatabasePath);
        IEventSink? sink = null;
        try
        {
            var pipeline = DayPipeline.Load(settings, dictionaries, database);
            sink = sinks.Create(options);
            var events = OutboxFor(pipeline.Stored.DatasetId, pipeline.Stored.StartDate, OutboxBodyFiles.ForDatabase(database.Path));
            return new StreamSession(database, pipeline, sink, options, events, days, time, logger, metrics, drainOnly);
        }
        catch
        {
            sink?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            database.Dispose();
            throw;
        }
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
        _lastError ?? session.Relay.Health.LastError,
        running && session.Relay.IsPaused,
        running && session.IsDraining);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} session started: sink {Sink}, pacing {Pacing}, duration {Duration}, days {Days}")]
    private partial void LogStarted(string kind, string sink, PacingMode pacing, TimeSpan? duration, int? days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream session paused after {EventsSent} events; pending events stay pending, no new day is committed")]
    private partial void LogPaused(long eventsSent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream session resumed")]
    private partial void LogResumed();

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream session switched to drain: no new day; it ends once the outbox is empty")]
    private partial void LogDrainSwitched();

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection test of the {Sink} sink succeeded in {ElapsedMs:0} ms")]
    private partial void LogProbeSucceeded(string sink, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection test of the {Sink} sink failed ({Kind}): {Reason}")]
    private partial void LogProbeFailed(string sink, SinkFailureKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream session failed: {Reason}")]
    private partial void LogFailed(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream session failure, in detail")]
    private partial void LogFailureDetails(Exception exception);
}
