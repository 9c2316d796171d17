using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetailSynth.Server.Hosting;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Hosting;

public sealed class SecurityHeadersMiddlewareTests
{
    [Fact]
    public async Task Every_response_forbids_framing_and_sniffing_sends_no_referrer_and_carries_a_content_security_policy()
    {
        await using var server = await RunningServer.StartAsync();

        foreach (var (method, path, status) in new[]
        {
            (HttpMethod.Get, "/", HttpStatusCode.OK), (HttpMethod.Get, "/app.js", HttpStatusCode.OK), (HttpMethod.Get, "/api/status", HttpStatusCode.OK),
            (HttpMethod.Get, "/api/tasks/nope", HttpStatusCode.NotFound), (HttpMethod.Post, "/api/stream/stop", HttpStatusCode.UnsupportedMediaType),
            (HttpMethod.Get, "/scalar/", HttpStatusCode.OK),
        })
        {
            using var response = await server.Client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)));
            Assert.True(response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            var policy = Header(response, "Content-Security-Policy");
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Equal(path.StartsWith("/scalar", StringComparison.Ordinal) ? SecurityHeadersMiddleware.ApiReferencePolicy : SecurityHeadersMiddleware.StrictPolicy, policy);
        }
    }

    [Fact]
    public async Task A_page_on_another_origin_cannot_frame_the_dashboard()
    {
        await using var server = await RunningServer.StartAsync();
        await using var attacker = await OtherOriginSite.StartAsync($$"""
            <!doctype html><title>attacker</title>
            <iframe id="victim" src="{{server.Address}}" width="800" height="600"></iframe>
            <script>document.getElementById("victim").addEventListener("load", () => { document.title = "loaded"; });</script>
            """);
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();

        await page.GotoAsync(attacker.Address.ToString());
        await page.WaitForFunctionAsync("document.title === 'loaded'", null, new() { Timeout = 15_000 });

        var frame = Assert.Single(page.Frames, f => f != page.MainFrame);
        Assert.Null(await frame.QuerySelectorAsync("#generate-dimensions"));
        Assert.DoesNotContain("RetailSynth", await frame.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_and_the_api_reference_run_under_their_policies_without_violations()
    {
        await using var server = await RunningServer.StartAsync();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(server.Address.ToString());
        // Locator assertions, not WaitForFunction: Playwright evaluates a function's text with eval, which the policy forbids.
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-refreshed", new Regex("^([2-9]|[0-9]{2,})$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("tr[data-table=dim_stores] td.num")).ToHaveTextAsync("0");

        await page.GotoAsync(new Uri(server.Address, "/scalar/").ToString());
        // Scalar has read the OpenAPI document and drawn its operations.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "get /api/status" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        Assert.Empty(violations);
        Assert.Empty(errors);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : "(missing)";
}
