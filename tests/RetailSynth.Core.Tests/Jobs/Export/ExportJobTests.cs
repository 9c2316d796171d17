using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs.Export;
using RetailSynth.Storage;

namespace RetailSynth.Core.Tests.Jobs.Export;

public class ExportJobTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private static readonly DateOnly s_jan31 = new(2024, 1, 31);
    private static readonly DateOnly s_feb1 = new(2024, 2, 1);

    private ExportResult Export(
        string folder, ExportFormat format = ExportFormat.Parquet, IReadOnlyList<string>? tables = null, DateOnly? from = null, DateOnly? to = null) =>
        new ExportJob().Run(new ExportRequest(fixture.DatabasePath, folder, format, tables, from, to), _ => { }, CancellationToken.None);

    private long ParquetRows(string pathOrGlob, string where = "TRUE") =>
        fixture.QueryFiles($"SELECT count(*) FROM read_parquet('{pathOrGlob}') WHERE {where}");

    private static string[] FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public void Every_dimension_is_one_file_holding_every_row()
    {
        var expected = fixture.Counts(DatasetTables.Dimensions.Select(table => $"SELECT count(*) FROM {table}"));
        var folder = fixture.NewOutputFolder();
        Export(folder, tables: DatasetTables.Dimensions);

        for (var t = 0; t < DatasetTables.Dimensions.Count; t++)
        {
            var table = DatasetTables.Dimensions[t];
            var path = Path.Combine(folder, table, $"{table}.parquet");
            Assert.True(File.Exists(path), path);
            Assert.Equal(expected[t], ParquetRows(path));
        }

        Assert.Equal(DatasetTables.Dimensions.Count, FilesUnder(folder).Length);
    }

    [Fact]
    public void Every_fact_table_has_one_file_per_utc_month_of_event_ts_holding_exactly_that_months_rows()
    {
        // The dataset lies in January and February 2024, so those two months hold every fact row.
        var months = new[] { 1, 2 };
        var expected = fixture.Counts(DatasetTables.Facts.SelectMany(table =>
            months.Select(m => $"SELECT count(*) FROM {table} WHERE year(event_ts) = 2024 AND month(event_ts) = {m}")
                .Append($"SELECT count(*) FROM {table}")));
        var folder = fixture.NewOutputFolder();
        var result = Export(folder);

        Assert.True(File.Exists(Path.Combine(folder, "fact_receipts", "fact_receipts_2024-01.parquet")));
        Assert.True(File.Exists(Path.Combine(folder, "fact_receipts", "fact_receipts_2024-02.parquet")));
        for (var t = 0; t < DatasetTables.Facts.Count; t++)
        {
            var table = DatasetTables.Facts[t];
            var expectedFiles = new List<string>();
            foreach (var month in months)
            {
                var rows = expected[(t * 3) + month - 1];
                var path = Path.Combine(folder, table, $"{table}_2024-0{month}.parquet");
                Assert.Equal(rows > 0, File.Exists(path));
                if (rows > 0)
                {
                    expectedFiles.Add(path);
                    Assert.Equal(rows, ParquetRows(path));
                    Assert.Equal(0, ParquetRows(path, $"month(event_ts) <> {month}"));
                }
            }

            var total = expected[(t * 3) + 2];
            Assert.Equal(total, result.Files.Where(f => f.Table == table).Sum(f => f.Rows));
            Assert.Equal(expectedFiles.Order(), FilesUnder(Path.Combine(folder, table)).Order());
            if (total > 0)
            {
                Assert.Equal(total, ParquetRows(Path.Combine(folder, table, "*.parquet")));
            }
        }

        Assert.All(result.Files, f => Assert.Equal(new FileInfo(f.Path).Length, f.Bytes));
        Assert.Equal(FilesUnder(folder).Order(), result.Files.Select(f => f.Path).Order());
    }

    [Fact]
    public void Vocabulary_columns_stored_as_enums_leave_as_plain_strings_with_the_same_values()
    {
        var folder = fixture.NewOutputFolder();
        Export(folder, tables: ["fact_customer_zone_changes"]);

        var file = Path.Combine(folder, "fact_customer_zone_changes", "fact_customer_zone_changes_2024-01.parquet");
        // DuckDB writes an ENUM as UTF-8 strings; a Parquet ENUM annotation would be read as bytes by some readers.
        Assert.Equal(2, fixture.QueryFiles(
            $"SELECT count(*) FROM parquet_schema('{file}') WHERE name IN ('from_zone', 'to_zone') AND type = 'BYTE_ARRAY' AND converted_type = 'UTF8'"));
        Assert.Equal(
            fixture.Count("SELECT count(*) FROM fact_customer_zone_changes WHERE event_ts < TIMESTAMP '2024-02-01' AND from_zone = 'ENTRANCE_MAIN'"),
            ParquetRows(file, "from_zone = 'ENTRANCE_MAIN'"));
        Assert.Equal(0, ParquetRows(file, "to_zone NOT IN ('APPAREL', 'CHECKOUT', 'ELECTRONICS', 'ENTRANCE_MAIN', 'ENTRANCE_SIDE', 'FRESH', 'GROCERY', 'HEALTH_BEAUTY', 'HOME')"));
    }

    [Fact]
    public void Csv_files_start_with_a_header_and_hold_the_rows_in_key_order()
    {
        var folder = fixture.NewOutputFolder();
        Export(folder, ExportFormat.Csv, ["dim_stores", "fact_receipts"]);

        var stores = Path.Combine(folder, "dim_stores", "dim_stores.csv");
        Assert.StartsWith("store_id,store_number,", File.ReadLines(stores).First(), StringComparison.Ordinal);
        Assert.Equal(fixture.Count("SELECT count(*) FROM dim_stores"), fixture.QueryFiles($"SELECT count(*) FROM read_csv('{stores}', header = true)"));

        var receipts = Path.Combine(folder, "fact_receipts", "fact_receipts_2024-01.csv");
        var lines = File.ReadAllLines(receipts);
        Assert.StartsWith("receipt_id_ext,event_ts,business_date,local_hour,store_id,", lines[0], StringComparison.Ordinal);
        var keys = lines.Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(fixture.Count("SELECT count(*) FROM fact_receipts WHERE event_ts < TIMESTAMP '2024-02-01'"), keys.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public void A_one_day_range_restricts_facts_to_that_utc_day_and_leaves_dimensions_whole()
    {
        var folder = fixture.NewOutputFolder();
        var result = Export(folder, tables: ["dim_customers", "fact_receipts", "fact_receipt_lines"], from: s_jan31, to: s_jan31);

        Assert.Equal(fixture.Count("SELECT count(*) FROM dim_customers"), ParquetRows(Path.Combine(folder, "dim_customers", "dim_customers.parquet")));
        foreach (var table in new[] { "fact_receipts", "fact_receipt_lines" })
        {
            var file = Assert.Single(result.Files, f => f.Table == table);
            Assert.Equal(Path.Combine(folder, table, $"{table}_2024-01.parquet"), file.Path);
            Assert.Equal(fixture.Count($"SELECT count(*) FROM {table} WHERE CAST(event_ts AS DATE) = DATE '2024-01-31'"), ParquetRows(file.Path));
            Assert.Equal(0, ParquetRows(file.Path, "CAST(event_ts AS DATE) <> DATE '2024-01-31'"));
        }
    }

    [Fact]
    public void A_range_over_the_month_end_writes_both_months_each_holding_only_its_rows_in_range()
    {
        var folder = fixture.NewOutputFolder();
        Export(folder, tables: ["fact_receipts"], from: s_jan31, to: s_feb1);

        var january = Path.Combine(folder, "fact_receipts", "fact_receipts_2024-01.parquet");
        var february = Path.Combine(folder, "fact_receipts", "fact_receipts_2024-02.parquet");
        var perDay = fixture.Counts(new[] { "2024-01-30", "2024-01-31", "2024-02-01" }
            .Select(day => $"SELECT count(*) FROM fact_receipts WHERE CAST(event_ts AS DATE) = DATE '{day}'"));
        Assert.True(perDay[0] > 0, "the day before the range has receipts to leave out");
        Assert.Equal(perDay[1], ParquetRows(january));
        Assert.Equal(perDay[2], ParquetRows(february));
    }

    [Fact]
    public void A_range_without_facts_writes_only_the_dimensions()
    {
        var folder = fixture.NewOutputFolder();
        var result = Export(folder, from: new DateOnly(2025, 1, 1));

        Assert.All(result.Files, f => Assert.Null(f.Month));
        Assert.Equal(DatasetTables.Dimensions.Count, FilesUnder(folder).Length);
    }

    [Fact]
    public void Re_export_replaces_its_own_files_and_leaves_other_files_and_no_temporary_files()
    {
        var folder = fixture.NewOutputFolder();
        Export(folder, tables: ["dim_stores", "fact_receipts"]);
        var january = Path.Combine(folder, "fact_receipts", "fact_receipts_2024-01.parquet");
        var expectedRows = ParquetRows(january);
        File.WriteAllText(january, "damaged");
        var unrelated = new Dictionary<string, string>
        {
            [Path.Combine(folder, "README.md")] = "notes",
            [Path.Combine(folder, "fact_receipts", "notes.txt")] = "mine",
            [Path.Combine(folder, "fact_receipts", "fact_receipts_2023-12.parquet")] = "an older export's month",
            [Path.Combine(folder, "dim_products", "dim_products.parquet")] = "a table not in this export",
        };
        foreach (var (path, text) in unrelated)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        var result = Export(folder, tables: ["dim_stores", "fact_receipts"]);

        Assert.Equal(expectedRows, ParquetRows(january));
        Assert.Equal(3, result.Files.Count);
        foreach (var (path, text) in unrelated)
        {
            Assert.Equal(text, File.ReadAllText(path));
        }

        Assert.DoesNotContain(FilesUnder(folder), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Equal(3 + unrelated.Count, FilesUnder(folder).Length);
    }

    [Fact]
    public void An_output_folder_with_a_quote_in_its_name_is_written_safely()
    {
        var folder = fixture.NewOutputFolder() + "-o'brien";
        var result = Export(folder, tables: ["dim_stores"]);

        var file = Assert.Single(result.Files);
        Assert.Equal(Path.Combine(folder, "dim_stores", "dim_stores.parquet"), file.Path);
        Assert.Equal(5, file.Rows);
    }

    [Fact]
    public void Progress_is_reported_once_for_every_file_in_place()
    {
        var folder = fixture.NewOutputFolder();
        var reports = new List<ExportProgress>();
        var result = new ExportJob().Run(
            new ExportRequest(fixture.DatabasePath, folder, Tables: ["dim_stores", "fact_receipts"]), reports.Add, CancellationToken.None);

        Assert.Equal(result.Files, reports.Select(r => r.File));
        Assert.All(reports, r => Assert.True(File.Exists(r.File.Path)));
        Assert.Equal([1, 2, 2], reports.Select(r => r.TableNumber));
        Assert.All(reports, r => Assert.Equal(2, r.TableCount));
    }

    [Fact]
    public void Unknown_table_names_are_rejected_with_the_valid_names_before_anything_is_written()
    {
        var folder = fixture.NewOutputFolder();

        var error = Assert.Throws<RetailSynthException>(() => Export(folder, tables: ["dim_stores", "fact_nope"]));

        Assert.Contains("Unknown table 'fact_nope'", error.Message);
        Assert.Contains("valid tables: dim_geographies, dim_distribution_centers,", error.Message);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Sql_in_a_table_name_is_rejected_and_never_reaches_the_database()
    {
        var error = Assert.Throws<RetailSynthException>(() => Export(fixture.NewOutputFolder(), tables: ["'; DROP TABLE dim_stores; --"]));

        Assert.Contains("Unknown table ''; DROP TABLE dim_stores; --'", error.Message);
        Assert.Equal(5, fixture.Count("SELECT count(*) FROM dim_stores"));
    }

    [Fact]
    public void From_after_to_is_rejected_before_anything_is_written()
    {
        var folder = fixture.NewOutputFolder();

        var error = Assert.Throws<RetailSynthException>(() => Export(folder, from: s_feb1, to: s_jan31));

        Assert.Contains("The start date 2024-02-01 is after the end date 2024-01-31", error.Message); // the CLI says --from/--to (ExportCommandTests)
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void An_output_folder_under_a_regular_file_is_rejected_before_anything_is_written()
    {
        var blocker = fixture.NewOutputFolder();
        File.WriteAllText(blocker, "a file, not a folder");

        var error = Assert.Throws<RetailSynthException>(() => Export(Path.Combine(blocker, "export")));

        Assert.Equal($"Cannot write to the export folder '{Path.Combine(blocker, "export")}': '{blocker}' is a file, not a folder.", error.Message);
        Assert.Equal("a file, not a folder", File.ReadAllText(blocker));
    }

    [Fact]
    public void A_table_folder_taken_by_a_file_is_rejected_before_any_table_is_written()
    {
        var folder = fixture.NewOutputFolder();
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "fact_receipts"), "in the way");

        var error = Assert.Throws<RetailSynthException>(() => Export(folder));

        Assert.Contains("is a file where the fact_receipts folder belongs", error.Message);
        Assert.Single(FilesUnder(folder));
    }

    [Fact]
    public void A_missing_database_is_reported_and_not_created()
    {
        var database = fixture.NewOutputFolder() + ".duckdb";
        var folder = fixture.NewOutputFolder();

        var error = Assert.Throws<RefusedException>(() =>
            new ExportJob().Run(new ExportRequest(database, folder), _ => { }, CancellationToken.None));

        Assert.Equal(RefusalReason.NoDimensions, error.Reason); // each host names its own way out (the CLI's test checks its words)
        Assert.Equal($"There is no database at '{database}'", error.Situation);
        Assert.False(File.Exists(database));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_cancelled_export_leaves_no_file_behind()
    {
        var folder = fixture.NewOutputFolder();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new ExportJob().Run(new ExportRequest(fixture.DatabasePath, folder), _ => { }, cancellation.Token));

        Assert.Empty(FilesUnder(folder));
    }
}
