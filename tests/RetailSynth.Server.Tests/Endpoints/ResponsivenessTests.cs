using System.Diagnostics;
using System.Net;
using System.Text.Json;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class ResponsivenessTests
{
    /// <summary>
    /// Generation runs off the request thread: status requests complete while days are being written. The latency
    /// itself (p99 of /api/stream/status during a large generation) is measured by scripts/bench-api.sh, not asserted here.
    /// </summary>
    [Fact]
    public async Task Status_requests_complete_while_a_generation_runs()
    {
        await using var server = await RunningServer.StartAsync(stores: 10);
        await server.RunTaskAsync("/api/generate/dimensions", new { });

        using var started = await server.PostJsonAsync("/api/generate/historical", new { days = 20 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var duringRun = 0;
        var slowest = TimeSpan.Zero;
        while (true)
        {
            var clock = Stopwatch.StartNew();
            await server.GetJsonAsync("/api/stream/status");
            await server.GetJsonAsync("/api/status");
            var task = await server.GetJsonAsync($"/api/tasks/{id}");
            clock.Stop();
            if (task.GetProperty("status").GetString() != "running")
            {
                break;
            }

            duringRun++;
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            if (duringRun >= 20)
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.True(duringRun >= 5, $"only {duringRun} rounds of status requests completed while the generation ran");
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"a round of status requests took {slowest.TotalMilliseconds:0} ms during generation");

        using var cancel = await server.SendEmptyJsonAsync(HttpMethod.Delete, $"/api/tasks/{id}");
        await server.WaitForTaskAsync(id);
    }
}
