using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs;
using RetailSynth.Reference;
using RetailSynth.Storage;

namespace RetailSynth.Cli.Bench;

/// <summary>
/// <c>retailsynth bench</c>: measures, in one run and on the same rows, (1) dimension generation, (2) end-to-end
/// historical generation into DuckDB, (3) the simulator alone (no writes), (4) a raw baseline — the same fact
/// rows, day by day, appended by the bare Appender loop (DuckDB.NET's row API) with one transaction per day, nothing
/// else — and (5) the same rows through the day writer's data chunks alone. Each phase's <see cref="PhaseCost"/> sits
/// next to its wall time: CPU seconds, cores busy, managed bytes allocated (per row), GC pauses and collections.
/// </summary>
/// <remarks>
/// End to end runs first, on a cold JIT, so it is never flattered by the phases after it. The baseline appends
/// every simulated day (not a sample day) into its own database, so both sides write the same rows into a
/// database of the same size. End to end is metered like <see cref="FactGenerationJob.Result.Elapsed"/>: from the world
/// loaded to the last day committed; closing its database afterwards (the checkpoint) is reported apart.
/// </remarks>
public static class GenerationBenchmark
{
    /// <summary>A phase over <paramref name="Rows"/> rows and what it cost (its wall seconds among them).</summary>
    public sealed record Measure(string Name, long Rows, PhaseCost Cost)
    {
        public double Seconds => Cost.WallSeconds;

        public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;

        public double AllocatedBytesPerRow => Cost.AllocatedBytesPer(Rows);
    }

    public sealed record Report(
        string Profile,
        int Days,
        Measure Dimensions,
        Measure SimulatorOnly,
        Measure EndToEnd,
        Measure RawAppenderBaseline,
        Measure DataChunkWriterAlone,
        double EndToEndOverBaseline,
        PhaseCost EndToEndDatabaseClose,
        double EndToEndPeakRssMiB,
        double PeakRssMiB,
        IReadOnlyList<double> SecondsPerDay,
        IReadOnlyList<double> BaselineSecondsPerDay,
        IReadOnlyDictionary<string, long> RowsPerTable);

    public static Report Run(RetailSynthSettings settings, ReferenceDictionaries dictionaries, int days, string folder, Action<string> progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var endToEndPath = Path.Combine(folder, "bench-end-to-end.duckdb");
        var baselinePath = Path.Combine(folder, "bench-baseline.duckdb");
        var chunksPath = Path.Combine(folder, "bench-data-chunks.duckdb");
        Delete(endToEndPath);
        Delete(baselinePath);
        Delete(chunksPath);
        var benchSettings = settings with { Storage = new StorageOptions { DatabasePath = endToEndPath } };

        try
        {
            progress("dimensions");
            var (dimensionResult, dimensionCost) = PhaseMeter.Measure(() =>
                new DimensionJob(benchSettings, dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, cancellationToken));
            var dimensions = new Measure("dimensions (generate + write)", dimensionResult.RowCounts.Values.Sum(), dimensionCost);

            progress($"end to end into DuckDB, {days} days");
            var perDay = new List<double>();
            var previous = TimeSpan.Zero;
            var endToEndRun = MeteredFactJob.Run(
                new FactGenerationJob(benchSettings, dictionaries, NullLogger<FactGenerationJob>.Instance), new FactGenerationJob.Range(days, null), p =>
                {
                    perDay.Add((p.Elapsed - previous).TotalSeconds);
                    previous = p.Elapsed;
                    progress($"end to end: day {p.DaysDone}/{p.DaysTotal}, {p.DayRows:N0} rows in {perDay[^1]:0.00} s");
                }, cancellationToken);
            var endToEnd = new Measure("end to end (simulate + commit, after the world load)", endToEndRun.Result.Rows, endToEndRun.Days);
            var endToEndPeak = PeakRssMiB(); // before the baseline phase, which holds a second world and a whole day

            progress($"simulator only, and the raw Appender baseline on each day's rows, {days} days");
            var (simulatorOnly, baseline, chunks, baselinePerDay) = SimulateThenAppend(settings, dictionaries, days, baselinePath, chunksPath, progress, cancellationToken);

            return new Report(
                settings.Simulation.Profile, days, dimensions, simulatorOnly, endToEnd, baseline, chunks,
                endToEnd.RowsPerSecond / baseline.RowsPerSecond,
                endToEndRun.Close,
                endToEndPeak,
                PeakRssMiB(),
                perDay,
                baselinePerDay,
                endToEndRun.Result.RowsPerTable);
        }
        finally
        {
            Delete(endToEndPath);
            Delete(baselinePath);
            Delete(chunksPath);
        }
    }

    /// <summary>
    /// Simulates the days in memory (timed: the simulator alone), and appends each day's rows with the bare
    /// Appender loop into the baseline database, one transaction per day (timed apart: the raw baseline). The same
    /// rows also go through the day writer's data chunks into a third database (timed apart: the writer alone, no
    /// simulator beside it and no state), which shows what end to end loses to sharing two cores.
    /// </summary>
    private static (Measure Simulator, Measure Baseline, Measure DataChunks, IReadOnlyList<double> BaselinePerDay) SimulateThenAppend(
        RetailSynthSettings settings, ReferenceDictionaries dictionaries, int days, string baselinePath, string chunksPath, Action<string> progress,
        CancellationToken cancellationToken)
    {
        var world = new SimulationWorld(settings.Simulation, DimensionGenerator.Generate(settings.Simulation, dictionaries), dictionaries);
        var simulator = new DaySimulator(world, settings.Performance.MaxDegreeOfParallelism);
        var state = simulator.CreateInitialState();
        var sales = new Dictionary<string, SaleForReturn>();
        using var database = RetailDatabase.Open(baselinePath);
        using var chunksDatabase = RetailDatabase.Open(chunksPath);
        var simulating = PhaseCost.Zero;
        var appending = PhaseCost.Zero;
        var chunking = PhaseCost.Zero;
        var baselinePerDay = new List<double>();
        var rows = 0L;
        for (var d = 0; d < days; d++)
        {
            var meter = PhaseMeter.Start();
            var day = settings.Simulation.StartDate.AddDays(d);
            var facts = simulator.Simulate(day, state, sales, cancellationToken);
            var labels = world.NodeZones.ForDay(day);
            RememberSalesToReturn(facts, state, sales);
            simulating += meter.Stop();
            rows += facts.TotalRows;

            meter = PhaseMeter.Start();
            AppendDay(database, connection => new TableAppenders(connection), facts, labels, cancellationToken);
            var appendedDay = meter.Stop();
            appending += appendedDay;
            baselinePerDay.Add(appendedDay.WallSeconds);

            meter = PhaseMeter.Start();
            AppendDay(chunksDatabase, connection => new DataChunkAppenders(connection), facts, labels, cancellationToken);
            chunking += meter.Stop();
            progress($"baseline: day {d + 1}/{days}, {facts.TotalRows:N0} rows appended in {baselinePerDay[^1]:0.00} s");
        }

        return (
            new Measure("simulator only (no writes)", rows, simulating),
            new Measure("raw Appender baseline (same rows, a transaction per day)", rows, appending),
            new Measure("day writer's data chunks alone (same rows, a transaction per day)", rows, chunking),
            baselinePerDay);
    }

    /// <summary>
    /// What the database path reads back before each day (ReturnSalesReader), kept in memory instead: the sales with
    /// a scheduled return, and the online orders still open, whose return is only decided at DELIVERED on a later day.
    /// </summary>
    private static void RememberSalesToReturn(FactBatch facts, RetailSynth.Engine.Simulation.State.SimulationState state, Dictionary<string, SaleForReturn> sales)
    {
        var due = state.ScheduledReturns.Select(r => r.SourceIdExt)
            .Concat(state.OpenOrders.Select(o => o.OrderIdExt))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var sale in SaleForReturn.FromFacts(facts, due))
        {
            sales[sale.ReceiptIdExt] = sale;
        }
    }

    /// <summary>
    /// One day's rows in one transaction, through the given writer: DuckDB.NET's row API for the raw baseline
    /// (<see cref="TableAppenders"/>), or the day writer's data chunks (<see cref="DataChunkAppenders"/>) with no state
    /// and no simulator beside them.
    /// </summary>
    private static void AppendDay<TRow>(
        RetailDatabase database, Func<DuckDB.NET.Data.DuckDBConnection, ITableAppenders<TRow>> open, FactBatch facts, LocalLabels labels,
        CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        using var transaction = database.Connection.BeginTransaction();
        using (var appenders = open(database.Connection))
        {
            FactAppenders.AppendAll(appenders, facts, labels, cancellationToken);
            appenders.Close();
        }

        transaction.Commit();
    }

    private static double PeakRssMiB() => Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;

    private static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }
}
