using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Connectors.EventHubs;
using RetailSynth.Connectors.Kafka;
using RetailSynth.Foundation.Configuration;

namespace RetailSynth.Connectors.Tests;

public sealed class CloudSinksTests
{
    private const string Secret = "Q2xvdWRTaW5rc1NlY3JldA==";

    [Fact]
    public async Task The_event_hubs_kind_builds_an_event_hubs_sink_without_connecting()
    {
        var options = new StreamingOptions
        {
            Sink = SinkKind.EventHubs,
            EventHubs = new EventHubsSinkOptions { ConnectionString = $"Endpoint=sb://myns.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey={Secret};EntityPath=hub" },
        };

        await using var sink = CloudSinks.Create(options, NullLoggerFactory.Instance);

        Assert.IsType<EventHubsSink>(sink);
        Assert.Equal("eventhubs", sink.Name);
    }

    [Fact]
    public async Task The_kafka_kind_builds_a_kafka_sink()
    {
        var options = new StreamingOptions { Sink = SinkKind.Kafka, Kafka = new KafkaSinkOptions { BootstrapServers = "127.0.0.1:1", Topic = "t" } };

        await using var sink = CloudSinks.Create(options, NullLoggerFactory.Instance);

        Assert.IsType<KafkaSink>(sink);
        Assert.Equal("kafka", sink.Name);
    }

    [Theory]
    [InlineData(SinkKind.File)]
    [InlineData(SinkKind.Stdout)]
    public void File_and_stdout_are_left_to_the_core(SinkKind kind) =>
        Assert.Throws<NotSupportedException>(() => CloudSinks.Create(new StreamingOptions { Sink = kind }, NullLoggerFactory.Instance));

    [Fact]
    public void A_malformed_connection_string_is_refused_without_echoing_it()
    {
        var options = new StreamingOptions { Sink = SinkKind.EventHubs, EventHubs = new EventHubsSinkOptions { ConnectionString = $"Endpoint=;{Secret}" } };

        var error = Assert.Throws<ArgumentException>(() => CloudSinks.Create(options, NullLoggerFactory.Instance));

        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }
}
