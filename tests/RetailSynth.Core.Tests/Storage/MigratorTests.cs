using DuckDB.NET.Data;
using RetailSynth.Foundation.Errors;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Storage;

public class MigratorTests
{
    [Fact]
    public void A_database_written_before_the_vocabulary_enums_keeps_every_value_when_it_is_upgraded()
    {
        using var folder = new TempFolder();
        var path = folder.File("db.duckdb");
        ReducedWorld.Generate(ReducedWorld.Settings(path, stores: 3), days: 2);

        IReadOnlyList<(string Table, string Column)> enums;
        string written;
        using (var database = RetailDatabase.Open(path))
        {
            enums = EnumColumns(database.Connection);
            written = Values(database, enums);
            AsBeforeMigration8(database);
            Assert.Empty(EnumColumns(database.Connection));
        }

        using var upgraded = RetailDatabase.Open(path);
        Assert.Equal(enums, EnumColumns(upgraded.Connection));
        Assert.Equal(written, Values(upgraded, enums));
        Assert.Matches(@"fact_ble_pings\|zone\|[^;]*ENTRANCE_MAIN=[1-9]", written); // the data reached the enum columns
    }

    [Fact]
    public void A_value_outside_its_vocabulary_stops_the_upgrade_with_one_line_and_leaves_the_database_as_it_was()
    {
        using var folder = new TempFolder();
        var path = folder.File("db.duckdb");
        ReducedWorld.Generate(ReducedWorld.Settings(path, stores: 3), days: 1);
        using (var database = RetailDatabase.Open(path))
        {
            AsBeforeMigration8(database);
            database.Execute("UPDATE fact_ble_pings SET zone = 'LOBBY' WHERE rowid = (SELECT min(rowid) FROM fact_ble_pings)");
        }

        var error = Assert.Throws<RetailSynthException>(() => RetailDatabase.Open(path).Dispose());

        Assert.StartsWith("The database could not be upgraded to schema version 8 (008_vocabulary_enums), so it was left as it was:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'LOBBY'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        using var untouched = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        untouched.Open();
        Assert.Equal(7, untouched.ReadRows("SELECT max(version) FROM schema_migrations", r => r.GetInt32(0))[0]);
        Assert.Empty(EnumColumns(untouched));
        Assert.Equal(1L, untouched.ReadRows("SELECT count(*) FROM fact_ble_pings WHERE zone = 'LOBBY'", r => r.GetInt64(0))[0]);
    }

    /// <summary>The schema as migration 007 left it: every vocabulary column VARCHAR, no ENUM types, 008 not applied.</summary>
    private static void AsBeforeMigration8(RetailDatabase database)
    {
        foreach (var (table, column) in EnumColumns(database.Connection))
        {
            database.Execute($"ALTER TABLE {table} ALTER {column} TYPE VARCHAR");
        }

        foreach (var type in database.Connection.ReadRows("SELECT type_name FROM duckdb_types() WHERE logical_type = 'ENUM' AND NOT internal", r => r.GetString(0)))
        {
            database.Execute($"DROP TYPE {type}");
        }

        database.Execute("DELETE FROM schema_migrations WHERE version = 8");
    }

    private static List<(string Table, string Column)> EnumColumns(DuckDBConnection connection) => connection.ReadRows(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE data_type LIKE 'ENUM(%' ORDER BY table_name, column_index",
        r => (r.GetString(0), r.GetString(1)));

    /// <summary>Every value of every column with its count, as text.</summary>
    private static string Values(RetailDatabase database, IEnumerable<(string Table, string Column)> columns) => string.Join(
        ";",
        columns.Select(c => database.Connection.ReadRows(
            $"""
            SELECT '{c.Table}|{c.Column}|' || coalesce(string_agg(v || '=' || n, ',' ORDER BY v), '')
            FROM (SELECT coalesce(CAST({c.Column} AS VARCHAR), 'NULL') AS v, count(*) AS n FROM {c.Table} GROUP BY ALL)
            """,
            r => r.GetString(0))[0]));
}
