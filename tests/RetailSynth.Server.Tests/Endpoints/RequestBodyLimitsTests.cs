using System.Net;
using System.Text;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class RequestBodyLimitsTests
{
    [Theory]
    [InlineData(20_000_000, "/api/export", "application/json")]
    [InlineData(100_000, "/api/export", "application/json")]
    [InlineData(2_000_000, "/api/stream/stop", "application/json")] // a route that never reads its body
    [InlineData(2_000_000, "/api/export", "application/xml")] // a client that accepts no JSON gets plain text
    public async Task A_body_over_the_limit_is_refused_with_413_and_starts_no_task(int length, string path, string accept)
    {
        await using var server = await RunningServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent($"{{\"out\": \"{new string('a', length)}\"}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = length > 1_000_000; // as curl does for large uploads: the 413 comes before the body is sent
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await server.Client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} {text}");
        Assert.Contains("at most 65536", text, StringComparison.Ordinal);
        Assert.Empty((await server.GetJsonAsync("/api/tasks")).EnumerateArray()); // the same client goes on
        Assert.Empty(server.Streaming.Starts);
        Assert.DoesNotContain(server.Logs.Lines, l => l.Contains(new string('a', 1_000), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_json_body_in_an_unknown_charset_is_refused_with_415()
    {
        await using var server = await RunningServer.StartAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"days\": 1}"));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=no-such-charset");

        using var response = await server.Client.PostAsync(new Uri("/api/generate/historical", UriKind.Relative), content);

        await Problems.AssertStatusAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty((await server.GetJsonAsync("/api/tasks")).EnumerateArray());
    }
}
