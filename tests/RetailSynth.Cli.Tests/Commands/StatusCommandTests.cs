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
}
