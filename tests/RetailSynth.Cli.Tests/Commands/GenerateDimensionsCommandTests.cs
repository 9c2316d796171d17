using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

public class GenerateDimensionsCommandTests
{
    [Fact]
    public async Task Generates_dimensions_into_the_default_database_and_status_reports_them()
    {
        using var cli = new CliRunner();
        cli.Environment["RETAILSYNTH__Simulation__Customers"] = "2000";

        var generated = await cli.RunAsync("generate", "dimensions");
        Assert.Equal(0, generated.ExitCode);
        Assert.True(File.Exists(cli.DatabasePath));
        Assert.Contains("dim_customers", generated.Output);
        Assert.Contains("2,000", generated.Output);

        var status = await cli.RunAsync("status");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("watermark: no facts yet", status.Output);
        Assert.Contains("profile small, seed 42", status.Output);
    }

    [Theory]
    [InlineData("RETAILSYNTH__Simulation__Customers", "-5", "Simulation:Customers must be > 0")]
    [InlineData("RETAILSYNTH__Simulation__DistributionCenters", "61", "Simulation:DistributionCenters (61) must not exceed Simulation:Geographies (60)")]
    [InlineData("RETAILSYNTH__Simulation__DcReorderPointMin", "600", "setting 'Simulation:DcReorderPointMin' was removed in model v2")]
    [InlineData("RETAILSYNTH__Simulation__Profile", "huge", "Simulation:Profile 'huge' is not a profile")]
    [InlineData("RETAILSYNTH__Simulation__Stors", "5", "unknown setting 'Simulation:Stors'")]
    public async Task Bad_settings_exit_non_zero_with_one_line_naming_the_setting_and_write_nothing(string variable, string value, string expected)
    {
        using var cli = new CliRunner();
        cli.Environment[variable] = value;

        var result = await cli.RunAsync("generate", "dimensions");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains(expected, result.SingleErrorLine);
        Assert.False(Directory.Exists(Path.GetDirectoryName(cli.DatabasePath)));
    }

    [Fact]
    public async Task An_unwritable_database_path_is_a_clear_error()
    {
        using var cli = new CliRunner();
        File.WriteAllText(cli.File("not-a-folder"), "x");

        var result = await cli.RunAsync("generate", "dimensions", "--database", "not-a-folder/retail.duckdb");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("Cannot create the database folder", result.SingleErrorLine);
    }

    [Fact]
    public async Task A_database_held_by_another_process_is_refused_with_a_readable_sentence()
    {
        using var cli = new CliRunner();
        cli.Environment["RETAILSYNTH__Simulation__Customers"] = "500";
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        using var holder = new DatabaseLockHolderProcess(cli.DatabasePath);

        var result = await cli.RunAsync("generate", "dimensions");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains($"is in use by another process (PID {holder.ProcessId})", result.SingleErrorLine);
        Assert.EndsWith("or choose another file with --database.", result.SingleErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_of_another_dataset_is_refused_and_left_unchanged()
    {
        using var cli = new CliRunner();
        cli.Environment["RETAILSYNTH__Simulation__Customers"] = "500";
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        var before = await File.ReadAllBytesAsync(cli.DatabasePath);

        cli.Environment["RETAILSYNTH__Simulation__Seed"] = "7";
        var result = await cli.RunAsync("generate", "dimensions");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("holds dataset", result.Error);
        Assert.Equal(before, await File.ReadAllBytesAsync(cli.DatabasePath));
        var status = await cli.RunAsync("status");
        Assert.Contains("current settings describe", status.Output);
    }

    [Fact]
    public async Task Force_replaces_a_dataset_of_other_settings()
    {
        using var cli = new CliRunner();
        cli.Environment["RETAILSYNTH__Simulation__Customers"] = "500";
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);

        cli.Environment["RETAILSYNTH__Simulation__Seed"] = "7";
        var result = await cli.RunAsync("generate", "dimensions", "--force");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("seed 7", (await cli.RunAsync("status")).Output);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error_on_one_line()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("generate", "everything");
        Assert.Equal(CliApp.ExitUsage, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_executable_prints_plain_progress_when_redirected_and_no_stack_trace_on_errors()
    {
        using var cli = new CliRunner();
        cli.Environment["RETAILSYNTH__Simulation__Customers"] = "500";

        var ok = await cli.RunProcessAsync("generate", "dimensions", "--database", "out/db.duckdb");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("generating dimensions", ok.Error);
        Assert.Contains("dim_products", ok.Output);
        Assert.True(File.Exists(cli.File("out/db.duckdb")));

        cli.Environment["RETAILSYNTH__Simulation__Customers"] = "zero";
        var failed = await cli.RunProcessAsync("generate", "dimensions", "--database", "out/db.duckdb");
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal("error: Invalid configuration: Simulation:Customers must be a whole number (32-bit), got 'zero'", failed.Error.Trim());
        Assert.DoesNotContain(" at ", failed.Error);
    }

    [Fact]
    public async Task A_billion_customers_is_refused_within_seconds_and_nothing_is_written()
    {
        using var cli = new CliRunner();
        cli.Environment["RETAILSYNTH__Simulation__Customers"] = "1000000000";

        // Before the limit the process grew by ~170 MB/s until the machine ran out: never wait for that.
        using var process = cli.StartProcess("generate", "dimensions");
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("a billion customers was not refused within 20 s");
        }

        Assert.Equal(CliApp.ExitFailed, process.ExitCode);
        var line = Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Simulation:Customers must be at most 5000000, got 1000000000", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(cli.DatabasePath)));
    }
}
