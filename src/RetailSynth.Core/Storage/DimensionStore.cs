using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>Writes the six dimensions and the dataset identity in one transaction, through Appenders only.</summary>
public sealed class DimensionStore(RetailDatabase database)
{
    private readonly DuckDBConnection _connection = database.Connection;

    public DatasetRecord? ReadState()
    {
        using var command = _connection.CreateCommand();
        command.CommandText =
            "SELECT dataset_id, seed, config_fingerprint, model_version, profile, start_date, last_committed_day, state_version FROM sim_state";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new DatasetRecord(
            reader.GetString(0),
            reader.GetInt64(1),
            reader.GetString(2),
            reader.GetInt32(3),
            reader.GetString(4),
            reader.GetFieldValue<DateOnly>(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
            reader.GetInt32(7));
    }

    /// <summary>Which region of which dataset the file records (scale-out §2); null for a file written before regions.</summary>
    public RegionRecord? ReadRegion()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT dataset_id, region_index, region_count FROM sim_region";
        using var reader = command.ExecuteReader();
        return reader.Read() ? new RegionRecord(reader.GetString(0), new Region(reader.GetInt32(1), reader.GetInt32(2))) : null;
    }

    /// <summary>
    /// Refuses a file that records another region than <paramref name="expected"/> (a region file copied or renamed into
    /// another region's place): its rows would be simulated as that other region's.
    /// </summary>
    public void EnsureRegion(Region expected)
    {
        if (ReadRegion() is { } recorded && recorded.Region != expected)
        {
            throw new RefusedException(
                RefusalReason.DatasetMismatch,
                $"The database '{database.Path}' holds {recorded.Region} of dataset {recorded.DatasetId}, but it is opened as {expected}; generation never mixes regions",
                ": each region keeps its own file.");
        }
    }

    /// <summary>
    /// Refuses what would mix datasets or silently destroy facts, before anything is written:
    /// another dataset in the file, or committed days without <paramref name="force"/>.
    /// </summary>
    public void EnsureDimensionsMayBeWritten(DatasetIdentity identity, bool force) => EnsureDimensionsMayBeWritten(identity, force, region: null);

    /// <summary>As <see cref="EnsureDimensionsMayBeWritten(DatasetIdentity, bool)"/>, also refusing a file of another region.</summary>
    public void EnsureDimensionsMayBeWritten(DatasetIdentity identity, bool force, Region? region)
    {
        var state = ReadState();
        if (state is null || force)
        {
            return;
        }

        if (region is { } expected && state.DatasetId == identity.DatasetId)
        {
            EnsureRegion(expected);
        }

        if (state.DatasetId != identity.DatasetId)
        {
            throw new RefusedException(
                RefusalReason.DimensionsOfOtherDataset,
                $"The database '{database.Path}' holds dataset {state.DatasetId} (seed {state.Seed}, profile {state.Profile}, start {state.StartDate:yyyy-MM-dd}), " +
                $"but the current settings describe dataset {identity.DatasetId}",
                "; use another database file, or force the regeneration to replace it and every fact.");
        }

        if (state.LastCommittedDay is { } day)
        {
            throw new RefusedException(
                RefusalReason.FactsExist,
                $"The database '{database.Path}' holds facts up to {day:yyyy-MM-dd}; regenerating dimensions would invalidate them",
                ". Forcing it deletes facts, outbox and simulator state together.");
        }
    }

    public void Write(DimensionSet dimensions, DatasetIdentity identity, string profile, DateOnly startDate, long seed, bool force, CancellationToken cancellationToken)
    {
        EnsureDimensionsMayBeWritten(identity, force, dimensions.Region);

        using var transaction = _connection.BeginTransaction();
        DeleteEveryRow();
        DimensionAppenders.AppendAll(_connection, dimensions, cancellationToken);

        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO sim_state VALUES ($dataset_id, $seed, $fingerprint, $model_version, $profile, $start_date, NULL, 1)";
            command.Parameters.Add(new DuckDBParameter("dataset_id", identity.DatasetId));
            command.Parameters.Add(new DuckDBParameter("seed", seed));
            command.Parameters.Add(new DuckDBParameter("fingerprint", identity.ConfigFingerprint));
            command.Parameters.Add(new DuckDBParameter("model_version", DatasetIdentity.ModelVersion));
            command.Parameters.Add(new DuckDBParameter("profile", profile));
            command.Parameters.Add(new DuckDBParameter("start_date", startDate));
            command.ExecuteNonQuery();
        }

        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO sim_region VALUES ($dataset_id, $region_index, $region_count)";
            command.Parameters.Add(new DuckDBParameter("dataset_id", identity.DatasetId));
            command.Parameters.Add(new DuckDBParameter("region_index", dimensions.Region.Index));
            command.Parameters.Add(new DuckDBParameter("region_count", dimensions.Region.Count));
            command.ExecuteNonQuery();
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
    }

    /// <summary>
    /// Deletes the dataset: dimensions, facts, outbox, simulator state and the identity row, in one transaction (the
    /// caller deletes the outbox body files once it has committed). Returns how many rows were deleted.
    /// </summary>
    public long DeleteDataset()
    {
        using var transaction = _connection.BeginTransaction();
        var rows = DeleteEveryRow();
        transaction.Commit();
        return rows;
    }

    /// <summary>Empties every table of the dataset and rewinds the relay, inside the caller's transaction.</summary>
    private long DeleteEveryRow()
    {
        long rows = 0;
        foreach (var table in DatasetTables.Dimensions.Concat(DatasetTables.DependentOnDimensions).Append("sim_state").Append(DatasetTables.RegionIdentity))
        {
            rows += database.Execute($"DELETE FROM {table}");
        }

        database.Execute($"UPDATE {DatasetTables.RelayState} SET acked_through = -1, acked_at = NULL");
        return rows;
    }

    public IReadOnlyDictionary<string, long> CountRows() =>
        DatasetTables.Dimensions.ToDictionary(t => t, t => database.Scalar($"SELECT count(*) FROM {t}"));
}
