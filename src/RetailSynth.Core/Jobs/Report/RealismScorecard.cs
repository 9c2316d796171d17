using DuckDB.NET.Data;
using RetailSynth.Storage;

namespace RetailSynth.Jobs.Report;

/// <summary>
/// Computes the realism scorecard (realism.md) over committed days: every KPI R1–R17, each from its own SQL
/// (<see cref="RealismKpis"/>), inside one transaction that is rolled back, so every KPI reads the same snapshot and
/// nothing is written.
/// </summary>
public sealed class RealismScorecard
{
    /// <param name="connection">An open connection to the dataset (read-only is enough).</param>
    /// <param name="from">First UTC day; default the dataset's start date.</param>
    /// <param name="to">Last UTC day; default the last committed day.</param>
    /// <param name="starting">Called before each KPI runs, for progress display.</param>
    /// <param name="cancellationToken">Stops between queries.</param>
    /// <exception cref="ReportRangeException">The range is reversed or reaches beyond the committed days.</exception>
    /// <exception cref="RetailSynthException">No dataset, no committed day yet, or data of another model version.</exception>
    public RealismReport Run(DuckDBConnection connection, DateOnly? from = null, DateOnly? to = null, Action<string>? starting = null, CancellationToken cancellationToken = default)
    {
        var dataset = ReadDataset(connection);
        var horizon = Resolve(dataset, from, to);
        var context = new ReportContext(connection, horizon, cancellationToken);
        var results = new List<KpiResult>(RealismKpis.All.Count);

        using var transaction = connection.BeginTransaction();
        foreach (var kpi in RealismKpis.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            starting?.Invoke($"{kpi.Id} {kpi.Title}");
            var builder = new KpiBuilder(kpi.Id, kpi.Title, horizon);
            try
            {
                kpi.Measure(builder, context);
            }
            catch (MissingModelColumnsException ex)
            {
                builder.NotMeasured(ex.Message);
            }
            catch (DuckDBException ex)
            {
                throw new RetailSynthException($"KPI {kpi.Id} could not run: {ex.Message.Split('\n')[0]}", ex);
            }

            results.Add(builder.Build());
        }

        transaction.Rollback();
        return new RealismReport(dataset.DatasetId, dataset.Profile, dataset.ModelVersion, horizon.From, horizon.To, horizon.Days, results);
    }

    /// <summary>The horizon a request names, checked against the committed days (realism.md §1: default start_date … last_committed_day).</summary>
    internal static ReportHorizon Resolve(DatasetRecord dataset, DateOnly? from, DateOnly? to)
    {
        if (dataset.LastCommittedDay is not { } last)
        {
            throw new RetailSynthException("The database holds no committed day yet, so there is nothing to score; generate facts first.");
        }

        var first = from ?? dataset.StartDate;
        var final = to ?? last;
        if (first < dataset.StartDate)
        {
            throw new ReportRangeException("from", $"from {first:yyyy-MM-dd} is before the dataset's start date {dataset.StartDate:yyyy-MM-dd}.");
        }

        if (final > last)
        {
            throw new ReportRangeException("to", $"to {final:yyyy-MM-dd} is after the last committed day {last:yyyy-MM-dd}; the report reads committed days only.");
        }

        if (first > final)
        {
            throw new ReportRangeException(from is null ? "to" : "from", $"from {first:yyyy-MM-dd} is after to {final:yyyy-MM-dd}.");
        }

        return new ReportHorizon(first, final, dataset.StartDate, last, dataset.Profile);
    }

    /// <summary>The dataset the file holds, refused when there is none or it is of another model version.</summary>
    internal static DatasetRecord ReadDataset(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT dataset_id, seed, config_fingerprint, model_version, profile, start_date, last_committed_day, state_version FROM sim_state";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new RefusedException(RefusalReason.NoDimensions, "The database holds no dataset yet", "; generate dimensions and facts first.");
        }

        var dataset = new DatasetRecord(
            reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
            reader.GetFieldValue<DateOnly>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6), reader.GetInt32(7));
        if (dataset.ModelVersion != DatasetIdentity.ModelVersion)
        {
            // The same refusal as ModelVersionGuard's (which needs a RetailDatabase; the server hands a connection).
            throw new RefusedException(
                RefusalReason.OtherModelVersion,
                $"The database holds a model version {dataset.ModelVersion} dataset, but this build reads model version {DatasetIdentity.ModelVersion}",
                "; regenerate it with this build, or read it with the build that wrote it.");
        }

        return dataset;
    }
}
