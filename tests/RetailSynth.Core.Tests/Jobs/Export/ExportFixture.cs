using DuckDB.NET.Data;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Core.Tests.Engine.Simulation;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Jobs.Export;

/// <summary>
/// A reduced dataset over the January/February month end (2024-01-30 … 2024-02-01), generated once per test class;
/// each test exports into its own folder.
/// </summary>
public sealed class ExportFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    // One in-memory DuckDB for reading files back: starting an instance costs about 0.1 s.
    private readonly Lazy<DuckDBConnection> _files = new(() =>
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    });

    public ExportFixture()
    {
        DatabasePath = _folder.File("retail.duckdb");
        ReducedWorld.Generate(ReducedWorld.Settings(DatabasePath, "2024-01-30"), 3);
    }

    public string DatabasePath { get; }

    /// <summary>A path for one test's export, not created yet.</summary>
    public string NewOutputFolder() => _folder.File($"export-{Guid.NewGuid():N}");

    /// <summary>A count from the dataset; the database is closed again before the next export opens it.</summary>
    public long Count(string sql) => Counts([sql])[0];

    /// <summary>Several counts with the database opened once.</summary>
    public IReadOnlyList<long> Counts(IEnumerable<string> sql)
    {
        using var database = RetailDatabase.Open(DatabasePath);
        return [.. sql.Select(database.Scalar)];
    }

    /// <summary>A scalar over exported files (read_parquet, read_csv), in an in-memory DuckDB that never touches the dataset.</summary>
    public long QueryFiles(string sql)
    {
        using var command = _files.Value.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (_files.IsValueCreated)
        {
            _files.Value.Dispose();
        }

        _folder.Dispose();
    }
}
