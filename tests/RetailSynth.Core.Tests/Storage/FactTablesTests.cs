using System.Text.RegularExpressions;
using RetailSynth.Domain.Facts;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Storage;

/// <summary>The fact-table registry against the schema the migrations create, and against <see cref="FactBatch"/>.</summary>
public partial class FactTablesTests
{
    private static List<string> Column(RetailDatabase database, string sql, string table)
    {
        using var command = database.Connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("table", table));
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static List<string> MigratedColumns(RetailDatabase database, string table, string what) => Column(
        database, $"SELECT {what} FROM information_schema.columns WHERE table_name = $table ORDER BY ordinal_position", table);

    [Fact]
    public void Registry_lists_exactly_the_fact_tables_the_migrations_create()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));

        var migrated = Column(
            database, "SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, $table) ORDER BY table_name", "fact_");

        Assert.Equal(19, migrated.Count);
        Assert.Equal(migrated, FactTables.All.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(FactTables.All.Select(t => t.Name), DatasetTables.Facts);
    }

    [Fact]
    public void Every_registry_table_names_the_migrated_columns_in_table_order()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));

        foreach (var table in FactTables.All)
        {
            Assert.Equal(MigratedColumns(database, table.Name, "column_name"), table.Columns);
        }
    }

    [Fact]
    public void Every_registry_table_appends_one_value_of_the_migrated_type_per_column()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        var recorded = new TypeRecorder();

        FactAppenders.AppendAll(recorded, FactAppendersTests.SampleDay(), FactAppendersTests.SampleLabels, CancellationToken.None);

        foreach (var table in FactTables.All)
        {
            // The writer gives a DECIMAL's scale, not its width: compare the scale. An ENUM column takes its vocabulary's strings.
            var migrated = MigratedColumns(database, table.Name, "data_type")
                .Select(t => t.StartsWith("ENUM(", StringComparison.Ordinal) ? "VARCHAR" : DecimalWidth().Replace(t, "DECIMAL(,"));
            var rows = recorded.Rows[table.Name];
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.Equal(migrated, row));
        }
    }

    [Fact]
    public void Every_day_facts_list_is_the_rows_of_exactly_one_registry_table()
    {
        var sample = FactAppendersTests.SampleDay();
        var lists = typeof(FactBatch).GetProperties().Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>)).ToList();

        var claimed = FactTables.All.Select(table =>
        {
            Assert.Equal(table.Count(sample), table.RowsIn(sample).Count);
            return Assert.Single(lists, p => ReferenceEquals(p.GetValue(sample), table.RowsIn(sample))).Name;
        }).ToList();

        Assert.Equal(lists.Count, claimed.Count);
        Assert.Equal(lists.Select(p => p.Name).Order(), claimed.Order());
        Assert.Equal(sample.TotalRows, FactTables.All.Sum(t => (long)t.Count(sample)));
    }

    [GeneratedRegex(@"^DECIMAL\(\d+,")]
    private static partial Regex DecimalWidth();

    /// <summary>Records the DuckDB type of every value a mapping appends, as information_schema spells it.</summary>
    private sealed class TypeRecorder : ITableAppenders<TypeRow>
    {
        public Dictionary<string, List<List<string>>> Rows { get; } = [];

        public IRowAppender<TypeRow> For(string table)
        {
            if (!Rows.TryGetValue(table, out var rows))
            {
                Rows[table] = rows = [];
            }

            return new Table(rows);
        }

        public void Close()
        {
        }

        public void Dispose()
        {
        }

        private sealed class Table(List<List<string>> rows) : IRowAppender<TypeRow>
        {
            public TypeRow CreateRow()
            {
                var row = new List<string>();
                rows.Add(row);
                return new TypeRow(row);
            }
        }
    }

    private readonly struct TypeRow(List<string> types) : IAppendRow<TypeRow>
    {
        private TypeRow Add(string type)
        {
            types.Add(type);
            return this;
        }

        public TypeRow Append(string? value) => Add("VARCHAR");

        public TypeRow Append(long value) => Add("BIGINT");

        public TypeRow Append(long? value) => Add("BIGINT");

        public TypeRow Append(int value) => Add("INTEGER");

        public TypeRow Append(int? value) => Add("INTEGER");

        public TypeRow Append(short value) => Add("SMALLINT");

        public TypeRow Append(DateTime value) => Add("TIMESTAMP");

        public TypeRow Append(DateTime? value) => Add("TIMESTAMP");

        public TypeRow Append(DateOnly value) => Add("DATE");

        public TypeRow Append(long[] values) => Add("BIGINT[]");

        public TypeRow AppendDecimal(long unscaled, int scale) => Add($"DECIMAL(,{scale})");

        public void EndRow()
        {
        }
    }
}
