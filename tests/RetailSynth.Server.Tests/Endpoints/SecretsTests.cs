using System.Net;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class SecretsTests
{
    private const string SharedAccessKey = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkwYWJj";
    private const string ConnectionString =
        "Endpoint=sb://retailsynth-fake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" + SharedAccessKey + ";EntityPath=retail-events";

    private const string ApiKey = "secret-api-key-5f1c9a7e3b";

    [Fact]
    public async Task Secrets_from_the_environment_appear_in_no_GET_response_and_no_log_line()
    {
        var environment = new Dictionary<string, string?>
        {
            ["RETAILSYNTH__Streaming__EventHubs__ConnectionString"] = ConnectionString,
            ["RETAILSYNTH__Server__ApiKey"] = ApiKey,
        };
        await using var server = await RunningServer.StartAsync(environment: environment);

        // Some work, so that jobs and the request pipeline log; wrong keys are rejected and logged.
        using (var rejected = await server.PostJsonAsync("/api/generate/dimensions", new { }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        }

        server.Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        await server.RunTaskAsync("/api/generate/dimensions", new { });
        await server.RunTaskAsync("/api/generate/historical", new { days = 1 });
        using (var invalid = await server.PostRawAsync("/api/stream/start", "{\"pacing\": \"warp\"}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        server.Client.DefaultRequestHeaders.Remove("X-Api-Key");
        var gets = new[]
        {
            "/health", "/health/ready", "/api/status", "/api/config", "/api/tasks", "/api/tables", "/api/tables/dim_stores", "/api/tables/streaming_outbox",
            "/api/stream/status", "/api/stream/outbox/status", "/api/stream/outbox/preview", "/api/stream/outbox/dead", "/openapi/v1.json",
            "/scalar/v1", "/", "/app.js", "/metrics", "/api/tables/nope", "/api/tasks/nope",
        };
        foreach (var path in gets)
        {
            using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            AssertNoSecret(body, $"GET {path}");
        }

        var config = await server.GetJsonAsync("/api/config");
        Assert.Equal("***", config.GetProperty("settings").GetProperty("Streaming:EventHubs:ConnectionString").GetString());
        Assert.Equal("***", config.GetProperty("settings").GetProperty("Server:ApiKey").GetString());

        Assert.NotEmpty(server.Logs.Lines);
        foreach (var line in server.Logs.Lines)
        {
            AssertNoSecret(line, "log line");
        }
    }

    private static void AssertNoSecret(string text, string where)
    {
        Assert.False(text.Contains(SharedAccessKey, StringComparison.Ordinal), $"{where} holds the shared access key");
        Assert.False(text.Contains("retailsynth-fake.servicebus", StringComparison.Ordinal), $"{where} holds the connection string");
        Assert.False(text.Contains(ApiKey, StringComparison.Ordinal), $"{where} holds the API key");
    }
}
