using System.Text.Json.Nodes;

namespace RetailSynth.Cli.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public async Task Bench_measures_every_phase_on_the_same_rows_and_writes_them_as_json()
    {
        using var cli = new CliRunner();
        RetailSynth.Tests.ReducedWorld.ApplyTo(cli.Environment, startDate: null, stores: 3);

        var result = await cli.RunAsync("bench", "--profile", "small", "--days", "2", "--json", "bench.json");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"end to end / raw baseline: \d+\.\d\d", result.Output);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(cli.File("bench.json")))!;
        var rows = report["EndToEnd"]!["Rows"]!.GetValue<long>();
        Assert.True(rows > 10_000, $"only {rows} rows");
        foreach (var measure in new[] { "SimulatorOnly", "RawAppenderBaseline", "DataChunkWriterAlone" })
        {
            Assert.Equal(rows, report[measure]!["Rows"]!.GetValue<long>());
            Assert.True(report[measure]!["Seconds"]!.GetValue<double>() > 0, measure);
        }

        foreach (var measure in new[] { "Dimensions", "EndToEnd", "SimulatorOnly", "RawAppenderBaseline", "DataChunkWriterAlone" })
        {
            var cost = report[measure]!["Cost"]!;
            var wall = cost["WallSeconds"]!.GetValue<double>();
            var cpu = cost["CpuSeconds"]!.GetValue<double>();
            Assert.Equal(report[measure]!["Seconds"]!.GetValue<double>(), wall);
            Assert.True(cpu > 0, $"{measure}: no CPU seconds");
            Assert.Equal(cost["UserCpuSeconds"]!.GetValue<double>() + cost["SystemCpuSeconds"]!.GetValue<double>(), cpu, 9);
            Assert.True(cpu <= (wall * Environment.ProcessorCount) + 0.05, $"{measure}: {cpu} CPU s in {wall} wall s on {Environment.ProcessorCount} cores");
            Assert.True(cost["AllocatedBytes"]!.GetValue<long>() > 0, $"{measure}: nothing allocated");
            Assert.True(report[measure]!["AllocatedBytesPerRow"]!.GetValue<double>() > 0, measure);
            Assert.True(cost["GcPauseSeconds"]!.GetValue<double>() >= 0, measure);
        }

        Assert.Matches(@"end to end \(simulate \+ commit, after the world load\) +│ +\d+\.\d{3} │ +\d+\.\d{3} │ +\d\.\d\d of \d+ │", result.Output);
        Assert.Matches(@"after end to end, closing its database \(the checkpoint\): \d+\.\d{3} s", result.Output);
        Assert.True(report["EndToEndDatabaseClose"]!["WallSeconds"]!.GetValue<double>() > 0);
        Assert.Equal(2, report["SecondsPerDay"]!.AsArray().Count);
        Assert.Equal(rows, report["RowsPerTable"]!.AsObject().Sum(table => table.Value!.GetValue<long>()));
    }

    [Fact]
    public async Task Bench_simulates_past_the_first_online_orders_returned_at_a_store()
    {
        using var cli = new CliRunner();
        RetailSynth.Tests.ReducedWorld.ApplyTo(cli.Environment, startDate: null, stores: 3);

        // The first online returns come due on day 3: their orders were created two days before they were decided.
        var result = await cli.RunAsync("bench", "--profile", "small", "--days", "6", "--json", "bench.json");

        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(cli.File("bench.json")))!;
        Assert.Equal(report["EndToEnd"]!["Rows"]!.GetValue<long>(), report["SimulatorOnly"]!["Rows"]!.GetValue<long>());
    }

    [Fact]
    public async Task Streaming_bench_meters_each_outbox_stage_on_the_first_days_events_and_writes_them_as_json()
    {
        using var cli = new CliRunner();
        RetailSynth.Tests.ReducedWorld.ApplyTo(cli.Environment, startDate: null, stores: 3);

        var result = await cli.RunAsync("bench", "--streaming", "--profile", "small", "--days", "2", "--json", "bench.json");

        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(cli.File("bench.json")))!;
        var firstDay = report["FirstDayEvents"]!.GetValue<long>();
        Assert.True(firstDay > 1_000, $"only {firstDay} events on the first day");
        Assert.True(report["Events"]!.GetValue<long>() > firstDay);
        foreach (var stage in new[] { "BodyFileSeconds", "AppendSeconds", "LeaseSeconds", "SinkSeconds" })
        {
            Assert.True(report["Stages"]![stage]!.GetValue<double>() > 0, stage);
        }

        var stages = report["Phases"]!.AsArray().Where(p => p!["Name"]!.GetValue<string>().StartsWith("first day, outbox stage", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, stages.Count);
        Assert.All(stages, p =>
        {
            Assert.Equal(firstDay, p!["Events"]!.GetValue<long>());
            Assert.True(p["Cost"]!["CpuSeconds"]!.GetValue<double>() > 0, p["Name"]!.GetValue<string>());
        });

        // Both sides of the second ratio leave the world load out, so it is the smaller one.
        var afterLoad = report["StreamAfterWorldLoadSeconds"]!.GetValue<double>();
        Assert.InRange(afterLoad, 0.001, report["StreamSeconds"]!.GetValue<double>());
        Assert.True(report["OutboxOverheadRatioAfterWorldLoad"]!.GetValue<double>() < report["OutboxOverheadRatio"]!.GetValue<double>());
        Assert.Matches(@"first day, outbox stage 4: leased back and acknowledged, s +│ +\d+\.\d\d", result.Output);

        // The same days as the two commands, each a cold process, measured from outside (CPU and peak only on Linux).
        foreach (var command in new[] { "GenerateFacts", "Stream" })
        {
            var run = report["AsCommands"]![command]!;
            Assert.Equal(0, run["ExitCode"]!.GetValue<int>());
            Assert.InRange(run["WallSeconds"]!.GetValue<double>(), 0.1, 600);
            if (OperatingSystem.IsLinux())
            {
                Assert.InRange(run["CpuSeconds"]!.GetValue<double>(), 0.1, 1_200);
                Assert.InRange(run["PeakRssMiB"]!.GetValue<double>(), 20, 4_096);
            }
        }

        Assert.Matches(@"stream / historical as commands \(start-up included on both sides\) +│ +\d+\.\d\d", result.Output);
    }
}
