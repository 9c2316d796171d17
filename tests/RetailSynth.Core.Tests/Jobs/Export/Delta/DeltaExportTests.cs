using System.Text.Json;
using RetailSynth.Core.Tests.Jobs.Export;
using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs.Export;
using RetailSynth.Jobs.Export.Delta;

namespace RetailSynth.Core.Tests.Jobs.Export.Delta;

/// <summary>
/// <c>export --format delta</c> against the protocol's rules, read back with an independent replay of the log (no Delta
/// reader can be installed here: see docs/decisions.md) and DuckDB's read_parquet over the live files.
/// </summary>
public class DeltaExportTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private static readonly string[] s_tables = ["dim_stores", "dim_products", "fact_receipts", "fact_receipt_lines"];

    private static readonly Dictionary<string, string> s_sparkTypes = new(StringComparer.Ordinal)
    {
        ["VARCHAR"] = "string",
        ["BIGINT"] = "long",
        ["INTEGER"] = "integer",
        ["SMALLINT"] = "short",
        ["TINYINT"] = "byte",
        ["DOUBLE"] = "double",
        ["FLOAT"] = "float",
        ["BOOLEAN"] = "boolean",
        ["DATE"] = "date",
        ["TIMESTAMP"] = "timestamp",
        ["DECIMAL(18,2)"] = "decimal(18,2)",
        ["DECIMAL(7,5)"] = "decimal(7,5)",
    };

    private ExportResult Export(string folder, IReadOnlyList<string> tables, DateOnly? from = null, DateOnly? to = null) =>
        new ExportJob().Run(new ExportRequest(fixture.DatabasePath, folder, ExportFormat.Delta, tables, from, to), _ => { }, CancellationToken.None);

    private static List<JsonElement> Actions(string folder, string table, long version) =>
        [.. File.ReadAllLines(Path.Combine(folder, table, "_delta_log", $"{version:D20}.json")).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static IEnumerable<JsonElement> Of(IEnumerable<JsonElement> actions, string kind) =>
        actions.Where(a => a.TryGetProperty(kind, out _)).Select(a => a.GetProperty(kind));

    /// <summary>The live files after replaying every commit in order (adds minus removes), as the protocol defines a snapshot.</summary>
    private static Dictionary<string, JsonElement> Replay(string folder, string table)
    {
        var live = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var commits = Directory.GetFiles(Path.Combine(folder, table, "_delta_log"), "*.json").Order(StringComparer.Ordinal).ToList();
        for (var version = 0; version < commits.Count; version++)
        {
            Assert.Equal($"{version:D20}.json", Path.GetFileName(commits[version])); // contiguous from 0
            foreach (var action in Actions(folder, table, version))
            {
                if (action.TryGetProperty("add", out var add))
                {
                    live[add.GetProperty("path").GetString()!] = add;
                }
                else if (action.TryGetProperty("remove", out var remove))
                {
                    Assert.True(live.Remove(remove.GetProperty("path").GetString()!), "a remove names a live file");
                }
            }
        }

        return live;
    }

    private static string FileOf(string folder, string table, JsonElement add) =>
        Path.Combine(folder, table, Uri.UnescapeDataString(add.GetProperty("path").GetString()!));

    [Fact]
    public void The_first_commit_of_every_table_holds_protocol_one_two_metadata_and_an_add_per_file()
    {
        var folder = fixture.NewOutputFolder();
        var result = Export(folder, s_tables);

        foreach (var table in s_tables)
        {
            var actions = Actions(folder, table, 0);
            var protocol = Assert.Single(Of(actions, "protocol"));
            Assert.Equal(1, protocol.GetProperty("minReaderVersion").GetInt32());
            Assert.Equal(2, protocol.GetProperty("minWriterVersion").GetInt32());
            var metaData = Assert.Single(Of(actions, "metaData"));
            Assert.True(Guid.TryParse(metaData.GetProperty("id").GetString(), out _));
            Assert.Equal("parquet", metaData.GetProperty("format").GetProperty("provider").GetString());
            Assert.Equal(table.StartsWith("fact_", StringComparison.Ordinal) ? ["month"] : Array.Empty<string>(), metaData.GetProperty("partitionColumns").EnumerateArray().Select(c => c.GetString()));
            Assert.True(metaData.GetProperty("createdTime").GetInt64() > 0);
            var adds = Of(actions, "add").ToList();
            Assert.Equal(result.Files.Count(f => f.Table == table), adds.Count);
            Assert.NotEmpty(adds);
            Assert.Empty(Of(actions, "remove"));
            Assert.False(File.Exists(Path.Combine(folder, table, "_delta_log", $"{1:D20}.json")));
        }

        // The id is derived from dataset and table: a second export elsewhere names the same table the same way.
        var again = fixture.NewOutputFolder();
        Export(again, ["dim_stores"]);
        Assert.Equal(
            Of(Actions(folder, "dim_stores", 0), "metaData").Single().GetProperty("id").GetString(),
            Of(Actions(again, "dim_stores", 0), "metaData").Single().GetProperty("id").GetString());
    }

    [Fact]
    public void Every_add_names_an_existing_file_with_its_size_record_count_statistics_and_partition_folder()
    {
        var folder = fixture.NewOutputFolder();
        Export(folder, s_tables);

        foreach (var table in s_tables)
        {
            foreach (var add in Of(Actions(folder, table, 0), "add"))
            {
                var path = FileOf(folder, table, add);
                Assert.True(File.Exists(path), path);
                Assert.Equal(new FileInfo(path).Length, add.GetProperty("size").GetInt64());
                Assert.True(add.GetProperty("dataChange").GetBoolean());
                Assert.True(add.GetProperty("modificationTime").GetInt64() > 0);

                using var stats = JsonDocument.Parse(add.GetProperty("stats").GetString()!);
                var numRecords = stats.RootElement.GetProperty("numRecords").GetInt64();
                Assert.Equal(fixture.QueryFiles($"SELECT count(*) FROM read_parquet('{path}')"), numRecords);
                Assert.True(numRecords > 0);

                var values = add.GetProperty("partitionValues");
                if (table.StartsWith("fact_", StringComparison.Ordinal))
                {
                    var month = values.GetProperty("month").GetString()!;
                    Assert.Equal($"month={month}", Path.GetFileName(Path.GetDirectoryName(path)));
                    Assert.Equal(0, fixture.QueryFiles($"SELECT count(*) FROM read_parquet('{path}') WHERE strftime(timezone('UTC', event_ts), '%Y-%m') <> '{month}'"));
                    var minUs = fixture.QueryFiles($"SELECT epoch_ms(min(event_ts)) FROM read_parquet('{path}')");
                    var minStat = DateTimeOffset.Parse(stats.RootElement.GetProperty("minValues").GetProperty("event_ts").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                    Assert.Equal(minUs, minStat.ToUnixTimeMilliseconds());
                }
                else
                {
                    Assert.Empty(values.EnumerateObject());
                    Assert.Equal(table, Path.GetFileName(Path.GetDirectoryName(path)));
                }

                var key = table switch { "dim_stores" => "store_id", "dim_products" => "product_id", _ => "store_id" };
                Assert.Equal(fixture.QueryFiles($"SELECT max({key}) FROM read_parquet('{path}')"), stats.RootElement.GetProperty("maxValues").GetProperty(key).GetInt64());
                Assert.Equal(fixture.QueryFiles($"SELECT count(*) - count({key}) FROM read_parquet('{path}')"), stats.RootElement.GetProperty("nullCount").GetProperty(key).GetInt64());
            }
        }
    }

    [Fact]
    public void The_schema_string_lists_every_column_with_its_mapped_type_and_timestamps_are_utc_adjusted_in_the_files()
    {
        var folder = fixture.NewOutputFolder();
        Export(folder, s_tables);

        foreach (var table in s_tables)
        {
            var metaData = Of(Actions(folder, table, 0), "metaData").Single();
            using var schema = JsonDocument.Parse(metaData.GetProperty("schemaString").GetString()!);
            Assert.Equal("struct", schema.RootElement.GetProperty("type").GetString());
            var fields = schema.RootElement.GetProperty("fields").EnumerateArray().ToList();

            using var database = RetailSynth.Storage.RetailDatabase.Open(fixture.DatabasePath);
            using var command = database.Connection.CreateCommand();
            command.CommandText = $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position";
            using var reader = command.ExecuteReader();
            var expected = new List<(string Name, string Type)>();
            while (reader.Read())
            {
                // A vocabulary stored as an ENUM is exported as its strings.
                var type = reader.GetString(1);
                expected.Add((reader.GetString(0), type.StartsWith("ENUM(", StringComparison.Ordinal) ? "VARCHAR" : type));
            }

            if (table.StartsWith("fact_", StringComparison.Ordinal))
            {
                expected.Add(("month", "VARCHAR"));
            }

            Assert.Equal(expected.Select(e => e.Name), fields.Select(f => f.GetProperty("name").GetString()));
            foreach (var ((name, type), field) in expected.Zip(fields))
            {
                var spark = field.GetProperty("type");
                if (type.EndsWith("[]", StringComparison.Ordinal))
                {
                    Assert.Equal("array", spark.GetProperty("type").GetString());
                    Assert.Equal(s_sparkTypes[type[..^2]], spark.GetProperty("elementType").GetString());
                }
                else
                {
                    Assert.True(s_sparkTypes.ContainsKey(type), $"{table}.{name}: {type} has an expected mapping");
                    Assert.Equal(s_sparkTypes[type], spark.GetString());
                }
            }
        }

        // The protocol's timestamp type must be stored with isAdjustedToUTC = true.
        var receipts = Directory.GetFiles(Path.Combine(folder, "fact_receipts"), "*.parquet", SearchOption.AllDirectories)[0];
        Assert.Equal(1, fixture.QueryFiles($"SELECT count(*) FROM parquet_schema('{receipts}') WHERE name = 'event_ts' AND logical_type ILIKE '%isAdjustedToUTC=1%'"));
    }

    [Fact]
    public void A_second_export_of_a_month_adds_exactly_one_commit_that_removes_the_old_files_and_adds_new_ones()
    {
        var folder = fixture.NewOutputFolder();
        Export(folder, ["dim_stores", "fact_receipts"]);
        var firstCommit = File.ReadAllBytes(Path.Combine(folder, "fact_receipts", "_delta_log", $"{0:D20}.json"));
        var before = Of(Actions(folder, "fact_receipts", 0), "add").ToDictionary(a => a.GetProperty("partitionValues").GetProperty("month").GetString()!, a => a.GetProperty("path").GetString()!);
        Assert.Equal(["2024-01", "2024-02"], before.Keys.Order());

        Export(folder, ["dim_stores", "fact_receipts"], from: new DateOnly(2024, 2, 1), to: new DateOnly(2024, 2, 1));

        Assert.Equal(firstCommit, File.ReadAllBytes(Path.Combine(folder, "fact_receipts", "_delta_log", $"{0:D20}.json")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "fact_receipts", "_delta_log"), "*.json").Length);
        var second = Actions(folder, "fact_receipts", 1);
        var remove = Assert.Single(Of(second, "remove"));
        Assert.Equal(before["2024-02"], remove.GetProperty("path").GetString());
        Assert.True(remove.GetProperty("dataChange").GetBoolean());
        Assert.True(remove.GetProperty("deletionTimestamp").GetInt64() > 0);
        var add = Assert.Single(Of(second, "add"));
        Assert.Equal("2024-02", add.GetProperty("partitionValues").GetProperty("month").GetString());
        Assert.NotEqual(before["2024-02"], add.GetProperty("path").GetString());
        Assert.Empty(Of(second, "protocol"));
        Assert.Empty(Of(second, "metaData"));
        Assert.True(File.Exists(Path.Combine(folder, "fact_receipts", Uri.UnescapeDataString(before["2024-02"]))), "a removed file stays for vacuum");

        var dimension = Actions(folder, "dim_stores", 1);
        Assert.Single(Of(dimension, "remove"));
        Assert.Single(Of(dimension, "add"));
    }

    [Fact]
    public void Replaying_the_log_gives_exactly_the_source_rows()
    {
        var folder = fixture.NewOutputFolder();
        Export(folder, ["dim_stores", "fact_receipt_lines"]);
        Export(folder, ["dim_stores", "fact_receipt_lines"], from: new DateOnly(2024, 1, 31), to: new DateOnly(2024, 2, 1));

        var checks = new (string Table, string Hash)[]
        {
            ("dim_stores", "CAST(sum(hash(store_id, store_number, tax_rate)) % 1000000007 AS BIGINT)"),
            ("fact_receipt_lines", "CAST(sum(hash(receipt_id_ext, line_num, product_id, ext_price, CAST(promo_code AS VARCHAR), epoch_us(event_ts))) % 1000000007 AS BIGINT)"),
        };
        foreach (var (table, hash) in checks)
        {
            var live = Replay(folder, table);
            var list = string.Join(", ", live.Values.Select(a => $"'{FileOf(folder, table, a)}'"));
            Assert.Equal(fixture.Count($"SELECT count(*) FROM {table}"), fixture.QueryFiles($"SELECT count(*) FROM read_parquet([{list}])"));
            Assert.Equal(fixture.Count($"SELECT {hash} FROM {table}"), fixture.QueryFiles($"SELECT {hash} FROM read_parquet([{list}])"));
            Assert.Equal(live.Values.Sum(a => JsonDocument.Parse(a.GetProperty("stats").GetString()!).RootElement.GetProperty("numRecords").GetInt64()), fixture.Count($"SELECT count(*) FROM {table}"));
        }
    }

    [Fact]
    public void A_commit_number_that_already_exists_is_a_conflict_and_the_commit_file_is_not_replaced()
    {
        var folder = fixture.NewOutputFolder();
        Export(folder, ["dim_stores"]);
        var table = Path.Combine(folder, "dim_stores");
        var original = File.ReadAllBytes(Path.Combine(table, "_delta_log", $"{0:D20}.json"));

        var ex = Assert.Throws<RetailSynthException>(() => DeltaLog.Commit(table, 0, [DeltaActions.Protocol()]));

        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(table, "_delta_log", $"{0:D20}.json")));
        Assert.Equal([$"{0:D20}.json"], Directory.GetFiles(Path.Combine(table, "_delta_log")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_table_written_by_a_newer_writer_protocol_is_refused_and_left_alone()
    {
        var folder = fixture.NewOutputFolder();
        var table = Path.Combine(folder, "dim_stores");
        DeltaLog.Commit(table, 0, ["{\"protocol\":{\"minReaderVersion\":3,\"minWriterVersion\":7}}"]);

        var ex = Assert.Throws<RetailSynthException>(() => Export(folder, ["dim_stores"]));

        Assert.Contains("reader 3 / writer 7", ex.Message, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(table, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("month=2024-01/fact_receipts_2024-01_v3.parquet", "month=2024-01/fact_receipts_2024-01_v3.parquet")]
    [InlineData("a b/ü%.parquet", "a%20b/%C3%BC%25.parquet")]
    public void Log_paths_are_percent_encoded_uris_that_decode_back_to_the_file(string path, string encoded)
    {
        Assert.Equal(encoded, DeltaLayout.EncodePath(path));
        Assert.Equal(path, Uri.UnescapeDataString(encoded));
    }
}
