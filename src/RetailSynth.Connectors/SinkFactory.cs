using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Connectors;

/// <summary>Every sink the product knows: file and stdout from the core, Event Hubs and Kafka from this project.</summary>
public sealed class SinkFactory(ILoggerFactory loggers, Func<Stream> standardOutput) : ISinkFactory
{
    public IEventSink Create(StreamingOptions options) => options.Sink switch
    {
        SinkKind.File => new FileSink(options.File.Directory),
        SinkKind.Stdout => new StdoutSink(standardOutput()),
        SinkKind.EventHubs or SinkKind.Kafka => CloudSinks.Create(options, loggers),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Sink, "unknown sink"),
    };
}
