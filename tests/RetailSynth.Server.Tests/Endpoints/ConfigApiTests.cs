using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailSynth.Jobs;
using RetailSynth.Jobs.Streaming;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class ConfigApiTests
{
    private const string Valid = """{"Simulation": {"Seed": 7, "Stores": 12}, "Streaming": {"BatchSize": 250}}""";

    [Fact]
    public async Task Put_writes_a_valid_configuration_to_retailsynth_json_and_the_file_route_reads_it_back()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await PutAsync(server, Valid);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var path = Path.Combine(server.Folder, "retailsynth.json");
        using (var written = JsonDocument.Parse(await File.ReadAllTextAsync(path)))
        {
            Assert.Equal(7, written.RootElement.GetProperty("Simulation").GetProperty("Seed").GetInt32());
            Assert.Equal(250, written.RootElement.GetProperty("Streaming").GetProperty("BatchSize").GetInt32());
        }

        var file = await server.GetJsonAsync("/api/config/file");
        Assert.True(file.GetProperty("exists").GetBoolean());
        Assert.Equal(path, file.GetProperty("path").GetString());
        Assert.Equal(12, file.GetProperty("settings").GetProperty("Simulation").GetProperty("Stores").GetInt32());
        Assert.Empty(Directory.GetFiles(server.Folder, "*.tmp")); // the temporary file was renamed, not left behind
    }

    [Fact]
    public async Task Validate_accepts_a_valid_document_and_writes_nothing()
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.PostRawAsync("/api/config/validate", Valid);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("valid").GetBoolean());
        Assert.False(File.Exists(Path.Combine(server.Folder, "retailsynth.json")));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("POST")]
    public async Task An_invalid_configuration_answers_400_with_every_field_error_at_once_and_leaves_the_file_unchanged(string method)
    {
        await using var server = await RunningServer.StartAsync();
        var path = Path.Combine(server.Folder, "retailsynth.json");
        const string original = """{"Simulation": {"Seed": 3}}""";
        await File.WriteAllTextAsync(path, original);

        const string invalid = """{"Simulation": {"Customers": -5, "Stors": 4}, "Streaming": {"BatchSize": "many"}}""";
        using var response = method == "PUT" ? await PutAsync(server, invalid) : await server.PostRawAsync("/api/config/validate", invalid);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Simulation:Customers", out _), text);
        Assert.True(errors.TryGetProperty("Simulation:Stors", out var unknown), text);
        Assert.Contains("did you mean 'Simulation:Stores'", unknown[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("Streaming:BatchSize", out _), text);
        Assert.Equal(original, await File.ReadAllTextAsync(path));
    }

    [Theory]
    [InlineData("""{"Streaming": {"EventHubs": {"ConnectionString": "Endpoint=sb://x/;SharedAccessKey=abc"}}}""", "Streaming:EventHubs:ConnectionString")]
    [InlineData("""{"server": {"apikey": "0123456789abcdef0123"}}""", "Server:ApiKey")]
    [InlineData("""{"Upload": {"ConnectionString": "UseDevelopmentStorage=true"}}""", "Upload:ConnectionString")]
    public async Task A_secret_in_the_body_answers_400_naming_it_without_echoing_it_and_writes_nothing(string body, string key)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await PutAsync(server, body);

        await Problems.AssertFieldAsync(response, key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("SharedAccessKey=abc", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef0123", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(server.Folder, "retailsynth.json")));
    }

    [Fact]
    public async Task Secrets_the_file_holds_are_kept_by_put_and_never_returned()
    {
        await using var server = await RunningServer.StartAsync();
        var path = Path.Combine(server.Folder, "retailsynth.json");
        await File.WriteAllTextAsync(path, """{"Server": {"ApiKey": "kept-secret-0123456789"}, "Simulation": {"Seed": 1}}""");

        var file = await server.GetJsonAsync("/api/config/file");
        Assert.DoesNotContain("kept-secret", file.ToString(), StringComparison.Ordinal);

        using var response = await PutAsync(server, """{"Simulation": {"Seed": 9}}""");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.DoesNotContain("kept-secret", text, StringComparison.Ordinal);
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal("kept-secret-0123456789", written.RootElement.GetProperty("Server").GetProperty("ApiKey").GetString());
        Assert.Equal(9, written.RootElement.GetProperty("Simulation").GetProperty("Seed").GetInt32());
    }

    [Fact]
    public async Task Put_while_a_job_or_stream_runs_answers_409_and_writes_nothing()
    {
        await using var server = await RunningServer.StartAsync();
        using (server.Services.GetRequiredService<WriterGate>().Enter(WriterKind.Historical))
        {
            using var response = await PutAsync(server, Valid);
            await Problems.AssertStatusAsync(response, HttpStatusCode.Conflict);
        }

        server.Streaming.Start(new StreamRequest());
        using (var response = await PutAsync(server, Valid))
        {
            await Problems.AssertStatusAsync(response, HttpStatusCode.Conflict);
        }

        Assert.False(File.Exists(Path.Combine(server.Folder, "retailsynth.json")));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("{not json")]
    [InlineData("""{"Simulation": {"Seed": 1, "seed": 2}}""")]
    [InlineData("""{"\uD800": 1}""")]
    public async Task A_body_that_is_not_a_json_object_of_unique_names_answers_400_naming_body(string body)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await PutAsync(server, body);

        await Problems.AssertFieldAsync(response, "body");
        Assert.False(File.Exists(Path.Combine(server.Folder, "retailsynth.json")));
    }

    [Fact]
    public async Task A_body_with_invalid_utf8_in_a_string_answers_400_naming_body()
    {
        await using var server = await RunningServer.StartAsync();
        byte[] body = [.. "{\"Simulation\": {\"Profile\": \""u8, 0xC3, 0x28, 0xFF, 0x80, .. "\"}}"u8];

        using var response = await server.Client.PostAsync(
            new Uri("/api/config/validate", UriKind.Relative), new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        await Problems.AssertFieldAsync(response, "body");
    }

    private static Task<HttpResponseMessage> PutAsync(RunningServer server, string json) =>
        server.Client.PutAsync(new Uri("/api/config", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
}
