using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>
/// The DuckDB file: opened once per process (DuckDB allows one writer process), migrated on open,
/// with DuckDB's low-level failures turned into sentences a user can act on.
/// </summary>
public sealed partial class RetailDatabase : IDisposable
{
    private RetailDatabase(string path, DuckDBConnection connection, bool readOnly = false)
    {
        Path = path;
        Connection = connection;
        IsReadOnly = readOnly;
    }

    public string Path { get; }

    /// <summary>Opened by <see cref="OpenReadOnly"/>: nothing is written, not even a WAL or a checkpoint.</summary>
    public bool IsReadOnly { get; }

    /// <summary>The region files attached when the file is a dataset catalog (scale-out §3); empty for a dataset file.</summary>
    public IReadOnlyList<CatalogRegion> Regions { get; private set; } = [];

    /// <summary>Whether the file is the dataset catalog of a dataset of several regions (read through its views).</summary>
    public bool IsCatalog => Regions.Count > 0;

    /// <summary>The writer connection. DuckDB connections are not thread-safe: one user at a time.</summary>
    public DuckDBConnection Connection { get; }

    public static RetailDatabase Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RetailSynthException($"Cannot create the database folder '{folder}': {ex.Message}");
        }

        return Connect(fullPath, $"Data Source={fullPath}", readOnly: false, database =>
        {
            // Checkpoint rarely (the default 16 MB would checkpoint the whole file after almost every day's commit),
            // and bound DuckDB's buffer pool (default: 80 % of RAM) so the process stays under 1 GB. 192 MB measured as fast
            // as 256 MB for history and streaming on `large`, with a 6-day stream peaking at 905 instead of 972 MiB.
            database.Execute("SET checkpoint_threshold = '1GB'");
            database.Execute("SET memory_limit = '192MB'");
            if (DatasetCatalog.IsCatalog(database.Connection))
            {
                // Its views read the region files; migrating it would create tables under their names.
                throw new RefusedException(
                    RefusalReason.CatalogIsReadOnly,
                    $"The database '{fullPath}' is the dataset catalog of a dataset of several regions: it is only read, each region is written in its own file",
                    "; run the command for one region.");
            }

            Migrator.Apply(database.Connection);
        });
    }

    /// <summary>
    /// The file for commands that only read it (status, validate, outbox status/preview/dead, export): DuckDB's
    /// <c>ACCESS_MODE=READ_ONLY</c> creates no WAL or temp folder and changes no byte, so they work on a read-only folder
    /// or a copy the user must not alter. Never beside a writer instance of the same file in this process.
    /// </summary>
    public static RetailDatabase OpenReadOnly(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new RefusedException(RefusalReason.NoDimensions, $"There is no database at '{fullPath}' yet", "; generate dimensions to create it.");
        }

        return Connect(fullPath, $"Data Source={fullPath};ACCESS_MODE=READ_ONLY", readOnly: true, database =>
        {
            database.Execute("SET memory_limit = '192MB'");
            if (DatasetCatalog.IsCatalog(database.Connection))
            {
                // ATTACH is not persisted: the catalog's views read region files attached anew on every open.
                database.Regions = DatasetCatalog.Attach(database.Connection, fullPath);
            }

            if (Migrator.Pending(database.Connection) > 0)
            {
                throw new RetailSynthException(
                    $"The database '{fullPath}' was written by an older version of retailsynth; run a command that writes it (generate facts, stream or serve) once to upgrade it.");
            }
        });
    }

    /// <summary>Opens the connection (DuckDB's failures as sentences), then <paramref name="prepare"/>s it; a failure closes it again.</summary>
    private static RetailDatabase Connect(string fullPath, string connectionString, bool readOnly, Action<RetailDatabase> prepare)
    {
        var connection = new DuckDBConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw Translate(fullPath, ex);
        }

        var database = new RetailDatabase(fullPath, connection, readOnly);
        try
        {
            prepare(database);
        }
        catch
        {
            database.Dispose();
            throw;
        }

        return database;
    }

    /// <summary>
    /// Folds the WAL into the database file before closing, so that after a graceful stop the <c>.duckdb</c> file alone
    /// holds every committed day (a copy of it is complete) even if another connection keeps DuckDB's instance open.
    /// </summary>
    public void Dispose()
    {
        try
        {
            if (!IsReadOnly && Connection.State == System.Data.ConnectionState.Open)
            {
                Execute("CHECKPOINT");
            }
        }
        catch (DuckDBException)
        {
            // Another connection is inside a transaction: DuckDB checkpoints when the last connection closes.
        }

        Connection.Dispose();
    }

    /// <summary>Another connection to the same file, sharing this process's DuckDB instance (for a second thread).</summary>
    public DuckDBConnection OpenConnection()
    {
        var connection = new DuckDBConnection($"Data Source={Path}");
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs one statement; returns the rows it changed.</summary>
    public int Execute(string sql) => Connection.Execute(sql);

    /// <summary>Whether DuckDB failed because another process holds the file's lock.</summary>
    internal static bool IsLockConflict(string message) =>
        message.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase)
        || message.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase);

    /// <summary>" (PID n)" when DuckDB's lock message names the holder, else empty.</summary>
    internal static string LockHolder(string message)
    {
        var pid = LockHolderPid().Match(message);
        return pid.Success ? $" (PID {pid.Groups[1].Value})" : string.Empty;
    }

    internal static RetailSynthException Translate(string path, DuckDBException ex)
    {
        var message = ex.Message;
        if (IsLockConflict(message))
        {
            return new RefusedException(
                RefusalReason.DatabaseInUse, $"The database '{path}' is in use by another process{LockHolder(message)}", "; stop that process or open another database file.", ex);
        }

        if (message.Contains("Permission denied", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Operation not permitted", StringComparison.OrdinalIgnoreCase))
        {
            return new RetailSynthException($"The database '{path}' cannot be written: permission denied.", ex);
        }

        return new RetailSynthException(
            $"The database '{path}' cannot be opened: it is not a valid DuckDB database or is damaged ({FirstLine(message)}).", ex);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim().TrimEnd('.');

    [GeneratedRegex(@"PID (\d+)")]
    private static partial Regex LockHolderPid();
}
