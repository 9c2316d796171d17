using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Connectors.Kafka;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Streaming.Sinks;
using static RetailSynth.Connectors.Tests.TestEvents;

namespace RetailSynth.Connectors.Tests.Kafka;

public sealed class KafkaLiveTests
{
    [LiveKafkaFact]
    public async Task A_real_broker_acknowledges_every_event_of_a_lease()
    {
        var (bootstrap, topic) = LiveKafkaFactAttribute.Target;
        var options = new KafkaSinkOptions { BootstrapServers = bootstrap, Topic = topic, MessageTimeout = TimeSpan.FromSeconds(20) };
        await using var sink = KafkaSink.Create(options, NullLoggerFactory.Instance);
        var batch = Interleaved(50, keys: 5);

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.Null(report.Failure);
        Assert.Equal(50, report.CountOf(DeliveryState.Delivered));
    }
}
