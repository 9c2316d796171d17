using System.Net;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Hosting;

public sealed class SameOriginMiddlewareTests
{
    [Fact]
    public async Task A_page_on_another_origin_cannot_start_a_stream_or_a_generation_while_the_dashboard_still_can()
    {
        await using var server = await RunningServer.StartAsync();
        var target = server.Address.ToString().TrimEnd('/');
        // What a drive-by page can do without asking: no-cors POSTs, with no body or a "simple" (text/plain) one.
        await using var attacker = await OtherOriginSite.StartAsync($$"""
            <!doctype html><title>attacker</title>
            <script>
              const target = "{{target}}";
              Promise.allSettled([
                fetch(target + "/api/stream/start", { method: "POST", mode: "no-cors" }),
                fetch(target + "/api/stream/start", { method: "POST", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body: "{}" }),
                fetch(target + "/api/generate/dimensions", { method: "POST", mode: "no-cors", body: "{}" }),
                fetch(target + "/api/stream/outbox/dead/requeue", { method: "POST", mode: "no-cors" }),
              ]).then(() => { document.title = "sent"; });
            </script>
            """);
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        await page.GotoAsync(attacker.Address.ToString());
        await page.WaitForFunctionAsync("document.title === 'sent'", null, new() { Timeout = 15_000 });

        // The four requests reached the server (so "nothing happened" is not just "nothing arrived") and were refused.
        Assert.Equal(4, server.Logs.Lines.Count(line => line.Contains("cross-origin request", StringComparison.Ordinal)));
        Assert.Empty(server.Streaming.Starts);
        Assert.Empty((await server.GetJsonAsync("/api/tasks")).EnumerateArray());
        Assert.False((await server.GetJsonAsync("/api/stream/status")).GetProperty("running").GetBoolean());

        // The dashboard, served by the server itself, still changes things from the same browser.
        await page.GotoAsync(server.Address.ToString());
        await page.ClickAsync("#stream-start");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#stream-state")).ToHaveTextAsync("running", new() { Timeout = 10_000 });
        Assert.Single(server.Streaming.Starts);
    }

    [Fact]
    public async Task A_mutating_request_from_another_origin_answers_403_and_one_from_the_same_origin_or_no_browser_passes()
    {
        await using var server = await RunningServer.StartAsync();
        var own = server.Address.ToString().TrimEnd('/');

        foreach (var (origin, site) in new (string? Origin, string? Site)[]
        {
            ("http://127.0.0.1:1", null), ("http://evil.example", null), ("null", null), (own.Replace("http:", "https:", StringComparison.Ordinal), null),
            (null, "cross-site"), (null, "same-site"), (own, "same-site"),
        })
        {
            using var refused = await SendStartAsync(server, origin, site);
            await Problems.AssertStatusAsync(refused, HttpStatusCode.Forbidden);
        }

        Assert.Empty(server.Streaming.Starts);

        // Reads stay open to any origin (the browser keeps their answers from other origins anyway).
        using var read = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/stream/status", UriKind.Relative));
        read.Headers.Add("Origin", "http://evil.example");
        using var readAnswer = await server.Client.SendAsync(read);
        await Problems.AssertStatusAsync(readAnswer, HttpStatusCode.OK);

        foreach (var (origin, site) in new (string? Origin, string? Site)[] { (own, "same-origin"), (own, null), (null, null) })
        {
            using var accepted = await SendStartAsync(server, origin, site);
            await Problems.AssertStatusAsync(accepted, HttpStatusCode.Accepted);
            using var stopped = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/stop");
            await Problems.AssertStatusAsync(stopped, HttpStatusCode.OK);
        }

        Assert.Equal(3, server.Streaming.Starts.Count);
    }

    private static Task<HttpResponseMessage> SendStartAsync(RunningServer server, string? origin, string? site)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/stream/start", UriKind.Relative)) { Content = RunningServer.EmptyJson() };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (site is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }

        return server.Client.SendAsync(request);
    }
}
