using System.Globalization;
using System.Text.Json;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

/// <summary>Two regions streamed side by side into one file sink (scale-out §4–5): two real processes, one folder.</summary>
public class RegionStreamingTests
{
    [Fact]
    public async Task Two_regions_stream_side_by_side_into_one_file_sink_each_event_once_from_its_own_rows()
    {
        using var cli = CliRunner.WithRegions(2, distributionCenters: 1, "2024-03-01", stores: 2, new Dictionary<string, string?>
        {
            ["CustomersPerStoreDay"] = "20",
            ["OnlineOrdersPerDay"] = "100",
        });

        using var region0 = cli.StartProcess("stream", "--region", "0", "--days", "2");
        using var region1 = cli.StartProcess("stream", "--region", "1", "--days", "2");
        var ended = await Task.WhenAll(Ended(region0), Ended(region1));
        Assert.All(ended, e => Assert.True(e.ExitCode == 0, e.Error));

        var traceIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in new[] { 0, 1 })
        {
            // Each region writes its own partition folder of the one sink: no two relays append to one file.
            var lines = Directory.GetFiles(cli.File($"data/events/region={region}"), "*.ndjson").SelectMany(File.ReadLines).ToList();
            var byType = lines.Select(l => JsonDocument.Parse(l).RootElement)
                .GroupBy(e => e.GetProperty("event_type").GetString()!)
                .ToDictionary(g => g.Key, g => (long)g.Count());
            Assert.All(lines, l => Assert.True(traceIds.Add(JsonDocument.Parse(l).RootElement.GetProperty("trace_id").GetString()!), "a trace_id twice"));

            using var database = RetailDatabase.OpenReadOnly(cli.RegionFile(region));
            Assert.Equal(byType.GetValueOrDefault("receipt_created"), database.Scalar("SELECT count(*) FROM fact_receipts"));
            Assert.Equal(byType.GetValueOrDefault("receipt_line_added"), database.Scalar("SELECT count(*) FROM fact_receipt_lines"));
            Assert.Equal(byType.GetValueOrDefault("online_order_created"), database.Scalar("SELECT count(*) FROM fact_online_order_headers"));
            Assert.Equal(byType.GetValueOrDefault("ad_impression"), database.Scalar("SELECT count(*) FROM fact_marketing"));
            Assert.Equal(lines.Count, database.Scalar("SELECT sum(sent)::BIGINT FROM streaming_sent_stats"));
            Assert.Equal(0, database.Scalar("SELECT count(*) FROM streaming_outbox")); // nothing left behind: the backlog drained day by day
            using var watermark = database.Connection.CreateCommand();
            watermark.CommandText = "SELECT last_committed_day FROM sim_state";
            Assert.Equal(new DateOnly(2024, 3, 2), (DateOnly)watermark.ExecuteScalar()!);
            Assert.True(byType.GetValueOrDefault("receipt_created") > 0);
        }

        Assert.Empty(Directory.GetFiles(cli.File("data/events"), "*.ndjson")); // nothing at the top: every event sits in its region's folder
    }

    private static async Task<(int ExitCode, string Error)> Ended(System.Diagnostics.Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        return (process.ExitCode, await error);
    }
}
