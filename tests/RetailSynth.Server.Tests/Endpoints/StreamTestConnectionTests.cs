using System.Net;
using System.Text.Json;
using RetailSynth.Server.Tests.Infrastructure;
using RetailSynth.Tests;

namespace RetailSynth.Server.Tests.Endpoints;

/// <summary>POST /api/stream/test-connection against the real sinks: nothing is sent, failures are classified, no secret leaks.</summary>
public sealed class StreamTestConnectionTests
{
    private const string Secret = "c2VjcmV0LWtleS1mb3ItdGVzdHM=";

    [Fact]
    public async Task The_file_sink_answers_ok_and_leaves_no_probe_file_nor_folder_behind()
    {
        await using var server = await RunningServer.StartAsync(realStreaming: true, stores: 3);

        var test = await TestAsync(server, new { });

        Assert.Equal("file", test.GetProperty("sink").GetString());
        Assert.True(test.GetProperty("ok").GetBoolean(), test.ToString());
        Assert.Equal(JsonValueKind.Null, test.GetProperty("reason").ValueKind);
        Assert.True(test.GetProperty("elapsed_ms").GetInt64() >= 0);
        Assert.False(Directory.Exists(Path.Combine(server.Folder, "events")), "the folder the probe created is removed again");
    }

    [Fact]
    public async Task A_file_sink_folder_that_cannot_be_created_answers_not_ok_with_the_reason()
    {
        // Under a regular file no folder can be created, whoever runs the test (root ignores permission bits).
        using var folder = new TempFolder();
        var blocker = folder.File("blocker");
        await File.WriteAllTextAsync(blocker, "a file, not a folder");
        await using var server = await RunningServer.StartAsync(realStreaming: true, stores: 3, overrides: new Dictionary<string, string?>
        {
            ["Streaming:File:Directory"] = Path.Combine(blocker, "events"),
        });

        var test = await TestAsync(server, new { sink = "file" });

        Assert.False(test.GetProperty("ok").GetBoolean());
        Assert.Equal("configuration", test.GetProperty("kind").GetString());
        Assert.Contains("cannot write to", test.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_kafka_broker_is_a_transient_failure_naming_the_endpoint_and_no_secret()
    {
        await using var server = await RunningServer.StartAsync(realStreaming: true, stores: 3, overrides: new Dictionary<string, string?>
        {
            ["Streaming:Kafka:BootstrapServers"] = "127.0.0.1:1",
            ["Streaming:Kafka:Topic"] = "retail",
            ["Streaming:Kafka:SecurityProtocol"] = "sasl_plaintext",
            ["Streaming:Kafka:SaslUsername"] = "user",
            ["Streaming:Kafka:SaslPassword"] = Secret,
            ["Streaming:Kafka:MessageTimeout"] = "00:00:02",
        });

        var (test, body) = await TestWithBodyAsync(server, new { sink = "kafka" });

        Assert.Equal("kafka", test.GetProperty("sink").GetString());
        Assert.False(test.GetProperty("ok").GetBoolean());
        Assert.Equal("transient", test.GetProperty("kind").GetString());
        Assert.Contains("cannot reach Kafka at 127.0.0.1:1", test.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(test.GetProperty("elapsed_ms").GetInt64() < 15_000);
        AssertNoSecret(server, body);
    }

    [Fact]
    public async Task An_unreachable_event_hub_is_a_transient_failure_naming_the_endpoint_and_no_key()
    {
        await using var server = await RunningServer.StartAsync(realStreaming: true, stores: 3, overrides: new Dictionary<string, string?>
        {
            ["Streaming:EventHubs:ConnectionString"] = $"Endpoint=sb://127.0.0.1:1/;SharedAccessKeyName=send;SharedAccessKey={Secret};EntityPath=retail",
        });

        var (test, body) = await TestWithBodyAsync(server, new { sink = "eventhubs" });

        Assert.Equal("eventhubs", test.GetProperty("sink").GetString());
        Assert.False(test.GetProperty("ok").GetBoolean());
        Assert.Equal("transient", test.GetProperty("kind").GetString());
        Assert.Contains("Event Hubs at 127.0.0.1", test.GetProperty("reason").GetString(), StringComparison.Ordinal);
        AssertNoSecret(server, body);
    }

    [Fact]
    public async Task An_event_hubs_test_with_no_event_hubs_settings_is_400_naming_the_setting()
    {
        await using var server = await RunningServer.StartAsync(realStreaming: true, stores: 3);

        using var response = await server.PostJsonAsync("/api/stream/test-connection", new { sink = "eventhubs" });

        await Problems.AssertFieldAsync(response, "Streaming:EventHubs:");
    }

    [Fact]
    public async Task An_unknown_sink_is_400_naming_the_sink_field()
    {
        await using var server = await RunningServer.StartAsync(realStreaming: true, stores: 3);

        using var response = await server.PostJsonAsync("/api/stream/test-connection", new { sink = "carrier-pigeon" });

        await Problems.AssertFieldAsync(response, "sink");
    }

    private static async Task<JsonElement> TestAsync(RunningServer server, object body) => (await TestWithBodyAsync(server, body)).Test;

    private static async Task<(JsonElement Test, string Body)> TestWithBodyAsync(RunningServer server, object body)
    {
        using var response = await server.PostJsonAsync("/api/stream/test-connection", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return (JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    private static void AssertNoSecret(RunningServer server, string body)
    {
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
    }
}
