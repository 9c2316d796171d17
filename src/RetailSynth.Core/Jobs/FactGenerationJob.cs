using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Reference;
using RetailSynth.Storage;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Jobs;

/// <summary>
/// <c>generate facts</c>: historical days from the watermark onwards, each simulated in memory and
/// committed atomically. Never writes the outbox. Cancellation rolls back only the current day.
/// </summary>
public sealed partial class FactGenerationJob(RetailSynthSettings settings, ReferenceDictionaries dictionaries, ILogger<FactGenerationJob> logger)
{
    /// <summary>A request for days: a count from the watermark, or an inclusive end date.</summary>
    public sealed record Range(int? Days, DateOnly? To);

    public sealed record Progress(int DaysDone, int DaysTotal, DateOnly Day, long DayRows, long TotalRows, TimeSpan Elapsed)
    {
        public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? TotalRows / Elapsed.TotalSeconds : 0;

        public TimeSpan Eta => DaysDone == 0 ? TimeSpan.Zero : Elapsed / DaysDone * (DaysTotal - DaysDone);
    }

    public sealed record Result(DateOnly? FirstDay, DateOnly? LastDay, int Days, long Rows, TimeSpan Elapsed, IReadOnlyDictionary<string, long> RowsPerTable);

    /// <summary>The days the range resolves to, checked against the database before anything is generated.</summary>
    public (DateOnly First, DateOnly Last) Plan(RetailDatabase database, Range range)
    {
        var state = DayPipeline.RequireDataset(settings, dictionaries, database);
        var pending = OutboxStore.For(database).CountPending();
        if (pending > 0)
        {
            throw new RefusedException(
                RefusalReason.OutboxPending,
                $"The outbox holds {pending:N0} undelivered events; days generated behind them would never be streamed",
                ". Stream them first, or clear the outbox to discard them (their facts stay).");
        }

        return Resolve(range, state.StartDate, state.LastCommittedDay);
    }

    /// <summary>The days <paramref name="range"/> asks for after the watermark, refused when empty or too long.</summary>
    private static (DateOnly First, DateOnly Last) Resolve(Range range, DateOnly startDate, DateOnly? lastCommittedDay)
    {
        var first = lastCommittedDay?.AddDays(1) ?? startDate;
        if (range.Days is { } days)
        {
            if (days < 1)
            {
                throw new RetailSynthException(name => $"{name(RequestField.Days)} must be at least 1, got {days}.");
            }

            if (days > SettingsLimits.MaxDaysPerRun)
            {
                throw new DayRangeTooLongException($"{days} days is more than one run may generate (at most {SettingsLimits.MaxDaysPerRun}, ten years); run again to generate more.");
            }

            return (first, first.AddDays(days - 1));
        }

        var to = range.To ?? throw new RetailSynthException("Say how many days to generate: a number of days or an end date.");
        if (to < first)
        {
            throw new RefusedException(name => lastCommittedDay is { } last
                ? $"{name(RequestField.EndDate)} {to:yyyy-MM-dd} is not after the watermark: days up to {last:yyyy-MM-dd} are already generated; the next day is {first:yyyy-MM-dd}."
                : $"{name(RequestField.EndDate)} {to:yyyy-MM-dd} is before the start date {first:yyyy-MM-dd}.");
        }

        var count = to.DayNumber - first.DayNumber + 1;
        if (count > SettingsLimits.MaxDaysPerRun)
        {
            throw new DayRangeTooLongException(
                $"The end date {to:yyyy-MM-dd} asks for {count} days after the watermark; one run may generate at most {SettingsLimits.MaxDaysPerRun} (ten years: up to {first.AddDays(SettingsLimits.MaxDaysPerRun - 1):yyyy-MM-dd}); run again to generate more.");
        }

        return (first, to);
    }

    /// <summary>Raised once the range is checked, before the first day: first day, last day, estimated rows.</summary>
    public event Action<DateOnly, DateOnly, long>? Planned;

    /// <summary>Raised once the world is loaded, as the clock of <see cref="Result.Elapsed"/> starts (benchmarks meter from here).</summary>
    public event Action? Started;

    /// <summary>
    /// Rows a day is expected to hold (data-model §7 averages: ≈ 160 k for <c>small</c>, ≈ 1.16 M for <c>large</c>),
    /// scaled by the store traffic configured: an estimate for the user, never a limit.
    /// </summary>
    public long EstimatedRowsPerDay()
    {
        var s = settings.Simulation;
        var large = SimulationProfiles.Create(SimulationProfiles.Large)!;
        var small = SimulationProfiles.Create(SimulationProfiles.Small)!;
        var reference = s.Profile == SimulationProfiles.Large ? (large, 1_160_000.0) : (small, 160_000.0);
        var scale = (double)s.Stores * s.CustomersPerStoreDay / (reference.Item1.Stores * reference.Item1.CustomersPerStoreDay);
        return (long)(reference.Item2 * scale);
    }

    /// <summary>
    /// The days of <paramref name="range"/>: in the dataset's one file, in the one region the settings choose
    /// (<see cref="StorageOptions.Region"/>: the unit a worker process or a pod runs, scale-out §4), or, for a dataset of
    /// several regions run as a whole, region after region in this process, then the dataset catalog refreshed.
    /// </summary>
    public Result Run(Range range, Action<Progress> report, CancellationToken cancellationToken) =>
        DatasetLayout.IsWholeShardedDataset(settings)
            ? RunEveryRegion(range, report, cancellationToken)
            : RunRegion(range, report, cancellationToken);

    private Result RunEveryRegion(Range range, Action<Progress> report, CancellationToken cancellationToken)
    {
        var regions = DatasetLayout.EveryRegion(settings);
        var jobs = regions.Select(r => new FactGenerationJob(r, dictionaries, logger)).ToList();

        // Every region whose file exists is checked before the first day is written (another dataset, an outbox
        // pending, a date before its watermark); a fresh region file gets its dimensions when its turn comes.
        var plans = new List<int>();
        foreach (var (job, region) in jobs.Zip(regions))
        {
            if (File.Exists(region.Storage.DatabasePath))
            {
                using var database = RetailDatabase.Open(region.Storage.DatabasePath);
                if (new DimensionStore(database).ReadState() is not null)
                {
                    var (first, last) = job.Plan(database, range);
                    plans.Add(last.DayNumber - first.DayNumber + 1);
                    continue;
                }
            }

            var (start, end) = Resolve(range, settings.Simulation.StartDate, lastCommittedDay: null);
            plans.Add(end.DayNumber - start.DayNumber + 1);
        }

        var total = plans.Sum();
        var clock = Stopwatch.StartNew();
        var done = 0;
        var rows = 0L;
        var results = new List<Result>();
        var started = false;
        foreach (var job in jobs)
        {
            job.Planned += (first, last, estimate) => Planned?.Invoke(first, last, estimate);
            job.Started += () =>
            {
                if (!started)
                {
                    started = true;
                    Started?.Invoke();
                }
            };
            var result = job.Run(range, p => report(new Progress(done + p.DaysDone, total, p.Day, p.DayRows, rows + p.TotalRows, clock.Elapsed)), cancellationToken);
            results.Add(result);
            done += result.Days;
            rows += result.Rows;
        }

        DatasetCatalog.Write(settings.Storage.DatabasePath, DatasetIdentity.Compute(settings.Simulation, dictionaries).DatasetId, regions.Count);
        return new Result(
            results.Min(r => r.FirstDay),
            results.Max(r => r.LastDay),
            done,
            rows,
            clock.Elapsed,
            DatasetTables.Facts.ToDictionary(t => t, t => results.Sum(r => r.RowsPerTable[t])));
    }

    /// <summary>One file's days: the dataset's (one region) or one region's, its dimensions first if the file is fresh.</summary>
    private Result RunRegion(Range range, Action<Progress> report, CancellationToken cancellationToken)
    {
        if (settings.Storage.Region is not null)
        {
            // A region runs wherever its file is (a worker, a pod with an empty disk): like `stream`, it creates the
            // dimensions the settings describe when the file has none, instead of refusing.
            new DimensionBootstrap(settings, dictionaries, logger).EnsureDimensions();
        }

        using var database = RetailDatabase.Open(settings.Storage.DatabasePath);
        var (first, last) = Plan(database, range);
        var total = last.DayNumber - first.DayNumber + 1;
        LogPlan(first, last, total);
        Planned?.Invoke(first, last, total * EstimatedRowsPerDay());

        var pipeline = DayPipeline.Load(settings, dictionaries, database);
        Started?.Invoke();
        var clock = Stopwatch.StartNew();
        var rows = 0L;
        var perTable = DatasetTables.Facts.ToDictionary(t => t, _ => 0L);
        var daysDone = 0;

        // The simulator runs ahead of the writer by at most a few hours; a day's progress is reported once it is committed.
        using var writer = new DayWriter(database, committed =>
        {
            foreach (var (table, count) in committed.RowsPerTable)
            {
                perTable[table] += count;
            }

            rows += committed.Rows;
            LogDay(committed.Day, committed.Rows, committed.Append.TotalMilliseconds, committed.State.TotalMilliseconds, committed.Commit.TotalMilliseconds, committed.Waiting.TotalMilliseconds);
            report(new Progress(++daysDone, total, committed.Day, committed.Rows, rows, clock.Elapsed));
        });

        for (var i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
        {
            if (!pipeline.Produce(writer, outbox: null, cancellationToken))
            {
                break; // the writer rolls back this unfinished day and commits every earlier one
            }
        }

        writer.Complete();
        cancellationToken.ThrowIfCancellationRequested();
        return new Result(first, last, total, rows, clock.Elapsed, perTable);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Day {Day} committed: {Rows} rows; append facts {FactsMs:0} ms, state {StateMs:0} ms, commit {CommitMs:0} ms, waited for the simulator {WaitingMs:0} ms")]
    private partial void LogDay(DateOnly day, long rows, double factsMs, double stateMs, double commitMs, double waitingMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generating {Days} days from {First} to {Last}")]
    private partial void LogPlan(DateOnly first, DateOnly last, int days);
}
