using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Configuration;
using RetailSynth.Dictionaries;
using RetailSynth.Dimensions;
using RetailSynth.Domain.Facts;
using RetailSynth.Jobs;
using RetailSynth.Simulation;
using RetailSynth.Simulation.Stores;
using RetailSynth.Simulation.World;
using RetailSynth.Storage;

namespace RetailSynth.Benchmarks;

/// <summary>
/// <c>retailsynth bench</c>: measures, in one run and on the same rows, (1) dimension generation,
/// (2) the simulator alone (no writes), (3) end-to-end historical generation into DuckDB, and (4) a raw
/// baseline — the same fact rows appended by the bare Appender loop in one transaction, nothing else.
/// </summary>
public static class GenerationBenchmark
{
    public sealed record Measure(string Name, long Rows, double Seconds)
    {
        public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
    }

    public sealed record Report(
        string Profile,
        int Days,
        Measure Dimensions,
        Measure SimulatorOnly,
        Measure EndToEnd,
        Measure RawAppenderBaseline,
        double EndToEndOverBaseline,
        double PeakRssMiB,
        IReadOnlyList<double> SecondsPerDay,
        IReadOnlyDictionary<string, long> RowsPerTable);

    public static Report Run(RetailSynthSettings settings, ReferenceDictionaries dictionaries, int days, string folder, Action<string> progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var endToEndPath = Path.Combine(folder, "bench-end-to-end.duckdb");
        var baselinePath = Path.Combine(folder, "bench-baseline.duckdb");
        Delete(endToEndPath);
        Delete(baselinePath);
        var benchSettings = settings with { Storage = new StorageOptions { DatabasePath = endToEndPath } };

        try
        {
            progress("dimensions");
            var dimensionResult = new DimensionJob(benchSettings, dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, cancellationToken);
            var dimensionRows = dimensionResult.RowCounts.Values.Sum();
            var dimensions = new Measure("dimensions (generate + write)", dimensionRows, (dimensionResult.GenerateTime + dimensionResult.WriteTime).TotalSeconds);

            progress($"simulator only, {days} days");
            var (simulatorOnly, lastDay) = SimulateInMemory(settings, dictionaries, days, cancellationToken);

            progress($"end to end into DuckDB, {days} days");
            var perDay = new List<double>();
            var previous = TimeSpan.Zero;
            var endToEndResult = new FactGenerationJob(benchSettings, dictionaries, NullLogger<FactGenerationJob>.Instance)
                .Run(new FactGenerationJob.Range(days, null), p =>
                {
                    perDay.Add((p.Elapsed - previous).TotalSeconds);
                    previous = p.Elapsed;
                    progress($"end to end: day {p.DaysDone}/{p.DaysTotal}, {p.DayRows:N0} rows in {perDay[^1]:0.00} s");
                }, cancellationToken);
            var endToEnd = new Measure("end to end (simulate + commit)", endToEndResult.Rows, endToEndResult.Elapsed.TotalSeconds);

            progress("raw Appender baseline (the last day's rows)");
            var baseline = AppendBaseline(baselinePath, lastDay, cancellationToken);

            return new Report(
                settings.Simulation.Profile, days, dimensions, simulatorOnly, endToEnd, baseline,
                endToEnd.RowsPerSecond / baseline.RowsPerSecond,
                Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0,
                perDay,
                endToEndResult.RowsPerTable);
        }
        finally
        {
            Delete(endToEndPath);
            Delete(baselinePath);
        }
    }

    private static (Measure Measure, DayFacts LastDay) SimulateInMemory(
        RetailSynthSettings settings, ReferenceDictionaries dictionaries, int days, CancellationToken cancellationToken)
    {
        var world = new SimulationWorld(settings.Simulation, DimensionGenerator.Generate(settings.Simulation, dictionaries), dictionaries);
        var simulator = new DaySimulator(world, settings.Performance.MaxDegreeOfParallelism);
        var state = simulator.CreateInitialState();
        var sales = new Dictionary<string, SaleForReturn>();
        var clock = Stopwatch.StartNew();
        var rows = 0L;
        DayFacts? last = null;
        for (var d = 0; d < days; d++)
        {
            last = simulator.Simulate(settings.Simulation.StartDate.AddDays(d), state, sales, cancellationToken);
            rows += last.TotalRows;
            RememberSalesToReturn(last, state, sales);
        }

        return (new Measure("simulator only (no writes)", rows, clock.Elapsed.TotalSeconds), last!);
    }

    /// <summary>What the database path reads back before each day (ReturnSalesReader), kept in memory instead.</summary>
    private static void RememberSalesToReturn(DayFacts facts, Simulation.State.SimulationState state, Dictionary<string, SaleForReturn> sales)
    {
        var due = state.ScheduledReturns.Select(r => r.SaleReceiptIdExt).ToHashSet(StringComparer.Ordinal);
        foreach (var sale in SaleForReturn.FromFacts(facts, due))
        {
            sales[sale.ReceiptIdExt] = sale;
        }
    }

    /// <summary>The same rows, the same tables and column types, appended by the bare loop in one transaction.</summary>
    private static Measure AppendBaseline(string path, DayFacts facts, CancellationToken cancellationToken)
    {
        using var database = RetailDatabase.Open(path);
        var clock = Stopwatch.StartNew();
        using (var transaction = database.Connection.BeginTransaction())
        {
            FactAppenders.AppendAll(database.Connection, facts, cancellationToken);
            transaction.Commit();
        }

        return new Measure("raw Appender baseline (same rows, one transaction)", facts.TotalRows, clock.Elapsed.TotalSeconds);
    }

    private static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }
}
