using Microsoft.Extensions.Logging;
using RetailSynth.Connectors.EventHubs;
using RetailSynth.Connectors.Kafka;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Connectors;

/// <summary>Builds the broker sinks (streaming.md §6); the core builds the file and stdout sinks.</summary>
internal static class CloudSinks
{
    /// <exception cref="ArgumentException">The sink's options are incomplete or malformed (never echoing a secret).</exception>
    /// <exception cref="NotSupportedException"><see cref="StreamingOptions.Sink"/> is not a broker sink.</exception>
    public static IEventSink Create(StreamingOptions options, ILoggerFactory loggers) => options.Sink switch
    {
        SinkKind.EventHubs => EventHubsSink.Create(options.EventHubs, loggers),
        SinkKind.Kafka => KafkaSink.Create(options.Kafka, loggers),
        _ => throw new NotSupportedException($"sink '{options.Sink}' is not a cloud sink: file and stdout are built by the core"),
    };
}
