using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using static RetailSynth.Storage.DuckDbCommands;

namespace RetailSynth.Storage;

/// <summary>
/// The dataset catalog of a dataset of several regions (scale-out §3): the configured database file holding no rows of
/// its own, only views that <c>UNION ALL BY NAME</c> the region files, so every reader sees one dataset.
/// </summary>
/// <remarks>
/// DuckDB persists the views but not the ATTACHes they read through, so <see cref="RetailDatabase.OpenReadOnly"/> attaches
/// every region file read-only (as <c>region_000</c>, <c>region_001</c>, …, paths from <see cref="RegionsTable"/>,
/// relative to the catalog) each time it opens the catalog; for any other DuckDB client the catalog is rebuilt with an
/// <see cref="AttachScript"/> beside it (<c>duckdb -init retail.attach.sql</c>). <c>dim_products</c>, the
/// <c>schema_migrations</c> of the files and customer 0, identical in every region, come from region 0 only, so every key
/// stays unique; <c>sim_state</c> is one row, the watermark the latest of the regions' (each region's is in
/// <c>region_&lt;r&gt;.sim_state</c>).
/// </remarks>
public static class DatasetCatalog
{
    /// <summary>The table that marks a file as a catalog: the dataset id, the number of regions, the model version.</summary>
    public const string MarkerTable = "dataset_catalog";

    /// <summary>Region index → region file, relative to the catalog's folder.</summary>
    public const string RegionsTable = "dataset_catalog_regions";

    /// <summary>The name a region file is attached under.</summary>
    public static string Alias(int index) => $"region_{index:000}";

    /// <summary>The ATTACH statements for other DuckDB clients, beside the catalog (<c>retail.attach.sql</c>).</summary>
    public static string AttachScript(string catalogPath) => Path.ChangeExtension(Path.GetFullPath(catalogPath), ".attach.sql");

    /// <summary>Whether the open file is a catalog rather than a dataset.</summary>
    public static bool IsCatalog(DuckDBConnection connection) => HasTable(connection, MarkerTable);

    /// <summary>
    /// Refuses, before anything is written, what would replace a one-region dataset stored at the catalog's path (the
    /// dataset was made with <c>Regions = 1</c>); <paramref name="force"/> replaces it, as it replaces facts.
    /// </summary>
    public static void EnsureMayBeWritten(string catalogPath, bool force)
    {
        var path = Path.GetFullPath(catalogPath);
        if (!File.Exists(path) || force)
        {
            return;
        }

        using var connection = OpenFile(path, readOnly: true);
        if (IsCatalog(connection) || !HasTable(connection, "sim_state"))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT dataset_id FROM sim_state";
        if (command.ExecuteScalar() is string datasetId)
        {
            throw new RefusedException(
                RefusalReason.DimensionsOfOtherDataset,
                $"The database '{path}' holds one-region dataset {datasetId}, where the catalog of this multi-region dataset belongs",
                "; use another database file, or force the regeneration to replace it.");
        }
    }

    /// <summary>
    /// Builds (or rebuilds) the catalog at <paramref name="catalogPath"/> over the <paramref name="regionCount"/> region
    /// files beside it, each checked to record (<paramref name="datasetId"/>, r, R); a file at that path that is not a
    /// catalog is replaced (<see cref="EnsureMayBeWritten"/> checked it). Writes the <see cref="AttachScript"/> too.
    /// </summary>
    public static void Write(string catalogPath, string datasetId, int regionCount)
    {
        var path = Path.GetFullPath(catalogPath);
        if (File.Exists(path))
        {
            bool isCatalog;
            using (var existing = OpenFile(path, readOnly: false))
            {
                isCatalog = IsCatalog(existing);
            }

            if (!isCatalog)
            {
                File.Delete(path);
                File.Delete(path + ".wal");
            }
        }

        using var connection = OpenFile(path, readOnly: false);
        var regions = AttachRegions(connection, path, datasetId, regionCount, RegionFiles(path, regionCount));
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute($"CREATE OR REPLACE TABLE {MarkerTable} (dataset_id VARCHAR NOT NULL, region_count INTEGER NOT NULL, model_version INTEGER NOT NULL)");
            connection.Execute($"INSERT INTO {MarkerTable} VALUES ({SqlLiteral(datasetId)}, {regionCount}, {DatasetIdentity.ModelVersion})");
            connection.Execute($"CREATE OR REPLACE TABLE {RegionsTable} (region_index INTEGER NOT NULL, path VARCHAR NOT NULL)");
            foreach (var region in regions)
            {
                var relative = Path.GetRelativePath(Path.GetDirectoryName(path)!, region.Path).Replace('\\', '/');
                connection.Execute($"INSERT INTO {RegionsTable} VALUES ({region.Index}, {SqlLiteral(relative)})");
            }

            foreach (var table in TablesOf(connection, Alias(0)))
            {
                connection.Execute($"CREATE OR REPLACE VIEW {table} AS {ViewQuery(table, regionCount)}");
            }

            transaction.Commit();
        }

        connection.Execute("CHECKPOINT");
        File.WriteAllText(AttachScript(path), Script(regions));
    }

    /// <summary>
    /// Attaches every region file of the catalog open on <paramref name="connection"/>, read-only: refused with one line
    /// when a region file is missing, written by another process (DuckDB's lock), or holds another dataset or region.
    /// </summary>
    internal static IReadOnlyList<CatalogRegion> Attach(DuckDBConnection connection, string catalogPath)
    {
        string datasetId;
        int regionCount;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT dataset_id, region_count FROM {MarkerTable}";
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new RetailSynthException($"The dataset catalog '{catalogPath}' is empty; run `generate dimensions` to rebuild it.");
            }

            (datasetId, regionCount) = (reader.GetString(0), reader.GetInt32(1));
        }

        var folder = Path.GetDirectoryName(catalogPath)!;
        var files = connection.ReadRows(
            $"SELECT path FROM {RegionsTable} ORDER BY region_index", reader => Path.GetFullPath(Path.Combine(folder, reader.GetString(0))));
        return AttachRegions(connection, catalogPath, datasetId, regionCount, files);
    }

    /// <summary>Each region's file and watermark, for <c>status</c>; empty when the open file is no catalog.</summary>
    public static IReadOnlyList<CatalogRegion> Regions(RetailDatabase database) => database.Regions;

    private static List<string> RegionFiles(string catalogPath, int regionCount) =>
        [.. Enumerable.Range(0, regionCount).Select(r => DatasetLayout.RegionFile(catalogPath, r))];

    private static List<CatalogRegion> AttachRegions(DuckDBConnection connection, string catalogPath, string datasetId, int regionCount, List<string> files)
    {
        var regions = new List<CatalogRegion>();
        for (var index = 0; index < files.Count; index++)
        {
            var file = files[index];
            if (!File.Exists(file))
            {
                throw new RetailSynthException(
                    $"Region {index}'s file '{file}' of the dataset catalog '{catalogPath}' is missing; generate the region (generate facts --region {index}) or the dimensions again.");
            }

            try
            {
                connection.Execute($"ATTACH IF NOT EXISTS {SqlLiteral(file)} AS {Alias(index)} (READ_ONLY)");
            }
            catch (DuckDBException ex) when (RetailDatabase.IsLockConflict(ex.Message))
            {
                throw new RefusedException(
                    $"Region {index}'s file '{file}' is being written by another process{RetailDatabase.LockHolder(ex.Message)}; " +
                    "the dataset catalog is read only while no region is written: wait for that process to finish or stop it.");
            }
            catch (DuckDBException ex)
            {
                throw new RetailSynthException($"Region {index}'s file '{file}' cannot be opened: {ex.Message.Split('\n')[0].Trim()}", ex);
            }

            var recorded = ReadRegion(connection, index);
            if (recorded is null || recorded.DatasetId != datasetId || recorded.Region != new Region(index, regionCount))
            {
                var holds = recorded is null ? "no region of any dataset" : $"{recorded.Region} of dataset {recorded.DatasetId}";
                throw new RefusedException(
                    RefusalReason.Conflict, // its own way out: the hosts' words for a mismatch speak of settings, not of files
                    $"Region file '{file}' holds {holds}, but the dataset catalog '{catalogPath}' expects region {index} of {regionCount} of dataset {datasetId}",
                    ": a catalog never mixes datasets; regenerate the dimensions or restore the right file.");
            }

            regions.Add(new CatalogRegion(index, file, ReadWatermark(connection, index)));
        }

        return regions;
    }

    private static RegionRecord? ReadRegion(DuckDBConnection connection, int index)
    {
        if (!HasTable(connection, DatasetTables.RegionIdentity, Alias(index)))
        {
            return null;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT dataset_id, region_index, region_count FROM {Alias(index)}.{DatasetTables.RegionIdentity}";
        using var reader = command.ExecuteReader();
        return reader.Read() ? new RegionRecord(reader.GetString(0), new Region(reader.GetInt32(1), reader.GetInt32(2))) : null;
    }

    private static DateOnly? ReadWatermark(DuckDBConnection connection, int index)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT last_committed_day FROM {Alias(index)}.sim_state";
        return command.ExecuteScalar() is DateOnly day ? day : null;
    }

    /// <summary>The base tables of a region file: every one of them gets a view of the same name.</summary>
    private static List<string> TablesOf(DuckDBConnection connection, string alias) => connection.ReadRows(
        $"SELECT table_name FROM duckdb_tables() WHERE database_name = {SqlLiteral(alias)} AND schema_name = 'main' ORDER BY table_name",
        reader => reader.GetString(0));

    /// <summary>The view over every region's <paramref name="table"/>; the names come from the region files' catalog, never from a user.</summary>
    internal static string ViewQuery(string table, int regionCount)
    {
        var regions = Enumerable.Range(0, regionCount);
        return table switch
        {
            "dim_products" or "schema_migrations" => $"SELECT * FROM {Alias(0)}.{table}",
            "dim_customers" => string.Join(
                " UNION ALL BY NAME ",
                regions.Select(r => r == 0 ? $"SELECT * FROM {Alias(0)}.{table}" : $"SELECT * FROM {Alias(r)}.{table} WHERE customer_id <> {AnonymousShopper.CustomerId}")),
            "sim_state" => "SELECT any_value(dataset_id) AS dataset_id, any_value(seed) AS seed, any_value(config_fingerprint) AS config_fingerprint, " +
                "any_value(model_version) AS model_version, any_value(profile) AS profile, any_value(start_date) AS start_date, " +
                "max(last_committed_day) AS last_committed_day, CAST(sum(state_version) AS INTEGER) AS state_version FROM (" +
                string.Join(" UNION ALL BY NAME ", regions.Select(r => $"SELECT * FROM {Alias(r)}.sim_state")) + ") HAVING count(*) > 0",
            _ => string.Join(" UNION ALL BY NAME ", regions.Select(r => $"SELECT * FROM {Alias(r)}.{table}")),
        };
    }

    private static string Script(IReadOnlyList<CatalogRegion> regions)
    {
        var script = new StringBuilder();
        script.AppendLine("-- The region files the views of this dataset catalog read (scale-out §3). DuckDB does not keep ATTACHes,");
        script.AppendLine("-- so a DuckDB client runs these first: duckdb -init retail.attach.sql retail.duckdb. Rewritten by retailsynth.");
        foreach (var region in regions)
        {
            script.AppendLine(CultureInfo.InvariantCulture, $"ATTACH IF NOT EXISTS {SqlLiteral(region.Path)} AS {Alias(region.Index)} (READ_ONLY);");
        }

        return script.ToString();
    }

    private static DuckDBConnection OpenFile(string path, bool readOnly)
    {
        var connection = new DuckDBConnection($"Data Source={path}{(readOnly ? ";ACCESS_MODE=READ_ONLY" : string.Empty)}");
        try
        {
            connection.Open();
            return connection;
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw RetailDatabase.Translate(path, ex);
        }
    }

    private static bool HasTable(DuckDBConnection connection, string table, string? database = null)
    {
        using var command = connection.CreateCommand();
        var where = database is null ? "current_database()" : SqlLiteral(database);
        command.CommandText = $"SELECT count(*) FROM duckdb_tables() WHERE database_name = {where} AND schema_name = 'main' AND table_name = {SqlLiteral(table)}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }
}
