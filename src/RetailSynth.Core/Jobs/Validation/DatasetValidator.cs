using System.Diagnostics;
using DuckDB.NET.Data;
using RetailSynth.Storage;

namespace RetailSynth.Jobs.Validation;

/// <summary>
/// Runs invariant checks (by default the whole <see cref="InvariantCatalog"/>) against a database and
/// reports each one's violations. Reads only; refuses a dataset of another model version.
/// </summary>
public sealed class DatasetValidator(IReadOnlyList<Invariant>? invariants = null)
{
    private readonly IReadOnlyList<Invariant> _invariants = invariants ?? InvariantCatalog.All;

    /// <param name="database">The database to check; read only.</param>
    /// <param name="starting">Called before each check runs, for progress display.</param>
    /// <param name="cancellationToken">Stops between checks.</param>
    public ValidationReport Validate(RetailDatabase database, Action<Invariant>? starting = null, CancellationToken cancellationToken = default)
    {
        ModelVersionGuard.RequireCurrentModelVersion(database); // another model's tables are not what the checks describe
        var total = Stopwatch.StartNew();
        var results = new List<InvariantResult>(_invariants.Count);

        // One transaction gives every check the same snapshot; it is rolled back, never committed.
        using var transaction = database.Connection.BeginTransaction();
        foreach (var invariant in _invariants)
        {
            cancellationToken.ThrowIfCancellationRequested();
            starting?.Invoke(invariant);
            var clock = Stopwatch.StartNew();
            long violations;
            try
            {
                violations = database.Scalar(invariant.Sql);
            }
            catch (DuckDBException ex)
            {
                throw new RetailSynthException($"Check {invariant.Id} could not run: {ex.Message.Split('\n')[0]}", ex);
            }

            results.Add(new InvariantResult(invariant, violations, clock.Elapsed));
        }

        transaction.Rollback();
        return new ValidationReport(results, total.Elapsed);
    }
}
