using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>
/// Reads every DC's <see cref="DcTruckQueue"/> from the simulator state (QUEUED trips and pooled lines write no fact
/// row, §13.1), read-only, for <c>retailsynth status</c> and GET /api/status.
/// </summary>
public static class DcTruckQueueReader
{
    /// <summary>
    /// One entry per DC in dc_id order (none before dimensions exist); null when the file holds a dataset of another
    /// model version, whose state has no trips or route pools to read.
    /// </summary>
    public static IReadOnlyList<DcTruckQueue>? Read(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT model_version FROM sim_state";
        if (command.ExecuteScalar() is { } version && Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture) != DatasetIdentity.ModelVersion)
        {
            return null;
        }

        command.CommandText = """
            WITH day_end AS (SELECT CAST(max(last_committed_day) AS TIMESTAMP) + INTERVAL 1 DAY AS ts FROM sim_state),
            trips AS (SELECT dc_id, count(*) AS n FROM sim_trips WHERE status = 'QUEUED' GROUP BY dc_id),
            shipments AS (SELECT dc_id, count(*) AS n, min(formed_ts) AS oldest FROM sim_pending_shipments WHERE status = 'QUEUED' GROUP BY dc_id),
            pooled AS (
                SELECT dc_id, count(*) AS n, sum(allocated) AS units, min(pooled_ts) AS oldest
                FROM sim_open_reorders WHERE pooled_ts IS NOT NULL GROUP BY dc_id)
            SELECT d.dc_id, coalesce(t.n, 0), coalesce(s.n, 0), date_diff('second', s.oldest, e.ts) / 3600.0::DOUBLE,
                   coalesce(p.n, 0), CAST(coalesce(p.units, 0) AS BIGINT), date_diff('second', p.oldest, e.ts) / 3600.0::DOUBLE
            FROM dim_distribution_centers d CROSS JOIN day_end e
            LEFT JOIN trips t USING (dc_id) LEFT JOIN shipments s USING (dc_id) LEFT JOIN pooled p USING (dc_id)
            ORDER BY d.dc_id
            """;
        using var reader = command.ExecuteReader();
        var queues = new List<DcTruckQueue>();
        while (reader.Read())
        {
            queues.Add(new DcTruckQueue(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                Hours(reader, 3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                Hours(reader, 6)));
        }

        return queues;
    }

    private static double? Hours(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Math.Round(reader.GetDouble(ordinal), 1);
}
