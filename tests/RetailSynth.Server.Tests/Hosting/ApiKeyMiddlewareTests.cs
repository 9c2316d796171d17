using System.Net;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Hosting;

public sealed class ApiKeyMiddlewareTests
{
    private const string Key = "a-test-api-key-0123456789";

    private static readonly string[] s_dataReads =
        ["/api/status", "/api/config", "/api/tables", "/api/tables/dim_stores", "/api/tasks", "/api/stream/status", "/api/stream/outbox/preview", "/metrics", "/nowhere"];

    private static readonly string[] s_publicPages = ["/health", "/health/ready", "/", "/index.html", "/app.js", "/app.css", "/openapi/v1.json", "/scalar/"];

    [Fact]
    public async Task On_a_non_loopback_bind_every_read_needs_the_key_but_the_health_probes_and_static_pages()
    {
        await using var server = await RunningServer.StartAsync("http://0.0.0.0:0", overrides: new Dictionary<string, string?> { ["Server:ApiKey"] = Key });

        foreach (var path in s_dataReads)
        {
            foreach (var key in new[] { null, "wrong-key-0123456789" })
            {
                using var refused = await GetAsync(server, path, key);
                await Problems.AssertStatusAsync(refused, HttpStatusCode.Unauthorized);
                Assert.DoesNotContain(Key, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using var served = await GetAsync(server, path, Key);
            Assert.True(served.StatusCode == (path == "/nowhere" ? HttpStatusCode.NotFound : HttpStatusCode.OK), $"{path} with the key: {(int)served.StatusCode}");
        }

        foreach (var path in s_publicPages)
        {
            using var open = await GetAsync(server, path, null);
            Assert.True(open.StatusCode == HttpStatusCode.OK, $"{path} without a key: {(int)open.StatusCode}");
        }
    }

    [Fact]
    public async Task On_loopback_reads_stay_open_when_a_key_guards_the_changes()
    {
        await using var server = await RunningServer.StartAsync(overrides: new Dictionary<string, string?> { ["Server:ApiKey"] = Key });

        foreach (var path in s_dataReads.Where(p => p != "/nowhere"))
        {
            using var open = await GetAsync(server, path, null);
            Assert.True(open.StatusCode == HttpStatusCode.OK, $"{path} without a key: {(int)open.StatusCode}");
        }

        using var change = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/start");
        await Problems.AssertStatusAsync(change, HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> GetAsync(RunningServer server, string path, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return server.Client.SendAsync(request);
    }
}
