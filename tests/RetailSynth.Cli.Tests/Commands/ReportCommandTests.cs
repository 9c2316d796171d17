using System.Text.Json.Nodes;
using RetailSynth.Jobs.Report;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

public class ReportCommandTests
{
    [Fact]
    public async Task Report_prints_every_kpi_writes_the_same_json_and_exits_1_on_a_short_band_unless_no_fail()
    {
        using var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment);
        Assert.Equal(CliApp.ExitOk, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        Assert.Equal(CliApp.ExitOk, (await cli.RunAsync("generate", "facts", "--days", "7")).ExitCode);
        // Push one judged band out for certain: every store in one city (R14, judged on small).
        Execute(cli, "UPDATE dim_geographies SET city = 'Springfield', state = 'IL'");

        var failing = await cli.RunAsync("report", "--json", "scorecard.json");
        var printing = await cli.RunAsync("report", "--no-fail");

        Assert.Equal(CliApp.ExitFailed, failing.ExitCode);
        Assert.Equal(CliApp.ExitOk, printing.ExitCode);
        foreach (var id in Enumerable.Range(1, 17).Select(i => $"R{i} "))
        {
            Assert.Contains(id, failing.Output);
        }

        Assert.Contains("realism scorecard over 2024-01-01 … 2024-01-07 (7 days): 17 KPIs", failing.Output);
        Assert.Contains("short: ", failing.Output);
        Assert.Contains("R14", failing.Output[failing.Output.IndexOf("short: ", StringComparison.Ordinal)..]);

        using var database = RetailDatabase.OpenReadOnly(cli.DatabasePath);
        var expected = JsonNode.Parse(RealismReportJson.Serialize(new RealismScorecard().Run(database.Connection)));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(await File.ReadAllTextAsync(cli.File("scorecard.json")))));
    }

    [Fact]
    public async Task Report_over_one_day_says_which_kpis_are_na_and_why()
    {
        using var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment);
        Assert.Equal(CliApp.ExitOk, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        Assert.Equal(CliApp.ExitOk, (await cli.RunAsync("generate", "facts", "--days", "2")).ExitCode);

        var result = await cli.RunAsync("report", "--from", "2024-01-02", "--to", "2024-01-02", "--no-fail", "--json", "day.json");

        Assert.Equal(CliApp.ExitOk, result.ExitCode);
        Assert.Contains("from 7 days; the horizon has 1", result.Output);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(cli.File("day.json")))!;
        var conversion = json["kpis"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == "R8")!;
        Assert.Equal(("n/a", 1), (conversion["verdict"]!.GetValue<string>(), json["days"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("--from", "2024-1-1", "--from must be a date in yyyy-MM-dd form")]
    [InlineData("--to", "tomorrow", "--to must be a date in yyyy-MM-dd form")]
    public async Task Report_refuses_a_malformed_date_with_one_line(string option, string value, string message)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("report", option, value);

        Assert.NotEqual(CliApp.ExitOk, result.ExitCode);
        Assert.Contains(message, result.SingleErrorLine);
        Assert.False(File.Exists(cli.DatabasePath));
    }

    [Theory]
    [InlineData(new[] { "--from", "2024-01-02", "--to", "2024-01-01" }, "--from 2024-01-02 is after --to 2024-01-01")]
    [InlineData(new[] { "--from", "2023-12-31" }, "--from 2023-12-31 is before the dataset's start date 2024-01-01")]
    [InlineData(new[] { "--to", "2024-01-03" }, "--to 2024-01-03 is after the last committed day 2024-01-01")]
    public async Task Report_refuses_a_reversed_or_uncommitted_range_with_one_line(string[] range, string message)
    {
        using var cli = new CliRunner();
        ReducedWorld.ApplyTo(cli.Environment);
        Assert.Equal(CliApp.ExitOk, (await cli.RunAsync("generate", "dimensions")).ExitCode);
        Assert.Equal(CliApp.ExitOk, (await cli.RunAsync("generate", "facts", "--days", "1")).ExitCode);

        var result = await cli.RunAsync(["report", .. range, "--json", "never.json"]);

        Assert.NotEqual(CliApp.ExitOk, result.ExitCode);
        Assert.Contains(message, result.SingleErrorLine);
        Assert.False(File.Exists(cli.File("never.json")));
    }

    private static void Execute(CliRunner cli, string sql)
    {
        using var database = RetailDatabase.Open(cli.DatabasePath);
        database.Execute(sql);
    }
}
