using System.Diagnostics;
using System.Globalization;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Workers;

/// <summary>
/// <c>generate facts --workers N</c> over a dataset of several regions (scale-out §4–5): one real worker process per
/// region, the same data however many run at once or in whatever order, and a killed worker that changes nothing.
/// </summary>
public class RegionWorkersTests
{
    private const string LastDay = "2024-01-02";

    private static CliRunner Regions(int regions) => CliRunner.WithRegions(regions, distributionCenters: 1, "2024-01-01", stores: 3);

    /// <summary>Each region file's determinism hash (data-model §19.9), in region order.</summary>
    private static List<string> RegionHashes(CliRunner cli, int regions) =>
    [
        .. Enumerable.Range(0, regions).Select(r =>
        {
            using var database = RetailDatabase.OpenReadOnly(cli.RegionFile(r));
            return DatasetHasher.Hash(database, DatasetTables.Hashed);
        }),
    ];

    [Fact]
    public async Task A_region_hashes_the_same_alone_with_one_worker_and_with_several()
    {
        // Alone, in reverse order, in-process: the command a pod runs.
        using var alone = Regions(3);
        foreach (var region in new[] { "2", "0", "1" })
        {
            Assert.Equal(0, (await alone.RunAsync("generate", "facts", "--region", region, "--to", LastDay)).ExitCode);
        }

        using var oneWorker = Regions(3);
        var one = await oneWorker.RunAsync("generate", "facts", "--to", LastDay, "--workers", "1");
        using var threeWorkers = Regions(3);
        var three = await threeWorkers.RunAsync("generate", "facts", "--to", LastDay, "--workers", "3");

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(three.ExitCode == 0, three.Error);
        Assert.Contains("6 region-days", three.Output);
        Assert.Contains("by 3 workers", three.Output);
        var expected = RegionHashes(alone, 3);
        Assert.Equal(3, expected.Distinct().Count());
        Assert.Equal(expected, RegionHashes(oneWorker, 3));
        Assert.Equal(expected, RegionHashes(threeWorkers, 3));
        using var catalog = RetailDatabase.OpenReadOnly(threeWorkers.DatabasePath);
        Assert.True(catalog.IsCatalog);
        Assert.Equal(3, catalog.Scalar("SELECT count(DISTINCT store_id // 100000000) FROM fact_receipts"));
    }

    [Fact]
    public async Task A_worker_killed_during_generation_is_restarted_and_the_dataset_equals_an_uninterrupted_run()
    {
        const string to = "2024-01-04";
        using var uninterrupted = Regions(2);
        Assert.Equal(0, (await uninterrupted.RunAsync("generate", "facts", "--to", to, "--workers", "2")).ExitCode);

        using var killed = Regions(2);
        using var parent = killed.StartProcess("generate", "facts", "--to", to, "--workers", "2");
        var output = parent.StandardOutput.ReadToEndAsync();
        var error = new List<string>();
        string? line;
        var victim = 0;
        while ((line = await parent.StandardError.ReadLineAsync()) is not null)
        {
            error.Add(line);
            if (victim == 0 && line.StartsWith("region 1: day ", StringComparison.Ordinal))
            {
                // SIGKILL, as the OOM killer would: no graceful stop, the day in progress is lost with the process.
                victim = WorkerOf(parent.Id, region: 1);
                using var kill = Process.Start("kill", ["-KILL", victim.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }
        }

        await parent.WaitForExitAsync();
        var all = string.Join('\n', error);
        Assert.True(parent.ExitCode == 0, all + await output);
        Assert.NotEqual(0, victim);
        Assert.Contains("region 1: the worker died (exit code 137); restarting it (1/3)", all);
        Assert.Equal(RegionHashes(uninterrupted, 2), RegionHashes(killed, 2));
    }

    /// <summary>The pid of the parent's worker process running <paramref name="region"/> (its command line names it).</summary>
    private static int WorkerOf(int parentId, int region)
    {
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var parentOf = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                var arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (parentOf == parentId && arguments.SkipWhile(a => a != "--region").Skip(1).FirstOrDefault() == region.ToString(CultureInfo.InvariantCulture))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        throw new InvalidOperationException($"No worker of region {region} under process {parentId}.");
    }

    [Theory]
    [InlineData("0", "--workers must be a whole number of at least 1, got '0'.")]
    [InlineData("two", "--workers must be a whole number of at least 1, got 'two'.")]
    public async Task Workers_that_are_not_a_positive_number_are_a_usage_error_and_nothing_is_written(string workers, string expected)
    {
        using var cli = Regions(2);
        var result = await cli.RunAsync("generate", "facts", "--to", LastDay, "--workers", workers);

        Assert.Equal(CliApp.ExitUsage, result.ExitCode);
        Assert.Equal($"error: {expected}", result.SingleErrorLine);
        Assert.False(Directory.Exists(cli.File("data")));
    }

    [Fact]
    public async Task A_refused_region_stops_the_run_with_its_one_line()
    {
        using var cli = Regions(2);
        Assert.Equal(0, (await cli.RunAsync("generate", "facts", "--to", LastDay, "--workers", "2")).ExitCode);

        // Before the watermark: every region's worker refuses, the parent says so once.
        var result = await cli.RunAsync("generate", "facts", "--to", "2024-01-01", "--workers", "2");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Matches("^error: region [01]: .*2024-01-01", result.SingleErrorLine); // whichever refused first
    }
}
