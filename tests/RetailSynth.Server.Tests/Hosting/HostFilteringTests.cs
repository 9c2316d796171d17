using System.Net;
using RetailSynth.Foundation.Errors;
using RetailSynth.Server.Tests.Infrastructure;
using RetailSynth.Tests;

namespace RetailSynth.Server.Tests.Hosting;

public sealed class HostFilteringTests
{
    [Fact]
    public async Task A_request_for_a_rebound_host_name_answers_400_for_reads_and_writes_and_changes_nothing()
    {
        await using var server = await RunningServer.StartAsync();

        using (var read = await SendAsync(server, HttpMethod.Get, "/api/status", "evil.example"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
        }

        using (var write = await SendAsync(server, HttpMethod.Post, "/api/stream/start", $"evil.example:{server.Address.Port}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, write.StatusCode);
        }

        Assert.Empty(server.Streaming.Starts);
        foreach (var host in new[] { "127.0.0.1", "localhost", "[::1]", "LOCALHOST" })
        {
            using var allowed = await SendAsync(server, HttpMethod.Get, "/api/status", $"{host}:{server.Address.Port}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
    }

    [Fact]
    public async Task Server_AllowedHosts_replaces_the_default_names()
    {
        await using var server = await RunningServer.StartAsync(overrides: new Dictionary<string, string?> { ["Server:AllowedHosts"] = "retail.example; *.lab.example" });

        foreach (var (host, status) in new[] { ("retail.example", HttpStatusCode.OK), ("box.lab.example", HttpStatusCode.OK), ("127.0.0.1", HttpStatusCode.BadRequest), ("evil.example", HttpStatusCode.BadRequest) })
        {
            using var response = await SendAsync(server, HttpMethod.Get, "/api/status", $"{host}:{server.Address.Port}");
            Assert.True(response.StatusCode == status, $"{host}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("http://retail.example")]
    [InlineData("retail.example:8000")]
    [InlineData("retail.example/path")]
    [InlineData("::1")]
    public void A_malformed_allowed_host_is_refused_at_start_up_naming_the_setting(string host)
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<SettingsException>(() => RunningServer.Settings(folder, "http://127.0.0.1:0", null, new Dictionary<string, string?> { ["Server:AllowedHosts"] = $"localhost;{host}" }));
        Assert.Contains($"Server:AllowedHosts: '{host}' is not a host name", error.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SendAsync(RunningServer server, HttpMethod method, string path, string host)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Host = host;
        if (method != HttpMethod.Get)
        {
            request.Content = RunningServer.EmptyJson();
        }

        return server.Client.SendAsync(request);
    }
}
