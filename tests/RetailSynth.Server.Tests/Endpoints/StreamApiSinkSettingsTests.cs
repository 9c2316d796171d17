using System.Text.Json;
using RetailSynth.Server.Tests.Infrastructure;

namespace RetailSynth.Server.Tests.Endpoints;

public sealed class StreamApiSinkSettingsTests
{
    private const string KeyInConnectionString = "c2VjcmV0LWtleQ==";

    [Fact]
    public async Task Starting_an_event_hubs_stream_whose_connection_string_has_no_entity_path_is_400_naming_the_setting()
    {
        await using var server = await RunningServer.StartAsync(
            realStreaming: true,
            stores: 3,
            overrides: new Dictionary<string, string?>
            {
                ["Streaming:EventHubs:ConnectionString"] = $"Endpoint=sb://127.0.0.1:1/;SharedAccessKeyName=send;SharedAccessKey={KeyInConnectionString}",
            });

        using var response = await server.PostJsonAsync("/api/stream/start", new { sink = "eventhubs", days = 1 });

        await Problems.AssertFieldAsync(response, "Streaming:EventHubs:EventHubName");
        Assert.DoesNotContain(KeyInConnectionString, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await server.GetJsonAsync("/api/status")).GetProperty("dataset").ValueKind); // no dimensions written
    }
}
