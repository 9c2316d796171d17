using System.Text.Json.Nodes;

namespace RetailSynth.Cli.Tests.Commands;

public class DemoCommandTests
{
    private static CliRunner SmallWorld()
    {
        var cli = new CliRunner();
        RetailSynth.Tests.ReducedWorld.ApplyTo(cli.Environment, startDate: null, stores: 4, extra: new Dictionary<string, string?> { ["CustomersPerStoreDay"] = "30" });
        return cli;
    }

    [Fact]
    public async Task Demo_builds_a_week_of_history_streams_the_next_day_and_a_rerun_only_summarises_it()
    {
        using var cli = SmallWorld();

        var first = await cli.RunAsync("demo");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("2024-01-01 … 2024-01-08", first.Output);
        Assert.Contains("fact_receipts", first.Output);
        Assert.Matches(@"receipt_created\s*│\s*[1-9]", first.Output);
        Assert.Matches(@"realism scorecard over 2024-01-01 … 2024-01-08 \(8 days\): 17 KPIs, \d+ ok, \d+ short, \d+ n/a; judged: R\d+", first.Output);
        var events = Directory.GetFiles(cli.File("data/events"));
        Assert.Equal("events-2024-01-08.ndjson", Path.GetFileName(Assert.Single(events)));
        Assert.True(File.ReadLines(events[0]).Count() > 1000);

        var second = await cli.RunAsync("demo");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("2024-01-01 … 2024-01-08", second.Output);
        Assert.Contains("history 0.0 s, stream 0.0 s", second.Output);
    }

    [Fact]
    public async Task Start_date_is_written_to_the_configuration_file_keeping_other_settings()
    {
        using var cli = SmallWorld();
        await File.WriteAllTextAsync(cli.File("retailsynth.json"), """{ "Simulation": { "Seed": 7 } }""");

        var result = await cli.RunAsync("demo", "--start-date", "2024-06-03");

        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(cli.File("retailsynth.json")))!;
        Assert.Equal("2024-06-03", (string?)json["Simulation"]!["StartDate"]);
        Assert.Equal(7, (int?)json["Simulation"]!["Seed"]);
        Assert.Contains("2024-06-03 … 2024-06-10", result.Output);
        Assert.Contains("seed 7", result.Output);
    }

    [Fact]
    public async Task A_bad_start_date_is_rejected_and_writes_nothing()
    {
        using var cli = SmallWorld();
        var result = await cli.RunAsync("demo", "--start-date", "yesterday");
        Assert.Equal(CliApp.ExitUsage, result.ExitCode);
        Assert.Contains("--start-date must be yyyy-MM-dd or 'live'", result.SingleErrorLine);
        Assert.False(File.Exists(cli.File("retailsynth.json")));
        Assert.False(File.Exists(cli.DatabasePath));
    }

    [Fact]
    public async Task A_start_date_outside_the_supported_range_leaves_retailsynth_json_unchanged_and_exits_1()
    {
        using var cli = SmallWorld();
        const string original = """{ "Simulation": { "Seed": 7, "StartDate": "2024-02-01" } }""";
        await File.WriteAllTextAsync(cli.File("retailsynth.json"), original);

        var result = await cli.RunProcessAsync("demo", "--start-date", "9999-12-31");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Equal("error: Invalid configuration: Simulation:StartDate must be between 1900-01-01 and 2199-12-31, got 9999-12-31", Assert.Single(result.ErrorLines).TrimEnd());
        Assert.Equal(original, await File.ReadAllTextAsync(cli.File("retailsynth.json")));
        Assert.False(File.Exists(cli.DatabasePath));
    }
}
