using System.Net;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

/// <summary>The stream routes against a fake <see cref="Jobs.Streaming.IStreamingService"/>: validation, status codes, JSON shape.</summary>
public sealed class StreamApiTests
{
    [Fact]
    public async Task Start_status_outbox_status_and_stop_answer_in_snake_case()
    {
        await using var server = await RunningServer.StartAsync();

        using var start = await server.PostJsonAsync("/api/stream/start", new { duration_minutes = 90, pacing = "accelerated", speed = 60, max_events_per_second = 1000 });
        await Problems.AssertStatusAsync(start, HttpStatusCode.Accepted);
        var request = Assert.Single(server.Streaming.Starts);
        Assert.Equal(TimeSpan.FromMinutes(90), request.Duration);
        Assert.Equal(PacingMode.Accelerated, request.Pacing);
        Assert.Equal(60, request.Speed);
        Assert.Equal(1000, request.MaxEventsPerSecond);

        var status = await server.GetJsonAsync("/api/stream/status");
        Assert.True(status.GetProperty("running").GetBoolean());
        Assert.Equal("accelerated", status.GetProperty("pacing").GetString());
        Assert.Equal("catching_up", status.GetProperty("pacing_state").GetString());
        Assert.Equal("2024-01-03", status.GetProperty("current_day").GetString());
        Assert.True(status.TryGetProperty("events_sent", out _));
        Assert.True(status.TryGetProperty("events_per_second", out _));
        Assert.True(status.TryGetProperty("since", out _));

        var outbox = await server.GetJsonAsync("/api/stream/outbox/status");
        foreach (var field in new[] { "pending", "leased", "sent", "dead", "oldest_pending_event_ts", "backlog_events", "backlog_days", "send_rate_per_second", "head_attempts" })
        {
            Assert.True(outbox.TryGetProperty(field, out _), field);
        }

        Assert.Equal(42, outbox.GetProperty("lag_seconds").GetDouble());
        Assert.Equal("closed", outbox.GetProperty("sink").GetProperty("breaker").GetString());
        Assert.Equal("catching_up", outbox.GetProperty("pacing_state").GetString());

        using (var again = await server.PostJsonAsync("/api/stream/start", new { }))
        {
            await Problems.AssertStatusAsync(again, HttpStatusCode.Conflict);
        }

        using (var clear = await server.SendEmptyJsonAsync(HttpMethod.Delete, "/api/stream/outbox"))
        {
            await Problems.AssertStatusAsync(clear, HttpStatusCode.Conflict);
        }

        using (var generate = await server.PostJsonAsync("/api/generate/dimensions", new { }))
        {
            await Problems.AssertStatusAsync(generate, HttpStatusCode.Conflict);
        }

        using var stop = await server.PostRawAsync("/api/stream/stop", string.Empty);
        await Problems.AssertStatusAsync(stop, HttpStatusCode.OK);
        Assert.False((await server.GetJsonAsync("/api/stream/status")).GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task Start_without_a_body_uses_the_settings()
    {
        await using var server = await RunningServer.StartAsync();

        using var start = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/start");
        await Problems.AssertStatusAsync(start, HttpStatusCode.Accepted);
        Assert.Equal(new Jobs.Streaming.StreamRequest(), Assert.Single(server.Streaming.Starts));
    }

    [Fact]
    public async Task A_speed_is_accepted_when_the_settings_choose_accelerated_pacing()
    {
        await using var server = await RunningServer.StartAsync(overrides: new Dictionary<string, string?> { ["Streaming:Pacing"] = "accelerated" });

        using var start = await server.PostJsonAsync("/api/stream/start", new { speed = 120 });

        await Problems.AssertStatusAsync(start, HttpStatusCode.Accepted);
        Assert.Equal(120, Assert.Single(server.Streaming.Starts).Speed);
    }

    [Fact]
    public async Task A_speed_with_a_pacing_other_than_accelerated_is_refused_in_the_validators_words()
    {
        await using var server = await RunningServer.StartAsync(overrides: new Dictionary<string, string?> { ["Streaming:Pacing"] = "accelerated" });

        using var response = await server.PostJsonAsync("/api/stream/start", new { pacing = "max", speed = 120 });

        await Problems.AssertFieldAsync(response, "speed");
        Assert.Contains("applies only with pacing accelerated", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(server.Streaming.Starts);
    }

    [Theory]
    [InlineData("{\"duration_minutes\": -5}", "duration_minutes")]
    [InlineData("{\"duration_minutes\": 0}", "duration_minutes")]
    [InlineData("{\"duration_minutes\": \"ten\"}", "duration_minutes")]
    [InlineData("{\"pacing\": \"warp\"}", "pacing")]
    [InlineData("{\"pacing\": \"1\"}", "pacing")]
    [InlineData("{\"pacing\": 3}", "pacing")]
    [InlineData("{\"pacing\": \"max\", \"speed\": 10}", "speed")]
    [InlineData("{\"speed\": 10}", "speed")]
    [InlineData("{\"pacing\": \"accelerated\", \"speed\": 0}", "speed")]
    [InlineData("{\"pacing\": \"accelerated\", \"speed\": -2}", "speed")]
    [InlineData("{\"max_events_per_second\": 0}", "max_events_per_second")]
    [InlineData("{\"max_events_per_second\": -10}", "max_events_per_second")]
    [InlineData("{\"max_events_per_second\": 1.5}", "max_events_per_second")]
    [InlineData("{\"days\": 0}", "days")]
    [InlineData("{\"sink\": \"carrier-pigeon\"}", "sink")]
    public async Task Start_names_each_invalid_field_in_a_400_and_starts_nothing(string body, string field)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostRawAsync("/api/stream/start", body);
        await Problems.AssertFieldAsync(response, field);
        Assert.Empty(server.Streaming.Starts);
    }

    [Fact]
    public async Task Preview_filters_orders_and_limits_outbox_rows()
    {
        await using var server = await RunningServer.StartAsync();

        var oldest = await server.GetJsonAsync("/api/stream/outbox/preview");
        Assert.Equal(5, oldest.GetArrayLength());
        Assert.Equal(1, oldest[0].GetProperty("outbox_id").GetInt64());
        Assert.Equal("pending", oldest[0].GetProperty("status").GetString());

        var newest = await server.GetJsonAsync("/api/stream/outbox/preview?status=sent&order=newest&limit=3");
        Assert.Equal(3, newest.GetArrayLength());
        Assert.Equal(5, newest[0].GetProperty("outbox_id").GetInt64());
        Assert.Equal("sent", newest[0].GetProperty("status").GetString());
        Assert.Equal("receipt_created", newest[0].GetProperty("event_type").GetString());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10000", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("status=lost", "status")]
    [InlineData("order=random", "order")]
    public async Task Preview_names_each_invalid_query_value_in_a_400(string query, string field)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri($"/api/stream/outbox/preview?{query}", UriKind.Relative));
        await Problems.AssertFieldAsync(response, field);
    }

    [Fact]
    public async Task Dead_letters_are_listed_requeued_and_requeue_is_refused_while_a_day_drains()
    {
        await using var server = await RunningServer.StartAsync();

        var dead = await server.GetJsonAsync("/api/stream/outbox/dead?limit=10");
        Assert.Equal(2, dead.GetArrayLength());
        Assert.Equal("dead", dead[0].GetProperty("status").GetString());
        Assert.Equal("sink refused", dead[0].GetProperty("last_error").GetString());
        using (var bad = await server.Client.GetAsync(new Uri("/api/stream/outbox/dead?limit=0", UriKind.Relative)))
        {
            await Problems.AssertFieldAsync(bad, "limit");
        }

        using (var requeue = await server.PostRawAsync("/api/stream/outbox/dead/requeue", string.Empty))
        {
            await Problems.AssertStatusAsync(requeue, HttpStatusCode.OK);
            Assert.Contains("\"count\":2", await requeue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        server.Streaming.DayBeingDrained = true;
        using var refused = await server.PostRawAsync("/api/stream/outbox/dead/requeue", string.Empty);
        await Problems.AssertStatusAsync(refused, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Clearing_the_outbox_answers_the_count_when_no_session_runs()
    {
        await using var server = await RunningServer.StartAsync();

        using var clear = await server.SendEmptyJsonAsync(HttpMethod.Delete, "/api/stream/outbox");
        await Problems.AssertStatusAsync(clear, HttpStatusCode.OK);
        Assert.Contains("\"count\":10000", await clear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

}
