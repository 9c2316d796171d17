using Confluent.Kafka;

namespace RetailSynth.Connectors.Kafka;

/// <summary>
/// The last client-level error librdkafka reported (e.g. "Connect to ipv4#127.0.0.1:9092 failed: Connection
/// refused"), kept so that a message time-out can say why. Written from librdkafka's thread. The summary
/// "N/N brokers are down" does not replace a more specific error already seen.
/// </summary>
internal sealed class KafkaBrokerErrors
{
    private string? _last;

    public string? Last => Volatile.Read(ref _last);

    public void Record(ErrorCode code, string reason)
    {
        if (code == ErrorCode.Local_AllBrokersDown && Last is not null)
        {
            return;
        }

        Volatile.Write(ref _last, reason);
    }

    /// <summary>After a batch went through: older errors no longer explain anything.</summary>
    public void Clear() => Volatile.Write(ref _last, null);
}
