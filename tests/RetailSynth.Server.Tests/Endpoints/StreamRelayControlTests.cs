using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailSynth.Jobs;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

/// <summary>Pause, resume and drain against the real streaming service and the file sink (issue 16 item 4).</summary>
public sealed class StreamRelayControlTests
{
    [Fact]
    public async Task Pause_and_resume_are_409_when_no_session_runs_and_change_nothing()
    {
        await using var server = await RunningServer.StartAsync(realStreaming: true, stores: 3);

        using (var pause = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/pause"))
        {
            await Problems.AssertStatusAsync(pause, HttpStatusCode.Conflict);
            Assert.Contains("nothing to pause", await pause.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var resume = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/resume"))
        {
            await Problems.AssertStatusAsync(resume, HttpStatusCode.Conflict);
        }

        Assert.False((await server.GetJsonAsync("/api/stream/status")).GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task Pause_stops_sending_and_keeps_the_session_and_resume_sends_again()
    {
        // Slow enough that events are still pending two seconds after the pause on a busy machine: at 2,000/s a CI run
        // once found the first day already delivered, so nothing was left to stay pending.
        await using var server = await StartSendingAsync(maxEventsPerSecond: 200);

        using (var pause = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/pause"))
        {
            await Problems.AssertStatusAsync(pause, HttpStatusCode.OK);
        }

        using (var again = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/pause"))
        {
            await Problems.AssertStatusAsync(again, HttpStatusCode.Conflict); // already paused
        }

        await Task.Delay(500); // a chunk already handed to the sink completes
        var status = await server.GetJsonAsync("/api/stream/status");
        Assert.True(status.GetProperty("running").GetBoolean());
        Assert.True(status.GetProperty("paused").GetBoolean());
        Assert.Equal("paused", status.GetProperty("pacing_state").GetString());
        var before = await server.GetJsonAsync("/api/stream/outbox/status");
        Assert.Equal("paused", before.GetProperty("pacing_state").GetString());

        await Task.Delay(1500);
        var after = await server.GetJsonAsync("/api/stream/outbox/status");
        Assert.Equal(before.GetProperty("sent").GetInt64(), after.GetProperty("sent").GetInt64());
        Assert.Equal(before.GetProperty("backlog_events").GetInt64(), after.GetProperty("backlog_events").GetInt64());
        Assert.Equal(before.GetProperty("last_committed_day").GetString(), after.GetProperty("last_committed_day").GetString());
        Assert.True(after.GetProperty("backlog_events").GetInt64() > 0, "pending events stay pending");

        using (var resume = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/resume"))
        {
            await Problems.AssertStatusAsync(resume, HttpStatusCode.OK);
        }

        var paused = after.GetProperty("sent").GetInt64();
        await WaitForAsync(server, async () => (await server.GetJsonAsync("/api/stream/outbox/status")).GetProperty("sent").GetInt64() > paused, "nothing was sent after resume");
        Assert.False((await server.GetJsonAsync("/api/stream/status")).GetProperty("paused").GetBoolean());

        using (var resumeAgain = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/resume"))
        {
            await Problems.AssertStatusAsync(resumeAgain, HttpStatusCode.Conflict);
        }

        using var stop = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/stop");
        await Problems.AssertStatusAsync(stop, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Drain_delivers_the_pending_events_without_a_new_day_then_ends()
    {
        await using var server = await RunningServer.StartAsync(realStreaming: true, stores: 3);
        await server.RunTaskAsync("/api/generate/dimensions", new { force = false });

        // A session stopped early leaves most of its first day pending.
        using (var start = await server.PostJsonAsync("/api/stream/start", new { duration_minutes = 5, max_events_per_second = 500 }))
        {
            await Problems.AssertStatusAsync(start, HttpStatusCode.Accepted);
        }

        await WaitForAsync(server, async () => (await server.GetJsonAsync("/api/stream/outbox/status")).GetProperty("sent").GetInt64() > 0, "no event was sent");
        using (var stop = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/stop"))
        {
            await Problems.AssertStatusAsync(stop, HttpStatusCode.OK);
        }

        var before = await server.GetJsonAsync("/api/stream/outbox/status");
        var pending = before.GetProperty("backlog_events").GetInt64();
        Assert.True(pending > 0, before.ToString());
        var lastDay = before.GetProperty("last_committed_day").GetString();

        using (var drain = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/drain"))
        {
            await Problems.AssertStatusAsync(drain, HttpStatusCode.Accepted);
            var started = JsonDocument.Parse(await drain.Content.ReadAsStringAsync()).RootElement;
            Assert.True(started.GetProperty("draining").GetBoolean());
        }

        await WaitForAsync(server, async () => !(await server.GetJsonAsync("/api/stream/status")).GetProperty("running").GetBoolean(), "the drain did not end");

        var after = await server.GetJsonAsync("/api/stream/outbox/status");
        Assert.Equal(0, after.GetProperty("backlog_events").GetInt64());
        Assert.Equal(lastDay, after.GetProperty("last_committed_day").GetString()); // no new day
        Assert.Equal(pending, (await server.GetJsonAsync("/api/stream/status")).GetProperty("events_sent").GetInt64());
        var lines = Directory.GetFiles(Path.Combine(server.Folder, "events"), "*.ndjson").Sum(f => File.ReadLines(f).LongCount());
        Assert.True(lines >= before.GetProperty("sent").GetInt64() + pending, $"{lines} lines written");

        using var empty = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/drain");
        await Problems.AssertStatusAsync(empty, HttpStatusCode.OK); // nothing pending: no session started
        Assert.False(JsonDocument.Parse(await empty.Content.ReadAsStringAsync()).RootElement.GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task Drain_switches_a_running_session_to_drain_mode_which_ends_once_the_outbox_is_empty()
    {
        await using var server = await StartSendingAsync();
        using (var pause = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/pause"))
        {
            await Problems.AssertStatusAsync(pause, HttpStatusCode.OK);
        }

        using (var drain = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/drain"))
        {
            await Problems.AssertStatusAsync(drain, HttpStatusCode.Accepted); // draining resumes the paused relay
        }

        await WaitForAsync(server, async () => !(await server.GetJsonAsync("/api/stream/status")).GetProperty("running").GetBoolean(), "the drain did not end");
        var outbox = await server.GetJsonAsync("/api/stream/outbox/status");
        Assert.Equal(0, outbox.GetProperty("backlog_events").GetInt64());
        Assert.False(outbox.GetProperty("next_day_in_memory").GetBoolean());
    }

    [Fact]
    public async Task Drain_is_409_while_a_historical_generation_holds_the_writer_gate()
    {
        await using var server = await RunningServer.StartAsync(realStreaming: true, stores: 3);
        using var generation = server.Services.GetRequiredService<WriterGate>().Enter(WriterKind.Historical);

        using var drain = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/drain");

        await Problems.AssertStatusAsync(drain, HttpStatusCode.Conflict);
        Assert.Contains("generation task is running", await drain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await server.GetJsonAsync("/api/stream/status")).GetProperty("running").GetBoolean());
    }

    /// <summary>A server with a real stream session that has sent its first events (rate-capped, so most stay pending).</summary>
    private static async Task<RunningServer> StartSendingAsync(int maxEventsPerSecond = 2000)
    {
        var server = await RunningServer.StartAsync(realStreaming: true, stores: 3);
        try
        {
            await server.RunTaskAsync("/api/generate/dimensions", new { force = false });
            using (var start = await server.PostJsonAsync("/api/stream/start", new { duration_minutes = 5, max_events_per_second = maxEventsPerSecond }))
            {
                await Problems.AssertStatusAsync(start, HttpStatusCode.Accepted);
            }

            await WaitForAsync(server, async () => (await server.GetJsonAsync("/api/stream/outbox/status")).GetProperty("sent").GetInt64() > 0, "no event was sent");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private static async Task WaitForAsync(RunningServer server, Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} within 90 s; log: {string.Join('\n', server.Logs.Lines.TakeLast(10))}");
            await Task.Delay(100);
        }
    }
}
