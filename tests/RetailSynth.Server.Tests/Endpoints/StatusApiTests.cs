using System.Net;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class StatusApiTests
{
    [Fact]
    public async Task Health_is_healthy_and_ready_checks_the_database()
    {
        await using var server = await RunningServer.StartAsync();

        Assert.Equal("Healthy", await server.Client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        Assert.Equal("Healthy", await server.Client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
    }

    [Fact]
    public async Task Status_reports_an_empty_database_then_dataset_counts_watermark_and_queues_after_generation()
    {
        await using var server = await RunningServer.StartAsync();

        var empty = await server.GetJsonAsync("/api/status");
        Assert.Equal(server.DatabasePath, empty.GetProperty("database_path").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, empty.GetProperty("dataset").ValueKind);
        Assert.Equal(0, empty.GetProperty("dimension_counts").GetProperty("dim_stores").GetInt64());
        Assert.Empty(empty.GetProperty("dc_queues").EnumerateArray());

        await server.RunTaskAsync("/api/generate/dimensions", new { force = false });
        await server.RunTaskAsync("/api/generate/historical", new { days = 2 });

        var status = await server.GetJsonAsync("/api/status");
        Assert.Equal("small", status.GetProperty("dataset").GetProperty("profile").GetString());
        Assert.Equal("2024-01-02", status.GetProperty("watermark").GetString());
        Assert.Equal("2024-01-01", status.GetProperty("first_fact_day").GetString());
        Assert.Equal("2024-01-02", status.GetProperty("last_fact_day").GetString());
        Assert.Equal(5, status.GetProperty("dimension_counts").GetProperty("dim_stores").GetInt64());
        Assert.True(status.GetProperty("database_bytes").GetInt64() > 0);
        var queues = status.GetProperty("dc_queues").EnumerateArray().ToList();
        Assert.Equal(status.GetProperty("dimension_counts").GetProperty("dim_distribution_centers").GetInt64(), queues.Count);
        Assert.All(queues, queue =>
        {
            // An age is there exactly when something waits (data-model §13.2).
            Assert.True(queue.GetProperty("queued_shipments").GetInt64() >= queue.GetProperty("queued_trips").GetInt64());
            Assert.Equal(queue.GetProperty("queued_shipments").GetInt64() > 0, queue.GetProperty("oldest_waiting_hours").ValueKind == System.Text.Json.JsonValueKind.Number);
            Assert.Equal(queue.GetProperty("pooled_lines").GetInt64() > 0, queue.GetProperty("oldest_pooled_hours").ValueKind == System.Text.Json.JsonValueKind.Number);
            Assert.True(queue.GetProperty("pooled_units").GetInt64() >= queue.GetProperty("pooled_lines").GetInt64());
        });
        Assert.False(status.GetProperty("streaming").GetBoolean());
        Assert.Empty(status.GetProperty("running_tasks").EnumerateArray());

        var metrics = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("retailsynth_rows_generated_total", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_lists_every_api_route_and_the_reference_page_and_dashboard_are_served()
    {
        await using var server = await RunningServer.StartAsync();

        var document = await server.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var path in new[]
        {
            "/api/status", "/api/config", "/api/generate/dimensions", "/api/generate/historical", "/api/tasks/{id}", "/api/stream/start",
            "/api/stream/stop", "/api/stream/status", "/api/stream/outbox/status", "/api/stream/outbox/preview", "/api/stream/outbox/dead",
            "/api/stream/outbox/dead/requeue", "/api/stream/outbox", "/api/tables", "/api/tables/{name}", "/api/export", "/api/report", "/api/business",
        })
        {
            Assert.Contains(path, paths);
        }

        using var scalar = await server.Client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        var dashboard = await server.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<title>RetailSynth</title>", dashboard, StringComparison.Ordinal);
        using var script = await server.Client.GetAsync(new Uri("/app.js", UriKind.Relative));
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Config_returns_the_effective_settings()
    {
        await using var server = await RunningServer.StartAsync();

        var config = await server.GetJsonAsync("/api/config");
        Assert.Equal(5, config.GetProperty("simulation").GetProperty("Stores").GetInt32());
        var settings = config.GetProperty("settings");
        Assert.Equal(server.DatabasePath, settings.GetProperty("Storage:DatabasePath").GetString());
        Assert.Equal("File", settings.GetProperty("Streaming:Sink").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, settings.GetProperty("Server:ApiKey").ValueKind);
    }
}
