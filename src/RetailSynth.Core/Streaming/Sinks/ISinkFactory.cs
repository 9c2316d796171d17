namespace RetailSynth.Streaming.Sinks;

/// <summary>Creates the configured sink; hosts register one that also knows the cloud sinks (Connectors project).</summary>
public interface ISinkFactory
{
    IEventSink Create(StreamingOptions options);
}
