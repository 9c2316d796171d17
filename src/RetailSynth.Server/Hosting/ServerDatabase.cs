using DuckDB.NET.Data;
using RetailSynth.Storage;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// The server owns the DuckDB file while it runs: one <see cref="RetailDatabase"/> stays open (creating and migrating
/// the file, holding DuckDB's process lock) and every request or job opens its own connection to the same in-process
/// database, because a DuckDB connection is not thread-safe. For a dataset of several regions the file is the dataset
/// catalog, opened read-only with every region file attached (scale-out §3): the read routes see one dataset, and
/// <see cref="CatalogWriteGuard"/> refuses the routes that would write a region.
/// </summary>
internal sealed class ServerDatabase : IDisposable
{
    private readonly RetailDatabase _owner;
    private readonly string _connectionString;

    /// <param name="path">The configured database file.</param>
    /// <param name="catalog">True for a dataset of several regions (<c>Simulation:Regions</c> &gt; 1): the file is its catalog.</param>
    public ServerDatabase(string path, bool catalog = false)
    {
        _owner = catalog ? RetailDatabase.OpenReadOnly(path) : RetailDatabase.Open(path);
        Path = _owner.Path;

        // The same settings as the owner's, so every connection joins its DuckDB instance and sees its ATTACHes.
        _connectionString = catalog ? $"Data Source={Path};ACCESS_MODE=READ_ONLY" : $"Data Source={Path}";
    }

    public string Path { get; }

    /// <summary>Whether the server reads the dataset catalog of a dataset of several regions (and writes nothing).</summary>
    public bool IsCatalog => _owner.IsCatalog;

    /// <summary>A fresh connection for one request; dispose it when done.</summary>
    public DuckDBConnection OpenConnection()
    {
        var connection = new DuckDBConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public void Dispose() => _owner.Dispose();
}
