using System.Net;
using RetailSynth.Jobs.Schema;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class SchemaApiTests
{
    [Theory]
    [InlineData("kql", "text/plain")]
    [InlineData("json-schema", "application/schema+json")]
    [InlineData("asyncapi", "application/json")]
    public async Task Each_kind_answers_the_document_the_cli_prints(string kind, string mediaType)
    {
        await using var server = await RunningServer.StartAsync();
        Assert.True(SchemaKinds.TryParse(kind, out var parsed));

        using var response = await server.Client.GetAsync(new Uri($"/api/schema/{kind}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SchemaKit.Combined(parsed).Content, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task One_event_types_json_schema_is_the_file_the_cli_writes()
    {
        await using var server = await RunningServer.StartAsync();
        var file = SchemaKit.Files(SchemaKind.JsonSchema).Single(f => f.FileName == "receipt_created.schema.json");

        using var response = await server.Client.GetAsync(new Uri("/api/schema/json-schema/receipt_created", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(file.Content, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/schema/sql")]
    [InlineData("/api/schema/KQL")]
    [InlineData("/api/schema/json-schema/unknown_event")]
    [InlineData("/api/schema/json-schema/..%2Fkql")]
    public async Task An_unknown_kind_or_schema_name_answers_404_problem_details_naming_what_exists(string path)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));

        await Problems.AssertStatusAsync(response, HttpStatusCode.NotFound);
        var detail = (await response.Content.ReadAsStringAsync());
        Assert.Contains(path.Contains("json-schema/", StringComparison.Ordinal) ? "name an event type" : "the kinds are kql, json-schema, asyncapi", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_non_loopback_bind_the_schema_needs_the_api_key_like_every_other_read()
    {
        const string key = "a-test-api-key-0123456789";
        await using var server = await RunningServer.StartAsync("http://0.0.0.0:0", overrides: new Dictionary<string, string?> { ["Server:ApiKey"] = key });

        using var refused = await server.Client.GetAsync(new Uri("/api/schema/kql", UriKind.Relative));
        await Problems.AssertStatusAsync(refused, HttpStatusCode.Unauthorized);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/schema/kql", UriKind.Relative));
        request.Headers.Add("X-Api-Key", key);
        using var served = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
