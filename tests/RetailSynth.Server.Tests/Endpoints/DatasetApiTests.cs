using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Server.Tests.Infrastructure;
using RetailSynth.Storage;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class DatasetApiTests
{
    [Fact]
    public async Task Delete_with_the_dataset_id_empties_dimensions_facts_and_state()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        await server.RunTaskAsync("/api/generate/historical", new { days = 1 });
        var datasetId = await DatasetIdAsync(server);

        using var response = await DeleteAsync(server, new { confirm = datasetId });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains(datasetId, text, StringComparison.Ordinal);
        var tables = await server.GetJsonAsync("/api/tables");
        Assert.All(tables.EnumerateArray(), t => Assert.Equal(0, t.GetProperty("rows").GetInt64()));
        var status = await server.GetJsonAsync("/api/status");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, status.GetProperty("dataset").ValueKind);

        // The database takes a new dataset afterwards.
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        Assert.Equal(5, await server.RowsAsync("dim_stores"));
    }

    [Theory]
    [InlineData("wrong-id")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Delete_with_a_wrong_or_missing_id_answers_400_naming_confirm_and_deletes_nothing(string? confirm)
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        await server.RunTaskAsync("/api/generate/historical", new { days = 1 });
        var before = await server.RowsAsync("fact_receipts");

        using var response = await DeleteAsync(server, new { confirm });

        await Problems.AssertFieldAsync(response, "confirm");
        Assert.Equal(before, await server.RowsAsync("fact_receipts"));
        Assert.Equal(5, await server.RowsAsync("dim_stores"));
        Assert.NotNull(await DatasetIdAsync(server));
    }

    [Fact]
    public async Task Delete_while_a_stream_session_runs_answers_409_and_deletes_nothing()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        var datasetId = await DatasetIdAsync(server);
        server.Streaming.Start(new StreamRequest());

        using var response = await DeleteAsync(server, new { confirm = datasetId });

        await Problems.AssertStatusAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(5, await server.RowsAsync("dim_stores"));
    }

    [Fact]
    public async Task Delete_while_a_job_holds_the_writer_gate_answers_409_and_deletes_nothing()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        var datasetId = await DatasetIdAsync(server);
        using (server.Services.GetRequiredService<WriterGate>().Enter(WriterKind.Export))
        {
            using var response = await DeleteAsync(server, new { confirm = datasetId });
            await Problems.AssertStatusAsync(response, HttpStatusCode.Conflict);
        }

        Assert.Equal(5, await server.RowsAsync("dim_stores"));
        Assert.Equal(DatasetTables.Dimensions.Count, (await server.GetJsonAsync("/api/tables")).EnumerateArray().Count(t => t.GetProperty("group").GetString() == "dimension"));
    }

    private static Task<HttpResponseMessage> DeleteAsync(RunningServer server, object body) =>
        server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/dataset", UriKind.Relative))
        {
            Content = JsonContent.Create(body, options: RunningServer.Json),
        });

    private static async Task<string> DatasetIdAsync(RunningServer server) =>
        (await server.GetJsonAsync("/api/status")).GetProperty("dataset").GetProperty("dataset_id").GetString()!;
}
