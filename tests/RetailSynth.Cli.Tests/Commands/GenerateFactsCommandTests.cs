using System.Diagnostics;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

public class GenerateFactsCommandTests
{
    private static CliRunner SmallWorld()
    {
        var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment, "2024-10-30");
        return cli;
    }

    private static string Hash(string path)
    {
        using var database = RetailDatabase.Open(path);
        return DatasetHasher.Hash(database, DatasetTables.Hashed);
    }

    [Fact]
    public async Task Generates_days_from_the_watermark_and_reports_rows_per_table()
    {
        using var cli = SmallWorld();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        var first = await cli.RunAsync("generate", "facts", "--days", "2");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("2 days (2024-10-30 … 2024-10-31)", first.Output);
        Assert.Contains("Generating 2 days (2024-10-30 … 2024-10-31), about ", first.Error);
        Assert.Contains("fact_receipt_lines", first.Output);

        var second = await cli.RunAsync("generate", "facts", "--to", "2024-11-01");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("1 days (2024-11-01 … 2024-11-01)", second.Output);
        var status = await cli.RunAsync("status");
        Assert.Contains("watermark: 2024-11-01", status.Output);
        Assert.Contains("queued shipments", status.Output);
    }

    [Theory]
    [InlineData(new[] { "--days", "0" }, "--days must be at least 1")]
    [InlineData(new[] { "--days", "abc" }, "--days must be a whole number, got 'abc'")]
    [InlineData(new[] { "--to", "2024-13-01" }, "--to must be a date in yyyy-MM-dd form")]
    [InlineData(new[] { "--days", "2", "--to", "2024-11-01" }, "Give exactly one of --days N or --to yyyy-MM-dd")]
    [InlineData(new string[0], "Give exactly one of --days N or --to yyyy-MM-dd")]
    public async Task Bad_ranges_are_rejected_with_one_line(string[] range, string expected)
    {
        using var cli = SmallWorld();
        var result = await cli.RunAsync(["generate", "facts", .. range]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.SingleErrorLine);
    }

    [Fact]
    public async Task A_date_before_the_watermark_is_refused_and_nothing_changes()
    {
        using var cli = SmallWorld();
        await cli.RunAsync("generate", "dimensions");
        Assert.Equal(0, (await cli.RunAsync("generate", "facts", "--days", "2")).ExitCode);
        var before = Hash(cli.DatabasePath);

        var result = await cli.RunAsync("generate", "facts", "--to", "2024-10-30");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("--to 2024-10-30 is not after the watermark: days up to 2024-10-31 are already generated; the next day is 2024-11-01", result.SingleErrorLine);
        Assert.Equal(before, Hash(cli.DatabasePath));
    }

    [Fact]
    public async Task Facts_without_dimensions_are_refused()
    {
        using var cli = SmallWorld();
        var result = await cli.RunAsync("generate", "facts", "--days", "1");
        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("has no dimensions yet; run `retailsynth generate dimensions` first", result.SingleErrorLine);
    }

    [Fact]
    public async Task Dimensions_are_refused_once_facts_exist_unless_forced()
    {
        using var cli = SmallWorld();
        await cli.RunAsync("generate", "dimensions");
        await cli.RunAsync("generate", "facts", "--days", "1");

        var refused = await cli.RunAsync("generate", "dimensions");
        Assert.Equal(CliApp.ExitFailed, refused.ExitCode);
        Assert.Contains("holds facts up to 2024-10-30", refused.SingleErrorLine);

        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions", "--force")).ExitCode);
        using var database = RetailDatabase.Open(cli.DatabasePath);
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM fact_receipts"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM sim_inventory_balances"));
    }

    [Fact]
    public async Task Ten_days_in_one_process_equal_five_plus_five_in_two_processes()
    {
        using var once = SmallWorld();
        using var twice = SmallWorld();
        foreach (var cli in new[] { once, twice })
        {
            Assert.Equal(0, (await cli.RunProcessAsync("generate", "dimensions")).ExitCode);
        }

        Assert.Equal(0, (await once.RunProcessAsync("generate", "facts", "--days", "10")).ExitCode);
        Assert.Equal(0, (await twice.RunProcessAsync("generate", "facts", "--days", "5")).ExitCode);
        Assert.Equal(0, (await twice.RunProcessAsync("generate", "facts", "--days", "5")).ExitCode);

        Assert.Equal(Hash(once.DatabasePath), Hash(twice.DatabasePath));
    }

    [Fact]
    public async Task A_generator_killed_mid_day_restarts_and_ends_equal_to_an_uninterrupted_run()
    {
        using var uninterrupted = SmallWorld();
        using var killed = SmallWorld();
        Assert.Equal(0, (await uninterrupted.RunProcessAsync("generate", "dimensions")).ExitCode);
        Assert.Equal(0, (await uninterrupted.RunProcessAsync("generate", "facts", "--days", "6")).ExitCode);

        Assert.Equal(0, (await killed.RunProcessAsync("generate", "dimensions")).ExitCode);
        using (var process = killed.StartProcess("generate", "facts", "--days", "6"))
        {
            // Progress lines go to stderr per committed day; kill -9 right after day 2, in the middle of day 3.
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null && !line.Contains("(2/6)", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        using (var database = RetailDatabase.Open(killed.DatabasePath))
        {
            var watermark = database.Scalar("SELECT epoch(last_committed_day)::BIGINT FROM sim_state");
            Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(watermark).UtcDateTime, new DateTime(2024, 10, 31), new DateTime(2024, 11, 1));
            Assert.Equal(0, database.Scalar("SELECT count(*) FROM fact_receipts WHERE event_ts >= (SELECT last_committed_day + 1 FROM sim_state)"));
        }

        Assert.Equal(0, (await killed.RunProcessAsync("generate", "facts", "--to", "2024-11-04")).ExitCode);
        Assert.Equal(Hash(uninterrupted.DatabasePath), Hash(killed.DatabasePath));
    }

    [Fact]
    public async Task Ctrl_c_keeps_every_finished_day_and_rolls_back_only_the_current_one()
    {
        using var cli = SmallWorld();
        Assert.Equal(0, (await cli.RunProcessAsync("generate", "dimensions")).ExitCode);
        // A range long enough that a busy machine cannot finish it before the interrupt lands.
        using var process = cli.StartProcess("generate", "facts", "--days", "300");
        string? line;
        while ((line = await process.StandardError.ReadLineAsync()) is not null && !line.Contains("(2/300)", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        var rest = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(CliApp.ExitCancelled, process.ExitCode);
        Assert.Contains("Cancelled", rest);
        Assert.DoesNotContain(" at ", rest);

        using var database = RetailDatabase.Open(cli.DatabasePath);
        var days = database.Scalar("SELECT last_committed_day - DATE '2024-10-30' + 1 FROM sim_state");
        Assert.InRange(days, 2, 299);
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM fact_receipts WHERE event_ts >= (SELECT last_committed_day + 1 FROM sim_state)"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM fact_store_inventory_txn WHERE event_ts >= (SELECT last_committed_day + 1 FROM sim_state)"));
    }

    [Theory]
    [InlineData("--to", "9999-12-31", "The end date 9999-12-31 asks for")]
    [InlineData("--days", "3661", "3661 days is more than one run may generate")]
    public async Task A_range_beyond_ten_years_after_the_watermark_is_refused_in_one_line_and_generates_nothing(string option, string value, string message)
    {
        using var cli = SmallWorld();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        var result = await cli.RunAsync("generate", "facts", option, value);

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains(message, result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Contains("at most 3660", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Contains("watermark: no facts yet", (await cli.RunAsync("status")).Output, StringComparison.Ordinal);
    }
}
