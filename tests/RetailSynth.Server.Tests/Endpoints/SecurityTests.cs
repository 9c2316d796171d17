using System.Net;
using RetailSynth.Foundation.Errors;
using RetailSynth.Server.Hosting;
using RetailSynth.Server.Tests.Infrastructure;
using RetailSynth.Tests;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class SecurityTests
{
    private const string Key = "a-test-api-key-0123456789";

    [Theory]
    [InlineData("http://127.0.0.1:8000", true)]
    [InlineData("http://localhost:8000", true)]
    [InlineData("http://[::1]:8000", true)]
    [InlineData("http://127.0.0.1:8000;http://[::1]:8001", true)]
    [InlineData("http://0.0.0.0:8000", false)]
    [InlineData("http://*:8000", false)]
    [InlineData("http://+:8000", false)]
    [InlineData("http://192.168.1.20:8000", false)]
    [InlineData("http://127.0.0.1:8000;http://0.0.0.0:8001", false)]
    public void Only_loopback_addresses_count_as_loopback(string urls, bool loopback) =>
        Assert.Equal(loopback, BindAddresses.AllLoopback(urls));

    [Fact]
    public void A_non_loopback_bind_without_an_api_key_refuses_to_start()
    {
        using var folder = new TempFolder();
        var settings = RunningServer.Settings(folder, "http://0.0.0.0:0", null, null);

        var error = Assert.Throws<SettingsException>(() => RetailSynthServer.Build(new ServerHostOptions(settings, ReducedWorld.Dictionaries)));
        Assert.Contains("Server:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_non_loopback_bind_every_mutating_route_answers_401_without_the_key()
    {
        await using var server = await RunningServer.StartAsync("http://0.0.0.0:0", overrides: new Dictionary<string, string?> { ["Server:ApiKey"] = Key });

        var mutating = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Post, "/api/generate/dimensions"), (HttpMethod.Post, "/api/generate/historical"), (HttpMethod.Delete, "/api/tasks/x"),
            (HttpMethod.Post, "/api/stream/start"), (HttpMethod.Post, "/api/stream/stop"), (HttpMethod.Post, "/api/stream/outbox/dead/requeue"),
            (HttpMethod.Delete, "/api/stream/outbox"), (HttpMethod.Post, "/api/export"),
            (HttpMethod.Delete, "/api/dataset"), (HttpMethod.Put, "/api/config"), (HttpMethod.Post, "/api/config/validate"),
        };
        foreach (var (method, path) in mutating)
        {
            foreach (var key in new[] { null, "wrong-key-0123456789", Key + "x", Key[..^1] })
            {
                // A malformed body too: the key is checked before anything is read or validated.
                var body = key is null ? "{not json" : "{}";
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                if (key is not null)
                {
                    request.Headers.Add("X-Api-Key", key);
                }

                using var response = await server.Client.SendAsync(request);
                await Problems.AssertStatusAsync(response, HttpStatusCode.Unauthorized);
                Assert.DoesNotContain(Key, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Empty(server.Streaming.Starts);
        server.Client.DefaultRequestHeaders.Add("X-Api-Key", Key); // on a non-loopback bind reads need the key too (ApiKeyMiddlewareTests)
        Assert.Empty((await server.GetJsonAsync("/api/tasks")).EnumerateArray());
        await server.GetJsonAsync("/api/status");
        server.Client.DefaultRequestHeaders.Remove("X-Api-Key");

        using var authorised = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/generate/dimensions", UriKind.Relative))
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        authorised.Headers.Add("X-Api-Key", Key);
        using var accepted = await server.Client.SendAsync(authorised);
        await Problems.AssertStatusAsync(accepted, HttpStatusCode.Accepted);
    }
}
