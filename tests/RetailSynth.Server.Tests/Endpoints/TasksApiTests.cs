using System.Net;
using System.Text.Json;
using RetailSynth.Server.Tasks;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class TasksApiTests
{
    [Fact]
    public async Task The_task_list_keeps_only_the_newest_100_finished_tasks()
    {
        await using var server = await RunningServer.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < TaskRetention.MaxFinishedTasks + 5; i++)
        {
            ids.Add(await StartFailingExportAsync(server)); // no dimensions yet: each export fails at once
        }

        await server.WaitForTaskAsync(ids[^1]);
        var listed = (await server.GetJsonAsync("/api/tasks")).EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();

        Assert.Equal(ids[^TaskRetention.MaxFinishedTasks..], listed);
        using var gone = await server.Client.GetAsync(new Uri($"/api/tasks/{ids[0]}", UriKind.Relative));
        await Problems.AssertStatusAsync(gone, HttpStatusCode.NotFound);
    }

    /// <summary>Starts an export, retrying while the previous one still holds the export gate (409).</summary>
    private static async Task<string> StartFailingExportAsync(RunningServer server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await server.PostRawAsync("/api/export", "{}");
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Conflict && DateTime.UtcNow < deadline, $"{(int)response.StatusCode} {text}");
            await Task.Delay(5);
        }
    }
}
