using DuckDB.NET.Data;
using RetailSynth.Storage;

namespace RetailSynth.Server.Hosting;

/// <summary>
/// The server owns the DuckDB file while it runs: one <see cref="RetailDatabase"/> stays open (creating and migrating
/// the file, holding DuckDB's process lock) and every request or job opens its own connection to the same in-process
/// database, because a DuckDB connection is not thread-safe.
/// </summary>
internal sealed class ServerDatabase : IDisposable
{
    private readonly RetailDatabase _owner;

    public ServerDatabase(string path)
    {
        _owner = RetailDatabase.Open(path);
        Path = _owner.Path;
    }

    public string Path { get; }

    /// <summary>A fresh connection for one request; dispose it when done.</summary>
    public DuckDBConnection OpenConnection()
    {
        var connection = new DuckDBConnection($"Data Source={Path}");
        connection.Open();
        return connection;
    }

    public void Dispose() => _owner.Dispose();
}
