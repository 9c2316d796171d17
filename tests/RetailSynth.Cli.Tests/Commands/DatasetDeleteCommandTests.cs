using System.Text.RegularExpressions;

namespace RetailSynth.Cli.Tests.Commands;

public sealed partial class DatasetDeleteCommandTests
{
    [Fact]
    public async Task Delete_with_the_dataset_id_empties_the_database_and_status_then_shows_no_dataset()
    {
        using var cli = NewCli();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        var datasetId = await DatasetIdAsync(cli);

        var result = await cli.RunAsync("dataset", "delete", "--confirm", datasetId);

        Assert.Equal(CliApp.ExitOk, result.ExitCode);
        Assert.Contains($"Deleted dataset {datasetId}", result.Output, StringComparison.Ordinal);
        var status = await cli.RunAsync("status");
        Assert.DoesNotContain(datasetId, status.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode); // the file takes a dataset again
    }

    [Fact]
    public async Task Delete_with_a_wrong_id_exits_1_with_one_line_and_deletes_nothing()
    {
        using var cli = NewCli();
        Assert.Equal(0, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        var datasetId = await DatasetIdAsync(cli);

        var result = await cli.RunAsync("dataset", "delete", "--confirm", "not-the-id");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("'not-the-id' is not the id of the dataset", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.Equal(datasetId, await DatasetIdAsync(cli));
    }

    [Fact]
    public async Task Delete_without_confirm_is_a_usage_error()
    {
        using var cli = NewCli();

        var result = await cli.RunAsync("dataset", "delete");

        Assert.Equal(CliApp.ExitUsage, result.ExitCode);
        Assert.Contains("--confirm", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.DatabasePath));
    }

    [Fact]
    public async Task Delete_without_a_database_exits_1_and_creates_none()
    {
        using var cli = NewCli();

        var result = await cli.RunAsync("dataset", "delete", "--confirm", "anything");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("There is no database", result.SingleErrorLine, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.DatabasePath));
    }

    private static CliRunner NewCli()
    {
        var cli = new CliRunner();
        cli.Environment["RETAILSYNTH__Simulation__Customers"] = "500";
        return cli;
    }

    private static async Task<string> DatasetIdAsync(CliRunner cli)
    {
        var status = await cli.RunAsync("status");
        return DatasetLine().Match(status.Output).Groups[1].Value;
    }

    [GeneratedRegex(@"dataset:\s+(\S+)")]
    private static partial Regex DatasetLine();
}
