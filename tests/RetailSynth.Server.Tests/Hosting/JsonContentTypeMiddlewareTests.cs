using System.Net;
using System.Text;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Hosting;

public sealed class JsonContentTypeMiddlewareTests
{
    private static readonly (HttpMethod Method, string Path)[] s_mutatingRoutes =
    [
        (HttpMethod.Post, "/api/generate/dimensions"), (HttpMethod.Post, "/api/generate/historical"), (HttpMethod.Delete, "/api/tasks/x"),
        (HttpMethod.Post, "/api/stream/start"), (HttpMethod.Post, "/api/stream/stop"), (HttpMethod.Post, "/api/stream/outbox/dead/requeue"),
        (HttpMethod.Delete, "/api/stream/outbox"), (HttpMethod.Post, "/api/export"),
    ];

    [Fact]
    public async Task Every_mutating_route_answers_415_to_a_request_not_declared_as_json_and_changes_nothing()
    {
        await using var server = await RunningServer.StartAsync();

        foreach (var (method, path) in s_mutatingRoutes)
        {
            foreach (var content in new Func<HttpContent?>[]
            {
                () => null,
                () => new StringContent("{}", Encoding.UTF8, "text/plain"),
                () => new FormUrlEncodedContent([new("days", "1")]),
                () => new StringContent("{}", Encoding.UTF8, "application/xml"),
            })
            {
                using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content() };
                using var response = await server.Client.SendAsync(request);
                await Problems.AssertStatusAsync(response, HttpStatusCode.UnsupportedMediaType);
            }
        }

        Assert.Empty(server.Streaming.Starts);
        Assert.Empty((await server.GetJsonAsync("/api/tasks")).EnumerateArray());
    }

    [Fact]
    public async Task A_body_less_change_declared_as_json_is_served()
    {
        await using var server = await RunningServer.StartAsync();

        using var start = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/start");
        await Problems.AssertStatusAsync(start, HttpStatusCode.Accepted);
        using var stop = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/stop");
        await Problems.AssertStatusAsync(stop, HttpStatusCode.OK);
        using var requeue = await server.SendEmptyJsonAsync(HttpMethod.Post, "/api/stream/outbox/dead/requeue");
        await Problems.AssertStatusAsync(requeue, HttpStatusCode.OK);
        using var withCharset = await server.Client.PostAsync(new Uri("/api/stream/stop", UriKind.Relative), new StringContent("", Encoding.UTF8, "application/json"));
        await Problems.AssertStatusAsync(withCharset, HttpStatusCode.OK);
    }
}
