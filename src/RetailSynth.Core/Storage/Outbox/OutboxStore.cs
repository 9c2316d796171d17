using System.Data.Common;
using DuckDB.NET.Data;
using RetailSynth.Storage;

namespace RetailSynth.Storage.Outbox;

/// <summary>
/// The relay's SQL over <c>streaming_outbox</c> (streaming.md §3–§4), high-water-mark design: an acknowledgement
/// advances <c>streaming_relay.acked_through</c> in one tiny statement instead of updating every row's status.
/// A row is <c>sent</c> when its id is at or below the mark and it is not dead; <c>leased</c> exists only in the
/// relay's memory (one relay owns the file, so a restart releases every lease). Dead rows are marked one by one.
/// The envelopes themselves live in day files (<see cref="OutboxBodyFiles"/>); rows written before those existed
/// still carry theirs in <c>body</c>.
/// </summary>
internal sealed class OutboxStore(DuckDBConnection connection, OutboxBodyFiles bodies)
{
    private const string Outbox = DatasetTables.Outbox;
    private const string Relay = DatasetTables.RelayState;
    private const string Stats = DatasetTables.SentStats;

    /// <summary>The effective status of a row, for reads (preview, counts).</summary>
    private const string EffectiveStatus =
        "CASE WHEN o.status = 'dead' THEN 'dead' WHEN o.outbox_id <= r.acked_through THEN 'sent' ELSE 'pending' END";

    private readonly List<LeasedRow> _leased = [];
    private byte[] _bodies = [];

    public DateOnly? ReadWatermark()
    {
        using var command = Command("SELECT last_committed_day FROM sim_state");
        return command.ExecuteScalar() is DateOnly day ? day : null;
    }

    public long ReadHighWaterMark() => Scalar($"SELECT acked_through FROM {Relay}");

    /// <summary>
    /// Up to <paramref name="maxEvents"/> pending rows after <paramref name="after"/>, in outbox order, within
    /// <paramref name="maxBytes"/> of bodies (at least one row). Ids within a day are dense ranks, so the batch is the
    /// id range right after the cursor; only when that range is empty (a day boundary, or after dead letters) is the
    /// first pending id looked up. Bounds are written as literals so DuckDB's zone maps skip every other row group:
    /// nothing is scanned or sorted but the batch itself. Reads only — no race with anything, as one relay owns the
    /// file — and only committed rows are visible, so only committed days are leased. The bodies of a lease are valid
    /// until the next <see cref="Lease"/> on this store, which reuses their buffer: the relay leases again only once
    /// every event of the batch was delivered or dead-lettered.
    /// </summary>
    public List<OutboundEvent> Lease(long after, int maxEvents, long maxBytes)
    {
        var batch = ReadRange(after + 1, maxEvents, maxBytes);
        if (batch.Count > 0)
        {
            return batch;
        }

        var first = Scalar($"SELECT coalesce(min(outbox_id), -1) FROM {Outbox} WHERE outbox_id > {after} AND status = 'pending'");
        return first < 0 ? batch : ReadRange(first, maxEvents, maxBytes);
    }

    /// <summary>Opens the outbox of <paramref name="database"/> on <paramref name="connection"/> (default: its writer connection).</summary>
    public static OutboxStore For(RetailDatabase database, DuckDBConnection? connection = null) =>
        new(connection ?? database.Connection, OutboxBodyFiles.ForDatabase(database.Path));

    /// <summary>
    /// The rows come back in insertion order, which is outbox order (rows are appended in <c>outbox_id</c> order and
    /// never moved), so the query asks for no sort: the sort was half of the query's cost (0.27–0.32 against
    /// 0.15 µs a row, 10,000-row leases of a million rows; docs/decisions.md, "The relay's lease without a sort").
    /// DuckDB does not promise that order, so the rows are checked as they come, and a batch out of order is read
    /// again sorted.
    /// </summary>
    private List<OutboundEvent> ReadRange(long first, int maxEvents, long maxBytes, bool sorted = false)
    {
        using var command = Command(
            $"""
            SELECT outbox_id, event_id, event_ts, sim_day, event_type, partition_key, correlation_id, body_offset, body_length, encode(body)
            FROM {Outbox}
            WHERE outbox_id >= {first} AND outbox_id < {first + maxEvents} AND status = 'pending'
            {(sorted ? "ORDER BY outbox_id" : "")}
            """);
        using var reader = command.ExecuteReader();
        _leased.Clear();
        var bytes = 0L;
        while (reader.Read())
        {
            var outboxId = reader.GetInt64(0);
            if (_leased.Count > 0 && outboxId <= _leased[^1].OutboxId)
            {
                return sorted
                    ? throw new InvalidOperationException($"The outbox returned row {outboxId} after row {_leased[^1].OutboxId} for an ordered read.")
                    : ReadRange(first, maxEvents, maxBytes, sorted: true);
            }

            var inline = reader.IsDBNull(9) ? null : ReadBytes(reader, 9);
            var length = inline?.Length ?? reader.GetInt32(8);
            if (_leased.Count > 0 && bytes + length > maxBytes)
            {
                break;
            }

            bytes += length;
            _leased.Add(new LeasedRow(
                outboxId, reader.GetGuid(1), reader.GetDateTime(2), reader.GetFieldValue<DateOnly>(3), reader.GetString(4),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), inline, inline is null ? reader.GetInt64(7) : -1, length));
        }

        return WithBodies(_leased);
    }

    /// <summary>
    /// Fills in the bodies kept in day files: one read per day in the batch, since a day's bodies are appended in
    /// outbox order and the batch is a run of consecutive ids. The bytes land in one buffer the store keeps for the
    /// next lease (see <see cref="Lease"/>): a fresh multi-megabyte array per batch went to the large object heap and
    /// made streaming collect gen2 several times a day.
    /// </summary>
    private List<OutboundEvent> WithBodies(List<LeasedRow> rows)
    {
        // Each day's run of rows reads one byte range, which spans the bodies of dead rows between them too.
        var runs = new List<(int Start, int End, long From, int Length)>();
        var needed = 0L;
        for (var start = 0; start < rows.Count;)
        {
            var day = rows[start].SimDay;
            var end = start;
            long from = long.MaxValue, to = 0;
            for (; end < rows.Count && rows[end].SimDay == day; end++)
            {
                if (rows[end].Offset >= 0)
                {
                    from = Math.Min(from, rows[end].Offset);
                    to = Math.Max(to, rows[end].Offset + rows[end].Length);
                }
            }

            var length = from < to ? checked((int)(to - from)) : 0;
            runs.Add((start, end, from, length));
            needed += length;
            start = end;
        }

        if (_bodies.Length < needed)
        {
            _bodies = new byte[Math.Max(needed, 2L * _bodies.Length)];
        }

        var batch = new List<OutboundEvent>(rows.Count);
        var used = 0;
        foreach (var (start, end, from, length) in runs)
        {
            if (length > 0)
            {
                bodies.Read(rows[start].SimDay, from, _bodies.AsSpan(used, length));
            }

            for (var i = start; i < end; i++)
            {
                var row = rows[i];
                var body = row.Inline ?? new ReadOnlyMemory<byte>(_bodies, used + (int)(row.Offset - from), row.Length);
                batch.Add(new OutboundEvent(row.OutboxId, row.EventId, row.EventTs, row.SimDay, row.EventType, row.PartitionKey, row.CorrelationId, body));
            }

            used += length;
        }

        return batch;
    }

    /// <summary>Every row up to <paramref name="throughId"/> is delivered or dead.</summary>
    public void Acknowledge(long throughId) =>
        Execute($"UPDATE {Relay} SET acked_through = $id, acked_at = now() WHERE acked_through < $id", ("id", throughId));

    public void DeadLetter(long outboxId, string error) =>
        Execute($"UPDATE {Outbox} SET status = 'dead', attempts = attempts + 1, last_error = $error WHERE outbox_id = $id", ("id", outboxId), ("error", error));

    /// <summary>A sink failure: the undelivered rows stay pending; attempts and last_error are for diagnostics only.</summary>
    public void RecordFailure(IReadOnlyList<long> outboxIds, string error)
    {
        if (outboxIds.Count == 0)
        {
            return;
        }

        Execute(
            $"UPDATE {Outbox} SET attempts = attempts + 1, last_error = $error WHERE outbox_id BETWEEN $first AND $last AND status = 'pending'",
            ("first", outboxIds[0]), ("last", outboxIds[^1]), ("error", error));
    }

    public long CountPending() => Scalar($"SELECT count(*) FROM {Outbox} o, {Relay} r WHERE o.status = 'pending' AND o.outbox_id > r.acked_through");

    /// <summary>Moves the counts of sent rows into the stats table and deletes them, in one transaction.</summary>
    public long PurgeSent()
    {
        using var transaction = connection.BeginTransaction();
        Execute(
            $"""
            INSERT INTO {Stats}
            SELECT o.sim_day, o.event_type, count(*) FROM {Outbox} o, {Relay} r
            WHERE o.status = 'pending' AND o.outbox_id <= r.acked_through GROUP BY ALL
            ON CONFLICT (sim_day, event_type) DO UPDATE SET sent = {Stats}.sent + excluded.sent
            """);
        var purged = Execute($"DELETE FROM {Outbox} WHERE status = 'pending' AND outbox_id <= (SELECT acked_through FROM {Relay})");
        transaction.Commit();
        DeleteUnreferencedBodyFiles();
        return purged;
    }

    /// <summary>Deletes the body files of days after the watermark: rolled back when a session stopped (no writer may run).</summary>
    public int DeleteUncommittedBodyFiles() => bodies.DeleteUncommitted(ReadWatermark());

    /// <summary>Deletes the body files of committed days the outbox no longer references (after a purge or a clear, at start-up).</summary>
    public int DeleteUnreferencedBodyFiles()
    {
        using var command = Command($"SELECT DISTINCT sim_day FROM {Outbox}");
        using var reader = command.ExecuteReader();
        var referenced = new HashSet<DateOnly>();
        while (reader.Read())
        {
            referenced.Add(reader.GetFieldValue<DateOnly>(0));
        }

        return bodies.DeleteUnreferenced(ReadWatermark(), referenced);
    }

    public OutboxCounts Counts()
    {
        using var command = Command(
            $"""
            SELECT
                count(*) FILTER (WHERE o.status = 'pending' AND o.outbox_id > r.acked_through),
                count(*) FILTER (WHERE o.status = 'pending' AND o.outbox_id <= r.acked_through),
                count(*) FILTER (WHERE o.status = 'dead'),
                min(o.event_ts) FILTER (WHERE o.status = 'pending' AND o.outbox_id > r.acked_through),
                max(o.event_ts) FILTER (WHERE o.status = 'pending' AND o.outbox_id > r.acked_through),
                min(o.sim_day) FILTER (WHERE o.status = 'pending' AND o.outbox_id > r.acked_through),
                count(DISTINCT o.sim_day) FILTER (WHERE o.status = 'pending' AND o.outbox_id > r.acked_through),
                arg_min(o.attempts, o.outbox_id) FILTER (WHERE o.status = 'pending' AND o.outbox_id > r.acked_through),
                (SELECT coalesce(sum(sent), 0)::BIGINT FROM {Stats})
            FROM {Relay} r LEFT JOIN {Outbox} o ON true
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new OutboxCounts(
            Pending: reader.GetInt64(0),
            Sent: reader.GetInt64(1) + Convert.ToInt64(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture),
            Dead: reader.GetInt64(2),
            OldestPending: reader.IsDBNull(3) ? null : reader.GetDateTime(3),
            NewestPending: reader.IsDBNull(4) ? null : reader.GetDateTime(4),
            OldestPendingDay: reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
            PendingDays: (int)reader.GetInt64(6),
            HeadAttempts: reader.IsDBNull(7) ? 0 : reader.GetInt32(7));
    }

    public List<OutboxRow> Preview(OutboxRowStatus? status, bool newestFirst, int limit)
    {
        var filter = status switch
        {
            null => string.Empty,
            OutboxRowStatus.Leased => "WHERE false", // leases live in the relay's memory; see OutboxStatus.Leased
            _ => $"WHERE {EffectiveStatus} = '{status.Value.ToString().ToLowerInvariant()}'",
        };
        return ReadRows(
            $"""
            SELECT o.outbox_id, o.event_id, o.event_ts, o.sim_day, o.event_type, o.partition_key, {EffectiveStatus},
                   o.attempts, o.last_error, CASE WHEN o.outbox_id <= r.acked_through THEN r.acked_at END, o.body, o.body_offset, o.body_length
            FROM {Outbox} o, {Relay} r {filter}
            ORDER BY o.outbox_id {(newestFirst ? "DESC" : "ASC")} LIMIT $limit
            """,
            limit);
    }

    /// <summary>
    /// Dead rows of a known event type back to pending, the mark moved back before the first of them so they are
    /// sent before anything newer. Sent rows are purged first, so moving the mark back re-sends nothing.
    /// </summary>
    public long RequeueDead(IReadOnlyCollection<string> knownEventTypes)
    {
        PurgeSent();
        using var transaction = connection.BeginTransaction();
        var types = string.Join(", ", knownEventTypes.Select(t => $"'{t.Replace("'", "''", StringComparison.Ordinal)}'"));
        var first = Scalar($"SELECT coalesce(min(outbox_id), -2) FROM {Outbox} WHERE status = 'dead' AND event_type IN ({types})");
        if (first == -2)
        {
            return 0;
        }

        var requeued = Execute($"UPDATE {Outbox} SET status = 'pending', last_error = NULL WHERE status = 'dead' AND event_type IN ({types})");
        Execute($"UPDATE {Relay} SET acked_through = least(acked_through, $mark)", ("mark", first - 1));
        transaction.Commit();
        return requeued;
    }

    public long Clear()
    {
        var cleared = Execute($"DELETE FROM {Outbox}");
        DeleteUnreferencedBodyFiles();
        return cleared;
    }

    private List<OutboxRow> ReadRows(string sql, int limit)
    {
        using var command = Command(sql, ("limit", limit));
        using var reader = command.ExecuteReader();
        var rows = new List<OutboxRow>();
        while (reader.Read())
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0), reader.GetGuid(1).ToString(), reader.GetDateTime(2), reader.GetFieldValue<DateOnly>(3), reader.GetString(4), reader.GetString(5),
                Enum.Parse<OutboxRowStatus>(reader.GetString(6), ignoreCase: true), reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetDateTime(9),
                ReadBodyText(reader)));
        }

        return rows;
    }

    /// <summary>A row's body for display; null when a purge removed its day file meanwhile (the row is gone too).</summary>
    private string? ReadBodyText(DbDataReader reader)
    {
        if (!reader.IsDBNull(10) || reader.IsDBNull(11))
        {
            return reader.IsDBNull(10) ? null : reader.GetString(10);
        }

        try
        {
            return System.Text.Encoding.UTF8.GetString(bodies.Read(reader.GetFieldValue<DateOnly>(3), reader.GetInt64(11), reader.GetInt32(12)));
        }
        catch (RetailSynthException)
        {
            return null;
        }
    }

    private static byte[] ReadBytes(DbDataReader reader, int ordinal)
    {
        using var stream = reader.GetStream(ordinal);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private long Scalar(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    private DuckDBCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        return command;
    }

    /// <summary>A leased row before its body is read: a struct in a list the store reuses, one object less per event.</summary>
    private readonly record struct LeasedRow(
        long OutboxId, Guid EventId, DateTime EventTs, DateOnly SimDay, string EventType, string PartitionKey, string? CorrelationId,
        byte[]? Inline, long Offset, int Length);
}
