namespace RetailSynth.Streaming.Sinks;

/// <summary>Transport metadata every broker sink attaches (events.md §2.3).</summary>
public static class SinkMessages
{
    /// <summary>Application property (Event Hubs) or header (Kafka) naming the event type: the downstream table.</summary>
    public const string TableProperty = "Table";

    public const string ContentType = "application/json";
}
