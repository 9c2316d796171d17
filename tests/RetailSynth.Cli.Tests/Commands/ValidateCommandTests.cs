using RetailSynth.Jobs.Validation;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

public class ValidateCommandTests
{
    [Fact]
    public async Task Validate_passes_a_generated_dataset_tolerates_warnings_and_fails_once_a_row_is_broken()
    {
        using var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment);

        Assert.Equal(CliApp.ExitOk, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        Assert.Equal(CliApp.ExitOk, (await cli.RunAsync("generate", "facts", "--days", "2")).ExitCode);
        var checks = InvariantCatalog.All.Count;

        var clean = await cli.RunAsync("validate");
        Assert.Equal(string.Empty, string.Join('\n', clean.Output.Split('\n').Where(line => line.StartsWith("FAIL", StringComparison.Ordinal))));
        Assert.Equal(CliApp.ExitOk, clean.ExitCode);
        Assert.Contains("2.fk.receipt_lines.product", clean.Output);
        Assert.Contains($"{checks} checks: {checks} passed, 0 failed, 0 warnings", clean.Output);

        Execute(cli, """
            INSERT INTO sim_pending_shipments (shipment_id, trip_id, stop_seq, dc_id, store_id, temperature_class, priority, units, formed_ts, status)
            VALUES ('SHP-20240101-09999', 'TRP-20240101-09999', 1, 1, 1, 'AMBIENT', 'NORMAL', 10, TIMESTAMP '2024-01-01 01:00:00', 'QUEUED')
            """);
        var warned = await cli.RunAsync("validate");
        Assert.Equal(CliApp.ExitOk, warned.ExitCode);
        Assert.Contains("WARN 6.shipments.queued_over_24h", warned.Output);
        Assert.Contains($"{checks} checks: {checks - 1} passed, 0 failed, 1 warnings", warned.Output);

        Execute(cli, "UPDATE fact_receipt_lines SET product_id = 999999 WHERE rowid = (SELECT min(rowid) FROM fact_receipt_lines)");
        var broken = await cli.RunAsync("validate");
        Assert.Equal(CliApp.ExitFailed, broken.ExitCode);
        Assert.Contains("FAIL 2.fk.receipt_lines.product", broken.Output);
        Assert.Contains($"{checks} checks: {checks - 2} passed, 1 failed, 1 warnings", broken.Output);
    }

    [Fact]
    public async Task Validate_without_a_database_says_so_on_one_line_and_creates_nothing()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("validate");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains($"There is no database at '{cli.DatabasePath}'", result.SingleErrorLine);
        Assert.Single(result.ErrorLines);
        Assert.False(File.Exists(cli.DatabasePath));
    }

    [Fact]
    public async Task Validate_refuses_a_dataset_of_another_model_version_on_one_line_naming_both_versions()
    {
        using var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment);
        Assert.Equal(CliApp.ExitOk, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        Execute(cli, "UPDATE sim_state SET model_version = 1");

        var result = await cli.RunAsync("validate");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains($"holds a model version 1 dataset, but this build reads model version {DatasetIdentity.ModelVersion}", result.SingleErrorLine);
        Assert.Contains("retailsynth generate dimensions --force", result.SingleErrorLine);
        Assert.DoesNotContain("checks:", result.Output);
    }

    private static void Execute(CliRunner cli, string sql)
    {
        using var database = RetailDatabase.Open(cli.DatabasePath);
        database.Execute(sql);
    }
}
