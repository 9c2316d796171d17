using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;

namespace RetailSynth.Jobs.Export.Delta;

/// <summary>
/// Exports one table as a Delta table: writes the new Parquet files (named for the commit that adds them), computes
/// their statistics, then commits once — <c>remove</c> for every live file of a replaced partition (a fact month this
/// export covers, or the whole dimension) and <c>add</c> for the new files. Removed files stay on disk until a vacuum,
/// as the protocol expects (a reader of an older snapshot may still read them); files of a commit that fails are deleted,
/// since no commit references them.
/// </summary>
internal sealed class DeltaTableWriter(DuckDBConnection connection, TimeProvider time)
{
    /// <summary>
    /// Writes <paramref name="partitions"/> (a month and its row filter for facts; one null month for a dimension) and
    /// commits them. A table with no log gets its first commit (protocol, metaData) even when no partition has rows.
    /// </summary>
    public IReadOnlyList<ExportedFile> Write(
        string table, string tableFolder, string datasetId, bool isFact, IReadOnlyList<(DateOnly? Month, string Where)> partitions, string order, CancellationToken cancellationToken)
    {
        var snapshot = DeltaLog.Read(tableFolder);
        IReadOnlyList<string> partitionColumns = isFact ? [DeltaLayout.PartitionColumn] : [];
        if (snapshot.Exists && (snapshot.MinReaderVersion > DeltaActions.MinReaderVersion || snapshot.MinWriterVersion > DeltaActions.MinWriterVersion))
        {
            throw new RetailSynthException(
                $"The Delta table '{tableFolder}' needs reader {snapshot.MinReaderVersion} / writer {snapshot.MinWriterVersion}; this export writes only reader 1 / writer 2 tables. Export to another folder.");
        }

        if (snapshot.Exists && !snapshot.PartitionColumns.SequenceEqual(partitionColumns, StringComparer.Ordinal))
        {
            throw new RetailSynthException(
                $"The Delta table '{tableFolder}' is partitioned by [{string.Join(", ", snapshot.PartitionColumns)}], not [{string.Join(", ", partitionColumns)}]; export to another folder.");
        }

        if (snapshot.Exists && partitions.Count == 0)
        {
            return []; // nothing in range: the table stays as it is
        }

        var columns = DeltaSchema.Describe(connection, table);
        var schemaColumns = isFact ? [.. columns, new DeltaColumn(DeltaLayout.PartitionColumn, "string", true, string.Empty, false)] : columns;
        var schemaString = DeltaSchema.SchemaString(schemaColumns);
        var projection = string.Join(", ", columns.Select(c => c.Projection));
        var version = snapshot.Version + 1;

        var written = new List<(ExportedFile File, DeltaFile Entry, string Stats)>();
        try
        {
            foreach (var (month, where) in partitions)
            {
                var relative = DeltaLayout.DataFile(table, month, version);
                var target = Path.GetFullPath(Path.Combine(tableFolder, relative));
                var rows = ExportJob.CopyToFile(connection, table, $"SELECT {projection} FROM {table} WHERE {where} ORDER BY {order}", "FORMAT PARQUET", target, cancellationToken);
                var bytes = new FileInfo(target).Length;
                var values = month is { } m
                    ? new Dictionary<string, string?>(StringComparer.Ordinal) { [DeltaLayout.PartitionColumn] = DeltaLayout.PartitionValue(m) }
                    : new Dictionary<string, string?>(StringComparer.Ordinal);
                written.Add((new ExportedFile(table, month, target, rows, bytes), new DeltaFile(DeltaLayout.EncodePath(relative), values, bytes), DeltaFileStats.Compute(connection, target, columns)));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var replaced = written.Select(w => w.Entry.PartitionValues.GetValueOrDefault(DeltaLayout.PartitionColumn)).ToHashSet(StringComparer.Ordinal);
            var removed = snapshot.Files.Values
                .Where(f => !isFact || replaced.Contains(f.PartitionValues.GetValueOrDefault(DeltaLayout.PartitionColumn) ?? string.Empty))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .ToList();

            var actions = new List<string> { DeltaActions.CommitInfo(now, "WRITE", isBlindAppend: removed.Count == 0) };
            if (!snapshot.Exists)
            {
                actions.Add(DeltaActions.Protocol());
            }

            if (!snapshot.Exists || snapshot.SchemaString != schemaString)
            {
                // A later model version may change columns: the new metaData replaces the schema, the table keeps its id.
                actions.Add(DeltaActions.MetaData(snapshot.TableId ?? TableId(datasetId, table), table, schemaString, partitionColumns, now));
            }

            actions.AddRange(removed.Select(f => DeltaActions.Remove(f, now)));
            actions.AddRange(written.Select(w => DeltaActions.Add(w.Entry, new DateTimeOffset(File.GetLastWriteTimeUtc(w.File.Path)).ToUnixTimeMilliseconds(), w.Stats)));
            DeltaLog.Commit(tableFolder, version, actions);
            return [.. written.Select(w => w.File)];
        }
        catch
        {
            foreach (var (file, _, _) in written)
            {
                TryDelete(file.Path);
            }

            throw;
        }
    }

    /// <summary>A stable table id: the same dataset and table always get the same GUID, so re-creating a table is recognisable.</summary>
    internal static string TableId(string datasetId, string table)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"retailsynth-delta/{datasetId}/{table}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: a custom, name-derived GUID (RFC 9562)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort while the failure is on its way out: an unreferenced file is invisible to Delta readers.
        }
    }
}
