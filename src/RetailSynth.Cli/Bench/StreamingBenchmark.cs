using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Cli.Workers;
using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Events;
using RetailSynth.Engine.Simulation;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Reference;
using RetailSynth.Storage;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Cli.Bench;

/// <summary>
/// <c>retailsynth bench --streaming</c> (streaming.md §2–§4), in one run: (0) the same N days as the commands
/// <c>generate facts</c> and <c>stream</c>, each a cold child process (<see cref="Commands"/>); (1) N days streamed at max pacing
/// through outbox, relay and file sink, end to end (events committed and delivered per wall second) and the relay's
/// own send rate; (2) the same days generated historically (no outbox), for the outbox overhead; (3) the body
/// designs' parts on the first day: serialising the events, and appending the outbox rows with bodies in a column,
/// in a day file, or not at all (the compact row a rendered-body design would append). Each timed phase also reports
/// its <see cref="PhaseCost"/> (<see cref="Report.Phases"/>).
/// </summary>
public static class StreamingBenchmark
{
    public sealed record Report(
        string Profile,
        int Days,
        long Events,
        double StreamSeconds,
        double EndToEndEventsPerSecond,
        double SteadyStateEventsPerSecond,
        IReadOnlyList<DayCycle> Cycles,
        double RelaySendEventsPerSecond,
        double HistoricalSeconds,
        double HistoricalEventsPerSecondEquivalent,
        double OutboxOverheadRatio,
        double StreamAfterWorldLoadSeconds,
        double OutboxOverheadRatioAfterWorldLoad,
        long FirstDayEvents,
        double SerialiseEventsPerSecond,
        OutboxStages Stages,
        double AppendBodyColumnSeconds,
        double AverageBodyBytes,
        double SeedLoopEventsPerSecond,
        double StreamPeakRssMiB,
        double PeakRssMiB,
        IReadOnlyList<Phase> Phases,
        Commands AsCommands);

    /// <summary>
    /// The same days as the two commands a user runs, <c>generate facts --days N</c> and <c>stream --days N</c>, each a
    /// cold process on a copy of the same dimensions (<see cref="CommandRun"/>): unlike the in-process phases, where the
    /// historical run comes after the stream and finds the simulator and the writer compiled, both pay their own start-up,
    /// world load and JIT, so their ratio compares like with like.
    /// </summary>
    public sealed record Commands(CommandRun.Result GenerateFacts, CommandRun.Result Stream)
    {
        public double StreamOverHistorical => Stream.WallSeconds / GenerateFacts.WallSeconds;
    }

    /// <summary>How the bench starts <c>retailsynth</c> again: the launcher, the configuration file and environment it was given.</summary>
    public sealed record ChildLaunch(SelfLaunch Launch, string? ConfigFile, IReadOnlyDictionary<string, string?> Variables);

    /// <summary>
    /// A timed phase and what it cost, over <paramref name="Events"/> events: the stream's events for the stream and the
    /// historical run (the same days), the first day's events for the serialising and the outbox appends, the events
    /// sent for the seed's loop.
    /// </summary>
    public sealed record Phase(string Name, long Events, PhaseCost Cost)
    {
        public double AllocatedBytesPerEvent => Cost.AllocatedBytesPer(Events);
    }

    /// <summary>
    /// What each stage of the outbox costs on the first day's events, in the order an event passes them when streamed
    /// (streaming.md §3–§4), wall seconds each; <see cref="Report.Phases"/> carries their CPU and allocations.
    /// </summary>
    /// <param name="BodyFileSeconds">Writing the serialised bodies to the day's body file, fsync included.</param>
    /// <param name="AppendSeconds">Appending the outbox rows through the day writer's data chunks, and the commit.</param>
    /// <param name="LeaseSeconds">The relay's reads: leasing the rows back in batches with their bodies, and the acknowledgements.</param>
    /// <param name="SinkSeconds">The file sink writing the leased batches (fsync per batch, as when streaming).</param>
    public sealed record OutboxStages(double BodyFileSeconds, double AppendSeconds, double LeaseSeconds, double SinkSeconds);

    /// <summary>A day delivered <paramref name="Seconds"/> after the previous one (the first: after the session started).</summary>
    public sealed record DayCycle(DateOnly Day, long Events, double Seconds);

    public static async Task<Report> RunAsync(
        RetailSynthSettings settings, ReferenceDictionaries dictionaries, ChildLaunch children, int days, string folder, Action<string> progress,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var streamPath = Path.Combine(folder, "bench-stream.duckdb");
        var historyPath = Path.Combine(folder, "bench-history.duckdb");
        var eventsFolder = Path.Combine(folder, "events");
        foreach (var path in new[] { streamPath, historyPath, streamPath + ".wal", historyPath + ".wal" })
        {
            File.Delete(path);
        }

        if (Directory.Exists(eventsFolder))
        {
            Directory.Delete(eventsFolder, recursive: true);
        }

        var streaming = new StreamingOptions { Sink = SinkKind.File, Pacing = PacingMode.Max, File = new FileSinkOptions { Directory = eventsFolder } };
        var streamSettings = settings with { Storage = new StorageOptions { DatabasePath = streamPath }, Streaming = streaming };
        var historySettings = settings with { Storage = new StorageOptions { DatabasePath = historyPath } };

        // First, while this process is small and the page cache holds none of the in-process phases' gigabytes.
        var asCommands = await RunAsCommandsAsync(settings, dictionaries, children, days, Path.Combine(folder, "commands"), progress, cancellationToken)
            .ConfigureAwait(false);

        progress("dimensions (twice)");
        new DimensionJob(streamSettings, dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, cancellationToken);
        new DimensionJob(historySettings, dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, cancellationToken);

        progress($"streaming {days} days to the file sink at max pacing");
        var service = new StreamingService(streamSettings, dictionaries, new WriterGate(), new FileOnly(), TimeProvider.System, NullLogger<StreamingService>.Instance);
        await using (service.ConfigureAwait(false))
        {
            var streamMeter = PhaseMeter.Start();
            service.Start(new StreamRequest(Days: days));
            await service.WaitAsync(cancellationToken).ConfigureAwait(false);
            var streamCost = streamMeter.Stop();
            if (service.LastError is { } error)
            {
                throw new InvalidOperationException($"the benchmark's stream failed: {error}");
            }

            var status = service.Status;
            var events = status.EventsSent;
            var (cycles, steadyState) = Cycles(service.Deliveries);
            var streamPeakRss = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0; // dimensions and streaming only

            progress($"the same {days} days generated historically (no outbox)");
            var (history, historyCost, _) = MeteredFactJob.Run(
                new FactGenerationJob(historySettings, dictionaries, NullLogger<FactGenerationJob>.Instance), new FactGenerationJob.Range(days, null), _ => { }, cancellationToken);

            progress("the outbox's stages on the first day's events: serialise, body file, append, lease, sink");
            var (firstDayEvents, serialiseCost) = SerialiseFirstDay(settings, dictionaries, cancellationToken);
            var stages = await MeasureOutboxStagesAsync(
                Path.Combine(folder, "bench-outbox.duckdb"), Path.Combine(folder, "bench-outbox-sink"), firstDayEvents, streaming.BatchSize, cancellationToken)
                .ConfigureAwait(false);
            var column = AppendBodiesInColumn(Path.Combine(folder, "bench-outbox-column.duckdb"), firstDayEvents);

            progress("the seed's loop: one event per send, 500 ms pause, for 5 s");
            var (seedLoopSent, seedLoopCost) = await SeedLoopAsync(Path.Combine(folder, "seed-loop"), firstDayEvents, cancellationToken).ConfigureAwait(false);
            var streamSeconds = streamCost.WallSeconds;
            var afterWorldLoad = service.Deliveries.Count > 0 ? service.Deliveries[^1].SinceStart.TotalSeconds : streamSeconds;

            return new Report(
                settings.Simulation.Profile,
                days,
                events,
                streamSeconds,
                events / streamSeconds,
                steadyState,
                cycles,
                service.RelaySendSeconds > 0 ? events / service.RelaySendSeconds : 0,
                history.Elapsed.TotalSeconds,
                events / history.Elapsed.TotalSeconds,
                streamSeconds / history.Elapsed.TotalSeconds,
                afterWorldLoad,
                afterWorldLoad / history.Elapsed.TotalSeconds,
                firstDayEvents.Count,
                firstDayEvents.Count / serialiseCost.WallSeconds,
                new OutboxStages(stages.BodyFile.WallSeconds, stages.Append.WallSeconds, stages.Lease.WallSeconds, stages.Sink.WallSeconds),
                column.WallSeconds,
                firstDayEvents.Average(e => e.Body.Length),
                seedLoopSent / seedLoopCost.WallSeconds,
                streamPeakRss,
                Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0,
                [
                    new Phase("stream (outbox, relay, file sink; start-up included)", events, streamCost),
                    new Phase("the same days historically (no outbox, after the world load)", events, historyCost),
                    new Phase("first day, outbox stage 1: serialise the events", firstDayEvents.Count, serialiseCost),
                    new Phase("first day, outbox stage 2: bodies to the day file (fsync)", firstDayEvents.Count, stages.BodyFile),
                    new Phase("first day, outbox stage 3: rows appended (data chunks) and committed", firstDayEvents.Count, stages.Append),
                    new Phase("first day, outbox stage 4: leased back with bodies, acknowledged", firstDayEvents.Count, stages.Lease),
                    new Phase("first day, outbox stage 5: sent to the file sink", firstDayEvents.Count, stages.Sink),
                    new Phase("first day: rows with bodies in a column instead (row API, the first design)", firstDayEvents.Count, column),
                    new Phase("the seed's loop (one event per send, 500 ms pause)", seedLoopSent, seedLoopCost),
                ],
                asCommands);
        }
    }

    /// <summary>
    /// <c>generate facts</c> and <c>stream</c> for <paramref name="days"/> days, each a child process in a folder of its
    /// own with the same dimensions (generated here once, untimed, and copied), the file sink at max pacing for the stream.
    /// Each folder is deleted once its command is done: a fresh page on this kind of machine costs more when the page cache
    /// must first give one back, and the stream, which writes its events twice (body file and sink), would pay for the
    /// gigabyte the historical run left behind (a stream child after the in-process phases took 27–31 s against 24 s alone).
    /// </summary>
    private static async Task<Commands> RunAsCommandsAsync(
        RetailSynthSettings settings, ReferenceDictionaries dictionaries, ChildLaunch children, int days, string folder, Action<string> progress,
        CancellationToken cancellationToken)
    {
        var historyFolder = Path.Combine(folder, "generate-facts");
        var streamFolder = Path.Combine(folder, "stream");
        Directory.CreateDirectory(historyFolder);
        Directory.CreateDirectory(streamFolder);
        var historyDatabase = Path.Combine(historyFolder, "retail.duckdb");
        var streamDatabase = Path.Combine(streamFolder, "retail.duckdb");
        progress($"the same {days} days as commands, each a cold process: dimensions (untimed)");
        new DimensionJob(settings with { Storage = new StorageOptions { DatabasePath = historyDatabase } }, dictionaries, NullLogger<DimensionJob>.Instance)
            .Run(false, _ => { }, cancellationToken);
        File.Copy(historyDatabase, streamDatabase); // closed and checkpointed by the job: the file is the whole database

        var daysText = days.ToString(CultureInfo.InvariantCulture);
        var config = children.ConfigFile is { } file ? new[] { "--config", file } : [];
        progress($"the same {days} days as commands, each a cold process: retailsynth generate facts --days {days}");
        var generate = await RunOrThrowAsync(
            children, ["generate", "facts", "--days", daysText, "--database", historyDatabase, .. config], historyFolder, cancellationToken)
            .ConfigureAwait(false);
        Directory.Delete(historyFolder, recursive: true); // its gigabyte leaves the page cache before the stream needs fresh pages
        progress($"the same {days} days as commands, each a cold process: retailsynth stream --days {days}");
        var stream = await RunOrThrowAsync(
            children, ["stream", "--days", daysText, "--database", streamDatabase, "--sink", "file", "--pacing", "max", .. config], streamFolder, cancellationToken)
            .ConfigureAwait(false);
        Directory.Delete(folder, recursive: true);
        return new Commands(generate, stream);
    }

    private static async Task<CommandRun.Result> RunOrThrowAsync(ChildLaunch children, string[] arguments, string folder, CancellationToken cancellationToken)
    {
        var result = await CommandRun.RunAsync(children.Launch, arguments, folder, children.Variables, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0
            ? result
            : throw new RetailSynthException($"bench: `retailsynth {string.Join(' ', arguments)}` exited {result.ExitCode}: {result.Output.Trim().Split('\n')[^1]}");
    }

    /// <summary>
    /// Each day's delivery after the previous one's, and the steady-state rate: the events of every day after the
    /// first over the time from the first day's delivery to the last's, so start-up (building the world, the first
    /// commit, JIT) is left out. While a day drains the next is simulated, so this is the pipeline's throughput.
    /// </summary>
    private static (List<DayCycle> Cycles, double SteadyState) Cycles(IReadOnlyList<DayDelivery> deliveries)
    {
        var cycles = new List<DayCycle>();
        var previous = new DayDelivery(default, TimeSpan.Zero, 0);
        foreach (var delivery in deliveries)
        {
            cycles.Add(new DayCycle(delivery.Day, delivery.EventsSent - previous.EventsSent, (delivery.SinceStart - previous.SinceStart).TotalSeconds));
            previous = delivery;
        }

        var steadyState = deliveries.Count < 2 ? 0
            : (deliveries[^1].EventsSent - deliveries[0].EventsSent) / (deliveries[^1].SinceStart - deliveries[0].SinceStart).TotalSeconds;
        return (cycles, steadyState);
    }

    /// <summary>
    /// The first day simulated in memory; only the event building is measured (the simulator hands each hour over once
    /// its store workers are done, so nothing else runs while it is).
    /// </summary>
    private static (List<EncodedEvent> Events, PhaseCost Cost) SerialiseFirstDay(RetailSynthSettings settings, ReferenceDictionaries dictionaries, CancellationToken cancellationToken)
    {
        var identity = DatasetIdentity.Compute(settings.Simulation, dictionaries);
        var simulator = new DaySimulator(
            new SimulationWorld(settings.Simulation, DimensionGenerator.Generate(settings.Simulation, dictionaries), dictionaries),
            settings.Performance.MaxDegreeOfParallelism);
        var day = settings.Simulation.StartDate;
        var builder = new HourEventBuilder(identity.DatasetId, settings.Simulation.StartDate);
        var rank = 0L;
        var events = new List<EncodedEvent>();
        var cost = PhaseCost.Zero;
        simulator.Run(day, simulator.CreateInitialState(), new Dictionary<string, RetailSynth.Engine.Simulation.Stores.SaleForReturn>(), hour =>
        {
            var meter = PhaseMeter.Start();
            events.AddRange(builder.Build(hour, day, ref rank));
            cost += meter.Stop();
        }, cancellationToken);
        return (events, cost);
    }

    /// <summary>
    /// The stages an event passes between the simulator and the sink, each metered apart on the same events, done the
    /// way streaming does them: the bodies written to the day's body file and fsynced (<see cref="OutboxBodyFiles"/>),
    /// the rows appended through data chunks by <see cref="DayWriter.AppendOutboxRows"/> and committed, leased back by the
    /// relay's <see cref="OutboxStore.Lease"/> in batches of <paramref name="batchSize"/> with their bodies read from
    /// the file and acknowledged, and written by the file sink. Serialising is measured by <see cref="SerialiseFirstDay"/>.
    /// </summary>
    private static async Task<(PhaseCost BodyFile, PhaseCost Append, PhaseCost Lease, PhaseCost Sink)> MeasureOutboxStagesAsync(
        string path, string sinkFolder, List<EncodedEvent> events, int batchSize, CancellationToken cancellationToken)
    {
        DeleteDatabase(path);
        var located = new List<EncodedEvent>(events.Count);
        try
        {
            using var database = RetailDatabase.Open(path);
            var meter = PhaseMeter.Start();
            using (var file = OutboxBodyFiles.ForDatabase(database.Path).StartDay(events[0].SimDay))
            {
                foreach (var e in events)
                {
                    located.Add(e with { Body = default, InFile = new BodyLocation(file.Append(e.Body.Span), e.Body.Length) });
                }

                file.Complete();
            }

            var bodyFile = meter.Stop();

            meter = PhaseMeter.Start();
            using (var transaction = database.Connection.BeginTransaction())
            {
                using (var appender = DayWriter.OpenOutbox(database.Connection))
                {
                    DayWriter.AppendOutboxRows(appender, located);
                    appender.Close();
                }

                transaction.Commit();
            }

            var append = meter.Stop();

            var (lease, sent, leased) = (PhaseCost.Zero, PhaseCost.Zero, 0);
            var store = OutboxStore.For(database);
            var sink = new FileSink(sinkFolder);
            await using (sink.ConfigureAwait(false))
            {
                for (var cursor = -1L; ;)
                {
                    meter = PhaseMeter.Start();
                    var batch = store.Lease(cursor, batchSize, sink.MaxBatchBytes);
                    lease += meter.Stop();
                    if (batch.Count == 0)
                    {
                        break;
                    }

                    leased += batch.Count;
                    meter = PhaseMeter.Start();
                    var report = await sink.SendAsync(batch, cancellationToken).ConfigureAwait(false);
                    sent += meter.Stop();
                    if (report.CountOf(DeliveryState.Delivered) != batch.Count)
                    {
                        throw new InvalidOperationException($"the benchmark's file sink did not take a batch: {report.Failure?.Message}");
                    }

                    meter = PhaseMeter.Start();
                    cursor = batch[^1].OutboxId;
                    store.Acknowledge(cursor);
                    lease += meter.Stop();
                }
            }

            if (leased != events.Count)
            {
                throw new InvalidOperationException($"the benchmark's relay leased {leased:N0} of the {events.Count:N0} events appended");
            }

            return (bodyFile, append, lease, sent);
        }
        finally
        {
            DeleteDatabase(path);
            if (Directory.Exists(sinkFolder))
            {
                Directory.Delete(sinkFolder, recursive: true);
            }
        }
    }

    /// <summary>
    /// The first stored-body design, for reference: the same rows with each body in the table's <c>body</c> column
    /// (DuckDB.NET's row API, as it was measured then), one transaction; bodies in day files replaced it.
    /// </summary>
    private static PhaseCost AppendBodiesInColumn(string path, List<EncodedEvent> events)
    {
        DeleteDatabase(path);
        try
        {
            using var database = RetailDatabase.Open(path);
            var meter = PhaseMeter.Start();
            using (var transaction = database.Connection.BeginTransaction())
            {
                using (var appender = database.Connection.CreateAppender(DatasetTables.Outbox))
                {
                    foreach (var e in events)
                    {
                        // attempts as int?: a bare 0 binds to AppendValue(sbyte?) and writes one byte of the INTEGER.
                        appender.CreateRow()
                            .AppendValue(e.OutboxId).AppendValue(e.EventId).AppendValue(e.EventTs).AppendValue(e.SimDay).AppendValue(e.EventType)
                            .AppendValue(e.PartitionKey).AppendValue(e.Body.ToArray())
                            .AppendValue("pending").AppendValue((int?)0).AppendNullValue().AppendNullValue().AppendNullValue().AppendValue(e.CorrelationId)
                            .AppendNullValue().AppendNullValue()
                            .EndRow();
                    }
                }

                transaction.Commit();
            }

            return meter.Stop();
        }
        finally
        {
            DeleteDatabase(path);
        }
    }

    private static void DeleteDatabase(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
        OutboxBodyFiles.ForDatabase(Path.GetFullPath(path)).DeleteAll();
    }

    /// <summary>The reference: the seed's relay sent one event per send and paused 500 ms between sends.</summary>
    private static async Task<(long Sent, PhaseCost Cost)> SeedLoopAsync(string folder, List<EncodedEvent> events, CancellationToken cancellationToken)
    {
        var sink = new FileSink(folder);
        await using (sink.ConfigureAwait(false))
        {
            var meter = PhaseMeter.Start();
            var clock = Stopwatch.StartNew();
            var sent = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(5) && sent < events.Count)
            {
                var e = events[sent];
                await sink.SendAsync([new OutboundEvent(e.OutboxId, e.EventId, e.EventTs, e.SimDay, e.EventType, e.PartitionKey, e.CorrelationId, e.Body)], cancellationToken)
                    .ConfigureAwait(false);
                sent++;
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }

            return (sent, meter.Stop());
        }
    }

    private sealed class FileOnly : ISinkFactory
    {
        public IEventSink Create(StreamingOptions options) => new FileSink(options.File.Directory);
    }
}
