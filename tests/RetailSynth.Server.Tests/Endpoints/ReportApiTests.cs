using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RetailSynth.Jobs.Report;
using RetailSynth.Server.Hosting;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class ReportApiTests
{
    [Fact]
    public async Task Report_returns_every_kpi_over_the_committed_days_as_the_cli_json_writes_it()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { force = false });
        await server.RunTaskAsync("/api/generate/historical", new { days = 2 });

        using var response = await server.Client.GetAsync(new Uri("/api/report", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("2024-01-01", json["from"]!.GetValue<string>());
        Assert.Equal("2024-01-02", json["to"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(1, 17).Select(i => $"R{i}"), json["kpis"]!.AsArray().Select(k => k!["id"]!.GetValue<string>()));
        Assert.All(json["kpis"]!.AsArray(), k => Assert.Contains(k!["verdict"]!.GetValue<string>(), new[] { "ok", "short", "n/a" }));

        // `report --json` writes RealismReportJson of the same scorecard: the two must carry the same content.
        using var connection = server.Services.GetRequiredService<ServerDatabase>().OpenConnection();
        var written = JsonNode.Parse(RealismReportJson.Serialize(new RealismScorecard().Run(connection)));
        Assert.True(JsonNode.DeepEquals(written, json), $"API: {body}\nCLI: {written}");
    }

    [Theory]
    [InlineData("?from=2024-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2024-01-02&to=2024-01-01", "from")]
    [InlineData("?from=2023-12-31", "from")]
    [InlineData("?to=2024-01-09", "to")]
    public async Task Report_refuses_a_malformed_reversed_or_uncommitted_range_naming_the_field(string query, string field)
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { force = false });
        await server.RunTaskAsync("/api/generate/historical", new { days = 1 });

        using var response = await server.Client.GetAsync(new Uri("/api/report" + query, UriKind.Relative));

        await Problems.AssertFieldAsync(response, field);
    }

    [Fact]
    public async Task Report_on_a_database_without_a_dataset_answers_problem_details_not_a_500()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
