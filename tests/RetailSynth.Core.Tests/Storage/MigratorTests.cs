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
            enums = EnumColumns(database);
            written = Values(database, enums);

            // The schema as migration 007 left it: every vocabulary column VARCHAR, no ENUM types, 008 not applied.
            foreach (var (table, column) in enums)
            {
                database.Execute($"ALTER TABLE {table} ALTER {column} TYPE VARCHAR");
            }

            foreach (var type in database.Connection.ReadRows("SELECT type_name FROM duckdb_types() WHERE logical_type = 'ENUM' AND NOT internal", r => r.GetString(0)))
            {
                database.Execute($"DROP TYPE {type}");
            }

            database.Execute("DELETE FROM schema_migrations WHERE version = 8");
            Assert.Empty(EnumColumns(database));
        }

        using var upgraded = RetailDatabase.Open(path);
        Assert.Equal(enums, EnumColumns(upgraded));
        Assert.Equal(written, Values(upgraded, enums));
        Assert.Matches(@"fact_ble_pings\|zone\|[^;]*ENTRANCE_MAIN=[1-9]", written); // the data reached the enum columns
    }

    private static List<(string Table, string Column)> EnumColumns(RetailDatabase database) => database.Connection.ReadRows(
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
