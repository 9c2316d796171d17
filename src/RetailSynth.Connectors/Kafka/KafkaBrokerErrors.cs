namespace RetailSynth.Connectors.Kafka;

/// <summary>
/// The last client-level error librdkafka reported (e.g. "Connect to ipv4#127.0.0.1:9092 failed: Connection
/// refused"), kept so that a message time-out can say why. Written from librdkafka's thread.
/// </summary>
internal sealed class KafkaBrokerErrors
{
    private string? _last;

    public string? Last => Volatile.Read(ref _last);

    public void Record(string reason) => Volatile.Write(ref _last, reason);

    public void Clear() => Volatile.Write(ref _last, null);
}
