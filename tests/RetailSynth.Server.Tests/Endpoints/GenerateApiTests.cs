using System.Net;
using System.Text.Json;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class GenerateApiTests
{
    [Fact]
    public async Task Dimensions_then_days_run_as_background_tasks_that_report_progress_and_rows()
    {
        await using var server = await RunningServer.StartAsync();

        var dimensions = await server.RunTaskAsync("/api/generate/dimensions", new { force = false });
        Assert.Equal("dimensions", dimensions.GetProperty("kind").GetString());
        Assert.Equal(5, dimensions.GetProperty("rows_per_table").GetProperty("dim_stores").GetInt64());
        Assert.Equal(5, await server.RowsAsync("dim_stores"));

        var days = await server.RunTaskAsync("/api/generate/historical", new { days = 2 });
        Assert.Equal(1.0, days.GetProperty("progress").GetDouble());
        Assert.Equal(2, days.GetProperty("days_done").GetInt32());
        Assert.Equal(2, days.GetProperty("days_total").GetInt32());
        Assert.True(days.GetProperty("rows").GetInt64() > 0);
        Assert.True(days.GetProperty("rows_per_second").GetDouble() > 0);
        Assert.True(await server.RowsAsync("fact_receipts") > 0);

        var more = await server.RunTaskAsync("/api/generate/historical", new { end_date = "2024-01-03" });
        Assert.Equal(1, more.GetProperty("days_total").GetInt32());
        Assert.Equal("2024-01-03", (await server.GetJsonAsync("/api/status")).GetProperty("watermark").GetString());

        var tasks = await server.GetJsonAsync("/api/tasks");
        Assert.Equal(3, tasks.GetArrayLength());
    }

    [Fact]
    public async Task Dimensions_are_refused_while_facts_exist_unless_forced()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        await server.RunTaskAsync("/api/generate/historical", new { days = 1 });

        using var refused = await server.PostJsonAsync("/api/generate/dimensions", new { force = false });
        await Problems.AssertStatusAsync(refused, HttpStatusCode.Conflict);

        await server.RunTaskAsync("/api/generate/dimensions", new { force = true });
        Assert.Equal(0, await server.RowsAsync("fact_receipts"));
    }

    [Fact]
    public async Task An_end_date_not_after_the_watermark_is_409_naming_end_date_not_a_cli_flag()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        await server.RunTaskAsync("/api/generate/historical", new { days = 2 });

        using var response = await server.PostJsonAsync("/api/generate/historical", new { end_date = "2024-01-02" });

        await Problems.AssertStatusAsync(response, HttpStatusCode.Conflict);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.StartsWith("end_date 2024-01-02 is not after the watermark", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Historical_generation_without_dimensions_is_refused_with_409()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostJsonAsync("/api/generate/historical", new { days = 1 });
        await Problems.AssertStatusAsync(response, HttpStatusCode.Conflict);
        Assert.Empty((await server.GetJsonAsync("/api/tasks")).EnumerateArray());
    }

    [Fact]
    public async Task A_refusal_names_the_routes_that_get_past_it_not_the_cli()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostJsonAsync("/api/generate/historical", new { days = 1 });

        var detail = await response.Content.ReadAsStringAsync();
        Assert.Contains("has no dimensions yet; generate them first (POST /api/generate/dimensions)", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("`retailsynth", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"days\": 0}", "days")]
    [InlineData("{\"days\": -3}", "days")]
    [InlineData("{\"days\": 100000}", "days")]
    [InlineData("{\"days\": \"ten\"}", "days")]
    [InlineData("{\"days\": 1.5}", "days")]
    [InlineData("{}", "days")]
    [InlineData("{\"end_date\": \"2024-13-01\"}", "end_date")]
    [InlineData("{\"end_date\": \"yesterday\"}", "end_date")]
    [InlineData("{\"end_date\": \"2024-02-30\"}", "end_date")]
    [InlineData("{\"days\": 2, \"end_date\": \"2024-01-05\"}", "end_date")]
    public async Task Historical_generation_names_each_invalid_field_in_a_400(string body, string field)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostRawAsync("/api/generate/historical", body);
        await Problems.AssertFieldAsync(response, field);
    }

    [Theory]
    [InlineData("{\"force\": \"yes\"}", "force")]
    [InlineData("{\"force\": 1}", "force")]
    public async Task Dimension_generation_names_an_invalid_force_in_a_400(string body, string field)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostRawAsync("/api/generate/dimensions", body);
        await Problems.AssertFieldAsync(response, field);
    }

    [Fact]
    public async Task A_second_job_while_one_runs_is_refused_with_409_and_cancelling_keeps_whole_days_only()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });

        using var started = await server.PostJsonAsync("/api/generate/historical", new { days = 60 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        using (var second = await server.PostJsonAsync("/api/generate/historical", new { days = 1 }))
        {
            await Problems.AssertStatusAsync(second, HttpStatusCode.Conflict);
        }

        using (var dimensions = await server.PostJsonAsync("/api/generate/dimensions", new { force = true }))
        {
            await Problems.AssertStatusAsync(dimensions, HttpStatusCode.Conflict);
        }

        using (var stream = await server.PostJsonAsync("/api/stream/start", new { }))
        {
            await Problems.AssertStatusAsync(stream, HttpStatusCode.Conflict);
        }

        Assert.Empty(server.Streaming.Starts);

        // Let a day or two commit, then cancel mid-run.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await server.GetJsonAsync($"/api/tasks/{id}")).GetProperty("days_done").GetInt32() < 1)
        {
            Assert.True(DateTime.UtcNow < deadline);
            await Task.Delay(50);
        }

        using (var cancel = await server.SendEmptyJsonAsync(HttpMethod.Delete, $"/api/tasks/{id}"))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        var task = await server.WaitForTaskAsync(id);
        Assert.Equal("cancelled", task.GetProperty("status").GetString());
        var done = task.GetProperty("days_done").GetInt32();
        Assert.InRange(done, 1, 59);
        var status = await server.GetJsonAsync("/api/status");
        Assert.Equal(new DateOnly(2024, 1, 1).AddDays(done - 1).ToString("yyyy-MM-dd"), status.GetProperty("watermark").GetString());

        // The gate is free again.
        await server.RunTaskAsync("/api/generate/historical", new { days = 1 });
    }

    [Fact]
    public async Task Unknown_tasks_answer_404()
    {
        await using var server = await RunningServer.StartAsync();

        using var get = await server.Client.GetAsync(new Uri("/api/tasks/nope", UriKind.Relative));
        await Problems.AssertStatusAsync(get, HttpStatusCode.NotFound);
        using var delete = await server.SendEmptyJsonAsync(HttpMethod.Delete, "/api/tasks/nope");
        await Problems.AssertStatusAsync(delete, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2034-01-08")]
    public async Task An_end_date_beyond_ten_years_after_the_watermark_is_400_naming_end_date_and_starts_no_task(string endDate)
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });

        using var response = await server.PostJsonAsync("/api/generate/historical", new { end_date = endDate });

        await Problems.AssertFieldAsync(response, "end_date");
        Assert.Contains("at most 3660", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await server.GetJsonAsync("/api/tasks")).EnumerateArray()); // the dimensions task only
        Assert.Equal(JsonValueKind.Null, (await server.GetJsonAsync("/api/status")).GetProperty("watermark").ValueKind);
    }

    [Fact]
    public async Task An_end_date_exactly_ten_years_after_the_watermark_is_accepted()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RunTaskAsync("/api/generate/dimensions", new { });

        using var response = await server.PostJsonAsync("/api/generate/historical", new { end_date = "2034-01-07" });

        await Problems.AssertStatusAsync(response, HttpStatusCode.Accepted);
        var task = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        using var cancel = await server.SendEmptyJsonAsync(HttpMethod.Delete, $"/api/tasks/{task}");
        await server.WaitForTaskAsync(task);
    }
}
