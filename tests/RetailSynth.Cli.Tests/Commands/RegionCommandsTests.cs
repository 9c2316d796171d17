using RetailSynth.Domain;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

/// <summary>A dataset of two regions through the CLI: region files, the dataset catalog, <c>--region</c> (scale-out §3–4).</summary>
public class RegionCommandsTests
{
    private const string Day = "2024-10-30";

    private static CliRunner Regions(int regions = 2, string seed = "42") =>
        CliRunner.WithRegions(regions, distributionCenters: 1, Day, stores: 3, new Dictionary<string, string?> { ["Seed"] = seed });

    private static long Count(string path, string table)
    {
        using var database = RetailDatabase.OpenReadOnly(path);
        return database.Scalar($"SELECT count(*) FROM {table}");
    }

    [Fact]
    public async Task Two_regions_write_a_file_each_and_a_catalog_whose_views_add_them_up()
    {
        using var cli = Regions();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        var facts = await cli.RunAsync("generate", "facts", "--to", Day);
        Assert.Equal(0, facts.ExitCode);
        Assert.Contains("2 region-days", facts.Output);

        string[] summed = ["dim_stores", "dim_trucks", "dim_geographies", "fact_receipt_lines", "fact_payments", "sim_inventory_balances"];
        var expected = summed.ToDictionary(t => t, t => Count(cli.RegionFile(0), t) + Count(cli.RegionFile(1), t));
        var products = Count(cli.RegionFile(0), "dim_products");
        var customers = Count(cli.RegionFile(0), "dim_customers") + Count(cli.RegionFile(1), "dim_customers") - 1; // customer 0 once
        Assert.True(expected["fact_receipt_lines"] > Count(cli.RegionFile(0), "fact_receipt_lines"));

        using (var catalog = RetailDatabase.OpenReadOnly(cli.DatabasePath))
        {
            Assert.True(catalog.IsCatalog);
            foreach (var (table, rows) in expected)
            {
                Assert.Equal(rows, catalog.Scalar($"SELECT count(*) FROM {table}"));
            }

            Assert.Equal(products, catalog.Scalar("SELECT count(*) FROM dim_products"));
            Assert.Equal(customers, catalog.Scalar("SELECT count(*) FROM dim_customers"));
            Assert.Equal(1, catalog.Scalar("SELECT count(*) FROM dim_customers WHERE customer_id = 0"));
            Assert.Equal(1, catalog.Scalar("SELECT count(*) FROM sim_state"));
        }

        var status = await cli.RunAsync("status");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("the dataset catalog over 2 region files", status.Output);
        Assert.Contains($"watermark: {Day}", status.Output);
        Assert.Contains($"region 1:  watermark {Day}", status.Output);
        Assert.True(File.Exists(DatasetCatalog.AttachScript(cli.DatabasePath)));
    }

    [Fact]
    public async Task Each_region_file_records_the_dataset_its_region_and_the_region_count()
    {
        using var cli = Regions();
        var dimensions = await cli.RunAsync("generate", "dimensions");
        Assert.Equal(0, dimensions.ExitCode);

        for (var region = 0; region < 2; region++)
        {
            using var database = RetailDatabase.OpenReadOnly(cli.RegionFile(region));
            var store = new DimensionStore(database);
            Assert.Equal(new RegionRecord(store.ReadState()!.DatasetId, new Region(region, 2)), store.ReadRegion());
            Assert.Contains($"dataset {store.ReadState()!.DatasetId}", dimensions.Output);
        }
    }

    [Fact]
    public async Task A_region_file_of_another_dataset_is_refused_with_one_line()
    {
        using var cli = Regions();
        using var other = Regions(seed: "7");
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        Assert.Equal(0, (await other.RunAsync("generate", "dimensions")).ExitCode);
        File.Copy(other.RegionFile(1), cli.RegionFile(1), overwrite: true);

        var facts = await cli.RunAsync("generate", "facts", "--region", "1", "--to", Day);
        Assert.Equal(CliApp.ExitFailed, facts.ExitCode);
        Assert.Contains("region-001.duckdb' holds dataset", facts.SingleErrorLine);

        var status = await cli.RunAsync("status");
        Assert.Equal(CliApp.ExitFailed, status.ExitCode);
        Assert.Contains("region-001.duckdb' holds region 1 of 2 of dataset", status.SingleErrorLine);
        Assert.Contains("a catalog never mixes datasets", status.SingleErrorLine);
        Assert.Equal(0, Count(cli.RegionFile(0), "fact_receipt_lines"));
    }

    [Fact]
    public async Task One_region_runs_against_its_own_file_creating_its_dimensions_when_fresh()
    {
        using var cli = Regions();
        var facts = await cli.RunAsync("generate", "facts", "--region", "1", "--to", Day);

        Assert.Equal(0, facts.ExitCode);
        Assert.Contains(cli.RegionFile(1), facts.Output);
        Assert.True(Count(cli.RegionFile(1), "fact_receipt_lines") > 0);
        Assert.False(File.Exists(cli.RegionFile(0)));
        Assert.False(File.Exists(cli.DatabasePath));
    }

    [Theory]
    [InlineData(2, "5", "Region 5 is out of range: the dataset has 2 regions (Simulation:Regions = 2), 0 … 1.")]
    [InlineData(1, "1", "Region 1 is out of range: the dataset has one region (Simulation:Regions = 1), region 0.")]
    public async Task A_region_out_of_range_is_refused_and_nothing_is_written(int regions, string region, string expected)
    {
        using var cli = Regions(regions);

        var facts = await cli.RunAsync("generate", "facts", "--region", region, "--to", Day);
        var stream = await cli.RunAsync("stream", "--region", region, "--days", "1");

        Assert.Equal(CliApp.ExitFailed, facts.ExitCode);
        Assert.Equal(expected, facts.SingleErrorLine["error: ".Length..]);
        Assert.Equal(CliApp.ExitFailed, stream.ExitCode);
        Assert.Contains(expected, stream.SingleErrorLine);
        Assert.False(Directory.Exists(cli.File("data")));
    }

    [Fact]
    public async Task Region_zero_of_a_one_region_dataset_is_the_dataset_itself()
    {
        using var cli = Regions(1);
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        var facts = await cli.RunAsync("generate", "facts", "--region", "0", "--to", Day);

        Assert.Equal(0, facts.ExitCode);
        Assert.True(Count(cli.DatabasePath, "fact_receipt_lines") > 0);
        Assert.False(Directory.Exists(cli.File("data/regions")));
    }

    [Theory]
    [InlineData("generate", "facts", "--region", "x", "--to", Day)]
    [InlineData("stream", "--region", "one")]
    public async Task A_region_that_is_no_number_is_a_usage_error(params string[] args)
    {
        using var cli = Regions();
        var result = await cli.RunAsync(args);
        Assert.Equal(CliApp.ExitUsage, result.ExitCode);
        Assert.Contains("--region must be a whole number of at least 0", result.SingleErrorLine);
    }

    [Fact]
    public async Task Streaming_several_regions_without_choosing_one_is_refused()
    {
        using var cli = Regions();
        var result = await cli.RunAsync("stream", "--days", "1");
        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("a stream session runs one region at a time (0 … 1); choose one with --region.", result.SingleErrorLine);
        Assert.False(File.Exists(cli.DatabasePath));
    }

    [Fact]
    public async Task The_catalog_is_not_read_while_a_region_file_is_written_by_another_process()
    {
        using var cli = Regions();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        using var holder = new DatabaseLockHolderProcess(cli.RegionFile(1));

        var status = await cli.RunAsync("status");

        Assert.Equal(CliApp.ExitFailed, status.ExitCode);
        Assert.Contains($"Region 1's file '{cli.RegionFile(1)}' is being written by another process", status.SingleErrorLine);
        Assert.Contains("the dataset catalog is read only while no region is written", status.SingleErrorLine);
    }

    [Fact]
    public async Task Export_writes_a_partition_per_region_and_one_region_alone_with_region()
    {
        using var cli = Regions();
        Assert.Equal(0, (await cli.RunAsync("generate", "facts", "--to", Day)).ExitCode);

        var all = await cli.RunAsync("export", "--out", "all", "--tables", "dim_products,dim_customers,fact_receipt_lines");
        var one = await cli.RunAsync("export", "--out", "one", "--region", "1", "--tables", "dim_products,dim_customers,fact_receipt_lines");

        Assert.Equal(0, all.ExitCode);
        Assert.Equal(0, one.ExitCode);
        string[] everyRegion =
        [
            "dim_customers/region=0/dim_customers.parquet", "dim_customers/region=1/dim_customers.parquet", "dim_products/region=0/dim_products.parquet",
            "fact_receipt_lines/region=0/fact_receipt_lines_2024-10.parquet", "fact_receipt_lines/region=1/fact_receipt_lines_2024-10.parquet",
        ];
        Assert.Equal(everyRegion, Files(cli.File("all")));
        Assert.Equal(["dim_customers/region=1/dim_customers.parquet", "fact_receipt_lines/region=1/fact_receipt_lines_2024-10.parquet"], Files(cli.File("one")));

        // The partitions read as one table hold every key once: customer 0 and the products come from region 0 only.
        using var catalog = RetailDatabase.OpenReadOnly(cli.DatabasePath);
        Assert.Equal(
            catalog.Scalar("SELECT count(*) FROM dim_customers"),
            catalog.Scalar($"SELECT count(*) FROM read_parquet('{cli.File("all")}/dim_customers/*/*.parquet', hive_partitioning = true)"));
        Assert.Equal(
            catalog.Scalar("SELECT count(*) FROM fact_receipt_lines"),
            catalog.Scalar($"SELECT count(*) FROM read_parquet('{cli.File("all")}/fact_receipt_lines/*/*.parquet')"));
        Assert.Equal(
            catalog.Scalar("SELECT count(*) FROM region_001.fact_receipt_lines"),
            catalog.Scalar($"SELECT count(*) FROM read_parquet('{cli.File("one")}/fact_receipt_lines/*/*.parquet')"));
    }

    private static string[] Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
}
