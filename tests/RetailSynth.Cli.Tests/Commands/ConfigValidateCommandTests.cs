namespace RetailSynth.Cli.Tests.Commands;

public sealed class ConfigValidateCommandTests
{
    [Fact]
    public async Task A_valid_configuration_file_is_reported_valid_with_exit_0()
    {
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(cli.File("retailsynth.json"), """{"Simulation": {"Seed": 5}}""");

        var result = await cli.RunAsync("config", "validate");

        Assert.Equal(CliApp.ExitOk, result.ExitCode);
        Assert.Contains("The configuration is valid", result.Output, StringComparison.Ordinal);
        Assert.Contains("retailsynth.json", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_of_an_invalid_file_is_reported_in_one_line_with_exit_1()
    {
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(cli.File("other.json"), """{"Simulation": {"Customers": -5, "Stors": 4}}""");

        var result = await cli.RunAsync("config", "validate", "--config", "other.json");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        var line = result.SingleErrorLine;
        Assert.Contains("Simulation:Customers must be > 0", line, StringComparison.Ordinal);
        Assert.Contains("unknown setting 'Simulation:Stors' (did you mean 'Simulation:Stores'?)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_config_file_exits_1_naming_it()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("config", "validate", "--config", "missing.json");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Contains("missing.json", result.SingleErrorLine, StringComparison.Ordinal);
    }
}
