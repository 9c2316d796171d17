using System.Globalization;
using System.Text.Json.Nodes;
using RetailSynth.Cli.Bench;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Bench;

/// <summary>
/// <c>bench --regions R --workers 1,2,…</c> (scale-out §5): a tiny real run through the region worker processes, the
/// figures it derives, the data check across worker counts and the usage errors.
/// </summary>
public class RegionScalingBenchmarkTests
{
    private static CliRunner ReducedRegions()
    {
        var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment, startDate: null, stores: 3, extra: new Dictionary<string, string?> { ["DistributionCenters"] = "1" });
        return cli;
    }

    [Fact]
    public async Task Two_regions_with_one_and_two_workers_give_the_same_rows_and_an_efficiency_from_the_figures()
    {
        using var cli = ReducedRegions();

        var result = await cli.RunAsync("bench", "--profile", "small", "--regions", "2", "--workers", "1,2", "--days", "2", "--json", "bench.json");

        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(cli.File("bench.json")))!;
        Assert.Equal(2, report["Regions"]!.GetValue<int>());
        Assert.Equal(Environment.ProcessorCount, report["Cores"]!.GetValue<int>());
        Assert.True(report["DataEqual"]!.GetValue<bool>());
        var runs = report["Runs"]!.AsArray();
        Assert.Equal([1, 2], runs.Select(r => r!["Workers"]!.GetValue<int>()));
        var one = runs[0]!;
        var two = runs[1]!;
        var rows = one["Rows"]!.GetValue<long>();
        Assert.True(rows > 10_000, $"only {rows} rows");
        Assert.Equal(rows, two["Rows"]!.GetValue<long>());
        Assert.Equal(Strings(one["RegionHashes"]), Strings(two["RegionHashes"]));
        Assert.Equal(2, Strings(one["RegionHashes"]).Distinct().Count());
        foreach (var run in runs)
        {
            var wall = run!["WallSeconds"]!.GetValue<double>();
            Assert.True(wall > 0);
            Assert.Equal(rows / wall, run["RowsPerSecond"]!.GetValue<double>(), 6);
            Assert.Equal(rows, run["RowsByRegion"]!.AsArray().Sum(n => n!.GetValue<long>()));
            Assert.True(run["PeakRssMiBPerWorker"]!.GetValue<double>() > 10, "no worker memory sampled");
            Assert.Equal(1.0, run["EfficiencyCeiling"]!.GetValue<double>());
        }

        var oneRate = one["RowsPerSecond"]!.GetValue<double>();
        Assert.Equal(1.0, one["ScalingEfficiency"]!.GetValue<double>(), 9);
        Assert.Equal(two["RowsPerSecond"]!.GetValue<double>() / (2 * oneRate), two["ScalingEfficiency"]!.GetValue<double>(), 9);
        Assert.Contains("same data for every worker count: yes", result.Output);
        Assert.Contains($"on {Environment.ProcessorCount} cores: target ≥ 0.8 up to", result.Output);
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    [Theory]
    [InlineData("--regions 2 --workers 0", "--workers must be a comma-separated list of whole numbers of at least 1 (e.g. 1,2), got '0'.")]
    [InlineData("--regions 2 --workers a,b", "--workers must be a comma-separated list of whole numbers of at least 1 (e.g. 1,2), got 'a,b'.")]
    [InlineData("--regions 0 --workers 1", "--regions must be a whole number from 1 to 21, got '0'.")]
    [InlineData("--regions 22", "--regions must be a whole number from 1 to 21, got '22'.")]
    [InlineData("--regions 2 --streaming", "--regions measures generation by region workers; give it without --streaming.")]
    [InlineData("--regions 2 --workers 1,3", "--workers 3 is more than --regions 2: a worker runs one region, so at most 2 run at once.")]
    [InlineData("--regions 2 --workers 2,2", "--workers lists 2 more than once.")]
    [InlineData("--workers 1,2", "--workers is the region scaling bench's; give it with --regions R.")]
    public async Task Bad_region_bench_options_are_one_usage_line_and_nothing_is_written(string options, string expected)
    {
        using var cli = ReducedRegions();

        var result = await cli.RunAsync(["bench", "--profile", "small", "--days", "1", "--json", "bench.json", .. options.Split(' ')]);

        Assert.Equal(CliApp.ExitUsage, result.ExitCode);
        Assert.Equal($"error: {expected}", result.SingleErrorLine);
        Assert.False(File.Exists(cli.File("bench.json")));
    }

    [Fact]
    public void One_worker_is_measured_first_when_the_list_leaves_it_out()
    {
        Assert.Equal([(1, true), (2, false), (3, false)], RegionScalingBenchmark.Plan([2, 3]));
        Assert.Equal([(2, false), (1, false)], RegionScalingBenchmark.Plan([2, 1]));
    }

    [Theory]
    [InlineData(2, 2, 1.0)]
    [InlineData(3, 2, 0.75)] // two rounds: two regions side by side, then the third alone
    [InlineData(4, 3, 2.0 / 3)]
    [InlineData(3, 1, 1.0)]
    public void The_efficiency_ceiling_counts_the_rounds_of_regions(int regions, int workers, double ceiling) =>
        Assert.Equal(ceiling, RegionScalingBenchmark.EfficiencyCeiling(regions, workers), 9);

    [Fact]
    public void Scaling_efficiency_is_the_rate_over_workers_times_one_workers_rate() =>
        Assert.Equal(0.9, RegionScalingBenchmark.ScalingEfficiency(rowsPerSecond: 180, workers: 2, oneWorkerRowsPerSecond: 100), 9);

    [Fact]
    public void A_region_hash_that_differs_between_worker_counts_is_named()
    {
        static RegionScalingBenchmark.Run Run(int workers, params string[] hashes) =>
            new(workers, false, 0, 1, 20, 20, 1, 1, null, [10, 10], [null, null], hashes);
        var same = new string('a', 64);
        var other = new string('b', 64);

        Assert.Null(RegionScalingBenchmark.DataMismatch([Run(1, same, other), Run(2, same, other)]));
        var mismatch = RegionScalingBenchmark.DataMismatch([Run(1, same, same), Run(2, same, other)]);

        Assert.NotNull(mismatch);
        Assert.StartsWith("region 1 differs between 1 worker (10 rows, hash aaaaaaaaaaaa…) and 2 workers (10 rows, hash bbbbbbbbbbbb…)", mismatch);
    }

    [Fact]
    public void A_live_process_high_water_mark_is_read_from_proc_and_a_gone_one_is_null()
    {
        Assert.True(WorkerMeter.ReadHighWaterMarkKiB(Environment.ProcessId) > 1024);
        Assert.Null(WorkerMeter.ReadHighWaterMarkKiB(int.MaxValue));
    }

    [Fact]
    public void Workers_get_the_bench_profile_and_regions_over_any_spelling_already_in_the_environment()
    {
        var settings = ReducedWorld.Settings("unused.duckdb", extra: new Dictionary<string, string?> { ["Regions"] = "3", ["DistributionCenters"] = "1" });
        var variables = RegionScalingBenchmark.WorkerVariables(
            new Dictionary<string, string?> { ["RETAILSYNTH__SIMULATION__REGIONS"] = "7", ["PATH"] = "/bin" }, settings);

        Assert.Equal("3", variables["RETAILSYNTH__SIMULATION__REGIONS"]);
        Assert.Equal("3", variables[$"{SettingsSources.EnvironmentPrefix}Simulation__Regions"]);
        Assert.Equal(settings.Simulation.Profile, variables[$"{SettingsSources.EnvironmentPrefix}Simulation__Profile"]);
        Assert.Equal("/bin", variables["PATH"]);
        Assert.Equal("3", settings.Simulation.Regions.ToString(CultureInfo.InvariantCulture));
    }
}
