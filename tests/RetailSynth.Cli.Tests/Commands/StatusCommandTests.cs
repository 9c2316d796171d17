namespace RetailSynth.Cli.Tests.Commands;

public class StatusCommandTests
{
    [Fact]
    public async Task Status_without_a_database_says_how_to_create_one_and_creates_nothing()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("status");
        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("run `retailsynth generate dimensions`", result.Error);
        Assert.False(File.Exists(cli.DatabasePath));
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_not_silently_ignored()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("status", "--bogus", "x");

        Assert.Equal(CliApp.ExitUsage, result.ExitCode);
        Assert.Contains("Unknown option 'bogus'", result.SingleErrorLine, StringComparison.Ordinal);
    }
}
