using DuckDB.NET.Data;
using RetailSynth.Domain.Facts;
using RetailSynth.Simulation.State;

namespace RetailSynth.Storage;

/// <summary>
/// Publishes one simulated day atomically (data-model P12, streaming.md §2): the day's fact rows, the
/// simulator state that follows it and the watermark become visible together, or not at all.
/// </summary>
/// <remarks>
/// Write path (a) of streaming.md §2: one connection, one transaction, Appenders in sequence. Any
/// failure or cancellation before COMMIT leaves nothing behind, so no recovery step is needed.
/// Measured figures and the comparison with the alternatives are in docs/decisions.md (bench).
/// </remarks>
public static class DayCommitter
{
    /// <summary>Where the time of one commit went, for logs and the benchmark.</summary>
    public sealed record Timing(TimeSpan Facts, TimeSpan State, TimeSpan Commit);

    public static Timing Commit(RetailDatabase database, DateOnly day, DayFacts facts, SimulationState state, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var connection = database.Connection;
        using var transaction = connection.BeginTransaction();
        var expected = ExpectedWatermark(connection);
        if (expected is { } last && last != day.AddDays(-1))
        {
            throw new InvalidOperationException($"Day {day:yyyy-MM-dd} does not follow the watermark {last:yyyy-MM-dd}.");
        }

        FactAppenders.AppendAll(connection, facts, cancellationToken);
        var factsTime = clock.Elapsed;
        SimStateStore.Save(connection, state);
        var stateTime = clock.Elapsed - factsTime;
        cancellationToken.ThrowIfCancellationRequested();

        using (var watermark = connection.CreateCommand())
        {
            watermark.CommandText = "UPDATE sim_state SET last_committed_day = $day, state_version = state_version + 1";
            watermark.Parameters.Add(new DuckDBParameter("day", day));
            watermark.ExecuteNonQuery();
        }

        transaction.Commit();
        SimStateStore.MarkPersisted(state);
        state.LastCommittedDay = day;
        return new Timing(factsTime, stateTime, clock.Elapsed - factsTime - stateTime);
    }

    private static DateOnly? ExpectedWatermark(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_committed_day FROM sim_state";
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : (DateOnly)value;
    }
}
