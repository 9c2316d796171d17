using DuckDB.NET.Data;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

public class ExportCommandTests(ExportCommandTests.GeneratedDataset dataset) : IClassFixture<ExportCommandTests.GeneratedDataset>
{
    /// <summary>A reduced dataset over the January/February month end (2024-01-30 … 2024-02-01), generated once through the CLI.</summary>
    public sealed class GeneratedDataset : IAsyncLifetime
    {
        // One in-memory DuckDB for reading files back: starting an instance costs about 0.1 s.
        private readonly Lazy<DuckDBConnection> _files = new(() =>
        {
            var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            return connection;
        });

        public CliRunner Cli { get; } = new();

        public async Task InitializeAsync()
        {
            ReducedWorld.ApplyTo(Cli.Environment, "2024-01-30");
            Assert.Equal(0, (await Cli.RunAsync("generate", "dimensions")).ExitCode);
            Assert.Equal(0, (await Cli.RunAsync("generate", "facts", "--days", "3")).ExitCode);
        }

        public long Count(string sql)
        {
            using var database = RetailDatabase.Open(Cli.DatabasePath);
            return database.Scalar(sql);
        }

        /// <summary>A scalar over exported files, in an in-memory DuckDB that never touches the dataset.</summary>
        public long QueryFiles(string sql)
        {
            using var command = _files.Value.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public Task DisposeAsync()
        {
            if (_files.IsValueCreated)
            {
                _files.Value.Dispose();
            }

            Cli.Dispose();
            return Task.CompletedTask;
        }
    }

    private CliRunner Cli => dataset.Cli;

    private long QueryFiles(string sql) => dataset.QueryFiles(sql);

    private static string[] FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task Export_writes_parquet_under_data_export_by_default_with_progress_on_stderr_and_a_summary_on_stdout()
    {
        var result = await Cli.RunAsync("export");

        Assert.Equal(0, result.ExitCode);
        var folder = Cli.File("data/export");
        foreach (var table in DatasetTables.Dimensions)
        {
            var path = Path.Combine(folder, table, $"{table}.parquet");
            Assert.True(File.Exists(path), path);
            Assert.Equal(dataset.Count($"SELECT count(*) FROM {table}"), QueryFiles($"SELECT count(*) FROM read_parquet('{path}')"));
        }

        Assert.True(File.Exists(Path.Combine(folder, "fact_receipts", "fact_receipts_2024-01.parquet")));
        Assert.True(File.Exists(Path.Combine(folder, "fact_receipts", "fact_receipts_2024-02.parquet")));
        Assert.Equal(
            dataset.Count("SELECT count(*) FROM fact_receipts"),
            QueryFiles($"SELECT count(*) FROM read_parquet('{Path.Combine(folder, "fact_receipts", "*.parquet")}')"));

        Assert.Contains("table 1/25: dim_geographies/dim_geographies.parquet, 30 rows", result.Error);
        Assert.Contains("fact_receipt_lines", result.Output);
        Assert.Contains($"output: {folder}", result.Output);
        Assert.DoesNotContain("table 1/25", result.Output);
    }

    [Fact]
    public async Task Delta_export_writes_one_delta_table_per_table_with_facts_under_month_folders()
    {
        var result = await Cli.RunAsync("export", "--format", "delta", "--tables", "dim_stores,fact_receipts", "--out", "delta");

        Assert.Equal(0, result.ExitCode);
        var folder = Cli.File("delta");
        Assert.True(File.Exists(Path.Combine(folder, "dim_stores", "_delta_log", "00000000000000000000.json")));
        Assert.True(File.Exists(Path.Combine(folder, "dim_stores", "dim_stores_v0.parquet")));
        Assert.True(File.Exists(Path.Combine(folder, "fact_receipts", "_delta_log", "00000000000000000000.json")));
        Assert.Equal(
            dataset.Count("SELECT count(*) FROM fact_receipts"),
            QueryFiles($"SELECT count(*) FROM read_parquet('{Path.Combine(folder, "fact_receipts", "month=*", "*.parquet")}')"));
        Assert.Contains("3 parquet files committed to Delta tables", result.Output);
        Assert.DoesNotContain(FilesUnder(folder), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Csv_export_writes_a_header_row_then_every_row()
    {
        var result = await Cli.RunAsync("export", "--format", "csv", "--tables", "dim_stores, fact_receipts", "--out", "csv");

        Assert.Equal(0, result.ExitCode);
        var stores = Cli.File("csv/dim_stores/dim_stores.csv");
        Assert.StartsWith("store_id,store_number,", File.ReadLines(stores).First(), StringComparison.Ordinal);
        Assert.Equal(dataset.Count("SELECT count(*) FROM dim_stores") + 1, File.ReadLines(stores).Count());
        Assert.StartsWith("receipt_id_ext,event_ts,", File.ReadLines(Cli.File("csv/fact_receipts/fact_receipts_2024-02.csv")).First(), StringComparison.Ordinal);
        Assert.Equal(3, FilesUnder(Cli.File("csv")).Length);
    }

    [Fact]
    public async Task From_and_to_restrict_fact_rows_to_those_utc_days()
    {
        var result = await Cli.RunAsync("export", "--tables", "fact_receipts", "--from", "2024-01-31", "--to", "2024-01-31", "--out", "range");

        Assert.Equal(0, result.ExitCode);
        var file = Assert.Single(FilesUnder(Cli.File("range")));
        Assert.Equal(Cli.File("range/fact_receipts/fact_receipts_2024-01.parquet"), file);
        Assert.Equal(
            dataset.Count("SELECT count(*) FROM fact_receipts WHERE CAST(event_ts AS DATE) = DATE '2024-01-31'"),
            QueryFiles($"SELECT count(*) FROM read_parquet('{file}')"));
    }

    [Fact]
    public async Task Re_export_overwrites_its_files_leaves_an_unrelated_file_untouched_and_leaves_no_temporary_files()
    {
        Assert.Equal(0, (await Cli.RunAsync("export", "--tables", "dim_stores", "--out", "again")).ExitCode);
        var stores = Cli.File("again/dim_stores/dim_stores.parquet");
        File.WriteAllText(stores, "damaged");
        var unrelated = Cli.File("again/dim_stores/notes.txt");
        File.WriteAllText(unrelated, "keep me");

        var result = await Cli.RunAsync("export", "--tables", "dim_stores", "--out", "again");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(5, QueryFiles($"SELECT count(*) FROM read_parquet('{stores}')"));
        Assert.Equal("keep me", File.ReadAllText(unrelated));
        Assert.Equal([stores, unrelated], FilesUnder(Cli.File("again")).Order());
    }

    [Fact]
    public async Task An_unknown_table_exits_1_naming_it_and_the_valid_tables()
    {
        var result = await Cli.RunAsync("export", "--tables", "dim_stores,fact_nope", "--out", "unknown");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.StartsWith("error: Unknown table 'fact_nope'; valid tables: dim_geographies,", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Cli.File("unknown")));
    }

    [Fact]
    public async Task Sql_as_a_table_name_is_rejected_and_dim_stores_still_exists()
    {
        var result = await Cli.RunAsync("export", "--tables", "'; DROP TABLE dim_stores; --", "--out", "injection");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("Unknown table ''; DROP TABLE dim_stores; --'", result.SingleErrorLine);
        Assert.Equal(5, dataset.Count("SELECT count(*) FROM dim_stores"));
    }

    [Fact]
    public async Task From_after_to_exits_1_and_writes_nothing()
    {
        var result = await Cli.RunAsync("export", "--from", "2024-02-01", "--to", "2024-01-31", "--out", "backwards");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("--from 2024-02-01 is after --to 2024-01-31", result.SingleErrorLine);
        Assert.False(Directory.Exists(Cli.File("backwards")));
    }

    [Fact]
    public async Task An_output_folder_under_a_regular_file_exits_1_and_writes_nothing()
    {
        File.WriteAllText(Cli.File("blocker"), "x");

        var result = await Cli.RunAsync("export", "--out", "blocker/export");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains($"Cannot write to the export folder '{Cli.File("blocker/export")}': '{Cli.File("blocker")}' is a file, not a folder.", result.SingleErrorLine);
        Assert.Equal("x", File.ReadAllText(Cli.File("blocker")));
    }

    [Theory]
    [InlineData("--format", "json", "--format must be parquet, csv or delta, got 'json'.")]
    [InlineData("--from", "2024-1-31", "--from must be a date in yyyy-MM-dd form, got '2024-1-31'.")]
    [InlineData("--to", "yesterday", "--to must be a date in yyyy-MM-dd form, got 'yesterday'.")]
    public async Task Malformed_options_are_usage_errors_on_one_line(string option, string value, string expected)
    {
        var result = await Cli.RunAsync("export", option, value, "--out", "malformed");

        Assert.Equal(CliApp.ExitUsage, result.ExitCode);
        Assert.Equal($"error: {expected}", result.SingleErrorLine);
        Assert.False(Directory.Exists(Cli.File("malformed")));
    }

    [Fact]
    public async Task A_missing_database_exits_1_saying_how_to_create_one_and_creates_nothing()
    {
        using var empty = new CliRunner();

        var result = await empty.RunAsync("export");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Equal($"error: There is no database at '{empty.DatabasePath}'; run `retailsynth generate dimensions` first.", result.SingleErrorLine);
        Assert.Empty(FilesUnder(empty.WorkingDirectory));
    }
}
