using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RetailSynth.Jobs.Export.Delta;

/// <summary>
/// Reads and appends a table's <c>_delta_log</c>: JSON commits only (this exporter writes no checkpoints). A commit is
/// written to a hidden temporary file, then linked into place without overwriting, so a commit file never changes once
/// it exists and two writers racing for one version fail instead of losing a commit.
/// </summary>
public static partial class DeltaLog
{
    /// <summary>Replays every commit of the table in <paramref name="tableFolder"/>; <see cref="DeltaSnapshot.Empty"/> when it has none.</summary>
    public static DeltaSnapshot Read(string tableFolder)
    {
        var logFolder = Path.Combine(tableFolder, DeltaLayout.LogFolder);
        if (!Directory.Exists(logFolder))
        {
            return DeltaSnapshot.Empty;
        }

        var versions = Directory.EnumerateFiles(logFolder)
            .Select(Path.GetFileName)
            .Where(name => CommitName().IsMatch(name!))
            .Select(name => long.Parse(name![..20], CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        if (Directory.EnumerateFiles(logFolder, "*.checkpoint*.parquet").Any() || File.Exists(Path.Combine(logFolder, "_last_checkpoint")))
        {
            throw new RetailSynthException($"The Delta table '{tableFolder}' has checkpoints, so another writer maintains it; export to another folder.");
        }

        if (versions.Count == 0)
        {
            return DeltaSnapshot.Empty;
        }

        if (versions[0] != 0 || versions[^1] != versions.Count - 1)
        {
            throw new RetailSynthException($"The Delta log of '{tableFolder}' has gaps in its commit numbers; export to another folder.");
        }

        string? tableId = null, schema = null;
        IReadOnlyList<string> partitionColumns = [];
        int reader = 0, writer = 0;
        var files = new Dictionary<string, DeltaFile>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var path = Path.Combine(tableFolder, DeltaLayout.CommitFile(version));
            foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
            {
                using var action = Parse(line, path);
                var root = action.RootElement;
                if (root.TryGetProperty("protocol", out var protocol))
                {
                    reader = protocol.GetProperty("minReaderVersion").GetInt32();
                    writer = protocol.GetProperty("minWriterVersion").GetInt32();
                }
                else if (root.TryGetProperty("metaData", out var metaData))
                {
                    tableId = metaData.GetProperty("id").GetString();
                    schema = metaData.GetProperty("schemaString").GetString();
                    partitionColumns = [.. metaData.GetProperty("partitionColumns").EnumerateArray().Select(c => c.GetString()!)];
                }
                else if (root.TryGetProperty("add", out var add))
                {
                    var addPath = add.GetProperty("path").GetString()!;
                    var values = add.GetProperty("partitionValues").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString(), StringComparer.Ordinal);
                    files[addPath] = new DeltaFile(addPath, values, add.GetProperty("size").GetInt64());
                }
                else if (root.TryGetProperty("remove", out var remove))
                {
                    files.Remove(remove.GetProperty("path").GetString()!);
                }
            }
        }

        return new DeltaSnapshot(versions[^1], tableId, schema, partitionColumns, reader, writer, files);
    }

    /// <summary>
    /// Writes commit <paramref name="version"/> (newline-delimited actions). A commit file that already exists is a
    /// conflict: another writer committed that version first, and nothing is replaced.
    /// </summary>
    public static string Commit(string tableFolder, long version, IEnumerable<string> actions)
    {
        var target = Path.GetFullPath(Path.Combine(tableFolder, DeltaLayout.CommitFile(version)));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = ScratchName.TemporaryFor(target);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = Encoding.UTF8.GetBytes(string.Concat(actions.Select(a => a + "\n")));
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            try
            {
                // Without overwrite .NET links the new name (failing if it exists) rather than renaming over it.
                File.Move(temporary, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                throw new RetailSynthException(
                    $"Delta commit {version} of '{tableFolder}' already exists: another writer committed meanwhile; nothing was replaced, run the export again.");
            }

            return target;
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort; a hidden .tmp in _delta_log is ignored by every Delta reader.
            }
        }
    }

    private static JsonDocument Parse(string line, string path)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new RetailSynthException($"The Delta commit '{path}' is not valid JSON: {ex.Message}", ex);
        }
    }

    [GeneratedRegex(@"^\d{20}\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitName();
}
