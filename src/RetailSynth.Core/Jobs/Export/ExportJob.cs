using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using RetailSynth.Jobs.Export.Delta;
using RetailSynth.Storage;

namespace RetailSynth.Jobs.Export;

/// <summary>
/// <c>export</c>: tables to Parquet or CSV files with DuckDB <c>COPY</c> in the <see cref="ExportLayout"/>, dimensions
/// whole, facts one file per table and UTC month of <c>event_ts</c>. A re-export replaces exactly the files it writes
/// and leaves every other file alone, including a month it no longer covers (a narrower range is not a deletion).
/// <see cref="ExportFormat.Delta"/> writes the same rows as one Delta table per table (<see cref="DeltaLayout"/>): each
/// table's files of this export go into one new commit that replaces the months (or the dimension) it covers.
/// </summary>
/// <param name="time">The wall clock for Delta commit, creation and deletion timestamps (system clock by default).</param>
public sealed class ExportJob(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public ExportResult Run(ExportRequest request, Action<ExportProgress> report, CancellationToken cancellationToken)
    {
        // Arguments, then the database, then the output folder: a refused export writes nothing.
        var tables = ExportTables.Resolve(request.Tables);
        if (request.From is { } from && request.To is { } to && from > to)
        {
            throw new RetailSynthException(name => $"{name(RequestField.From)} {from:yyyy-MM-dd} is after {name(RequestField.To)} {to:yyyy-MM-dd}; the range is inclusive, so give from <= to.");
        }

        var databasePath = Path.GetFullPath(request.DatabasePath);
        if (!File.Exists(databasePath))
        {
            // RetailDatabase.Open would create an empty database; an export must not.
            throw new RefusedException(RefusalReason.NoDimensions, $"There is no database at '{databasePath}'", "; generate dimensions first.");
        }

        var clock = Stopwatch.StartNew();
        using var database = RetailDatabase.OpenReadOnly(databasePath);
        if (new DimensionStore(database).ReadState() is not { } state)
        {
            throw new RefusedException(RefusalReason.NoDimensions, $"The database '{databasePath}' has no dimensions yet", "; generate them first.");
        }

        var partitions = ExportPartition.Of(database, request.Region);
        if (request.Format == ExportFormat.Delta && partitions.Any(p => p.Region is not null))
        {
            throw new RetailSynthException("A dataset of several regions exports to parquet or csv, each region in its own region=<r> partition; delta is not supported for it yet.");
        }

        var folder = Path.GetFullPath(request.OutputFolder);
        EnsureWritable(folder, tables);

        // One read transaction for all files: every table sees the same committed days, even if a writer on another
        // connection commits a day meanwhile (days are committed atomically, so plain SELECTs never see half a day).
        // Nothing is written to the database, so disposing (a rollback) ends it.
        using var snapshot = database.Connection.BeginTransaction();
        var files = new List<ExportedFile>();
        for (var i = 0; i < tables.Count; i++)
        {
            var written = request.Format == ExportFormat.Delta
                ? ExportDeltaTable(database.Connection, tables[i], request, folder, state.DatasetId, cancellationToken)
                : partitions.SelectMany(partition => ExportTable(database.Connection, tables[i], partition, request, folder, cancellationToken));
            foreach (var file in written)
            {
                files.Add(file);
                report(new ExportProgress(i + 1, tables.Count, file));
            }
        }

        return new ExportResult(folder, tables, files, clock.Elapsed);
    }

    private static IEnumerable<ExportedFile> ExportTable(
        DuckDBConnection connection, string table, ExportPartition partition, ExportRequest request, string folder, CancellationToken cancellationToken)
    {
        // `table` comes from ExportTables.Resolve, so it is one of DatasetTables' names and safe to splice.
        var order = DatasetTables.KeyOrder[table];
        if (partition.Filter(table) is not { } rows)
        {
            yield break; // a table only region 0 exports (the shared product catalog)
        }

        var source = partition.Source(table);
        if (!DatasetTables.Facts.Contains(table))
        {
            // Dimensions are always exported whole: --from/--to describe event time, which dimensions do not have.
            yield return Copy(connection, table, null, partition.Region, $"SELECT * FROM {source} WHERE {rows} ORDER BY {order}", request.Format, folder, cancellationToken);
            yield break;
        }

        // Every fact table, fact_store_ops included (its business_date is a local date), is partitioned and filtered by
        // event_ts, the one UTC instant all facts share. Months without rows in range get no file. A month the range
        // covers only partly still gets its usual file name, holding only the rows in range: the name says which month,
        // not that the month is complete.
        foreach (var month in Months(connection, source, RangeFilter(request.From, request.To), cancellationToken))
        {
            yield return Copy(
                connection,
                table,
                month,
                partition.Region,
                $"SELECT * FROM {source} WHERE {MonthFilter(month, request)} ORDER BY {order}",
                request.Format,
                folder,
                cancellationToken);
        }
    }

    private IReadOnlyList<ExportedFile> ExportDeltaTable(
        DuckDBConnection connection, string table, ExportRequest request, string folder, string datasetId, CancellationToken cancellationToken)
    {
        // A Delta partition is replaced whole, so a month the range touches is written whole: --from/--to choose the
        // months, and the table never loses the rows of a month's days outside the range.
        var isFact = DatasetTables.Facts.Contains(table);
        var wholeMonths = request with { From = null, To = null };
        List<(DateOnly? Month, string Where)> partitions = isFact
            ? [.. Months(connection, table, RangeFilter(request.From, request.To), cancellationToken).Select(month => ((DateOnly?)month, MonthFilter(month, wholeMonths)))]
            : [(null, "TRUE")];
        return new DeltaTableWriter(connection, _time).Write(
            table, Path.Combine(folder, table), datasetId, isFact, partitions, DatasetTables.KeyOrder[table], cancellationToken);
    }

    /// <summary>The rows of one UTC month that lie in the request's range.</summary>
    private static string MonthFilter(DateOnly month, ExportRequest request)
    {
        var monthEnd = month.AddMonths(1);
        var lower = request.From is { } from && from > month ? from : month;
        var upper = request.To is { } to && to.AddDays(1) < monthEnd ? to.AddDays(1) : monthEnd;
        return $"event_ts >= {Timestamp(lower)} AND event_ts < {Timestamp(upper)}";
    }

    /// <summary>First days of the UTC months of event_ts with rows in range, ascending; <paramref name="source"/> is a table or a region's table.</summary>
    private static List<DateOnly> Months(DuckDBConnection connection, string source, string filter, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        using var cancel = cancellationToken.Register(command.Cancel);
        command.CommandText = $"SELECT DISTINCT strftime(event_ts, '%Y-%m-01') AS month FROM {source} WHERE {filter} ORDER BY month";
        using var reader = command.ExecuteReader();
        var months = new List<DateOnly>();
        while (reader.Read())
        {
            months.Add(DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return months;
    }

    private static ExportedFile Copy(
        DuckDBConnection connection, string table, DateOnly? month, int? region, string select, ExportFormat format, string folder, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(Path.Combine(folder, ExportLayout.FileOf(table, month, format, region)));
        var rows = CopyToFile(connection, table, select, Options(format), target, cancellationToken);
        return new ExportedFile(table, month, target, rows, new FileInfo(target).Length);
    }

    /// <summary>
    /// <c>COPY (select) TO target</c>, written under a hidden temporary name in the target's own folder, then renamed over
    /// the target (atomic on one file system): a crash or cancellation never leaves a half file under a final name.
    /// </summary>
    internal static long CopyToFile(DuckDBConnection connection, string table, string select, string options, string target, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var targetFolder = Path.GetDirectoryName(target)!;
        var temporary = ScratchName.TemporaryFor(target);
        try
        {
            Directory.CreateDirectory(targetFolder);
            long rows;
            using (var command = connection.CreateCommand())
            using (cancellationToken.Register(command.Cancel))
            {
                command.CommandText = $"COPY ({select}) TO {DuckDbCommands.SqlLiteral(temporary)} ({options})";
                rows = command.ExecuteNonQuery();
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, target, overwrite: true);
            return rows;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RetailSynthException($"Cannot write '{target}': {ex.Message}", ex);
        }
        catch (DuckDBException ex)
        {
            throw new RetailSynthException($"Exporting {table} to '{target}' failed: {ex.Message.Split('\n')[0].Trim()}", ex);
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    /// <summary>Fails before anything is written if the folder, or a table folder inside it, cannot take files.</summary>
    private static void EnsureWritable(string folder, IReadOnlyList<string> tables)
    {
        try
        {
            // Said plainly, rather than the runtime's "could not find a part of the path".
            for (var ancestor = folder; ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
            {
                if (File.Exists(ancestor))
                {
                    throw new IOException($"'{ancestor}' is a file, not a folder.");
                }
            }

            Directory.CreateDirectory(folder);
            Probe(folder);
            foreach (var table in tables)
            {
                var tableFolder = Path.Combine(folder, table);
                if (File.Exists(tableFolder))
                {
                    throw new IOException($"'{tableFolder}' is a file where the {table} folder belongs.");
                }

                if (Directory.Exists(tableFolder))
                {
                    Probe(tableFolder);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RetailSynthException($"Cannot write to the export folder '{folder}': {ex.Message}", ex);
        }
    }

    private static void Probe(string folder)
    {
        using var probe = new FileStream(
            ScratchName.ProbeIn(folder), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort while another failure is on its way out; a stray hidden .tmp is harmless.
        }
    }

    private static string RangeFilter(DateOnly? from, DateOnly? to)
    {
        var conditions = new List<string>();
        if (from is { } f)
        {
            conditions.Add($"event_ts >= {Timestamp(f)}");
        }

        if (to is { } t)
        {
            conditions.Add($"event_ts < {Timestamp(t.AddDays(1))}");
        }

        return conditions.Count == 0 ? "TRUE" : string.Join(" AND ", conditions);
    }

    private static string Timestamp(DateOnly day) => $"TIMESTAMP '{day:yyyy-MM-dd}'";

    private static string Options(ExportFormat format) => format switch
    {
        ExportFormat.Parquet => "FORMAT PARQUET",
        ExportFormat.Csv => "FORMAT CSV, HEADER",
        ExportFormat.Delta => "FORMAT PARQUET",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
