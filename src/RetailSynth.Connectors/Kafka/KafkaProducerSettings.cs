using Confluent.Kafka;
using RetailSynth.Foundation.Configuration;

namespace RetailSynth.Connectors.Kafka;

/// <summary>The librdkafka producer configuration built from <see cref="KafkaSinkOptions"/>.</summary>
internal static class KafkaProducerSettings
{
    /// <summary>The SASL user name the Event Hubs Kafka endpoint expects with a connection string as password.</summary>
    public const string EventHubsConnectionStringUser = "$ConnectionString";

    public static ProducerConfig Build(KafkaSinkOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.BootstrapServers) || string.IsNullOrWhiteSpace(options.Topic))
        {
            throw new ArgumentException("Streaming:Kafka: BootstrapServers and Topic are required");
        }

        var timeoutMs = (int)Math.Clamp(options.MessageTimeout.TotalMilliseconds, 1, int.MaxValue);
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = "retailsynth",

            // Idempotent: no duplicates or reordering from the producer's own retries within a partition.
            EnableIdempotence = true,
            Acks = Acks.All,
            MaxInFlight = 5,
            MessageTimeoutMs = timeoutMs,
            RequestTimeoutMs = Math.Min(30_000, timeoutMs),
            LingerMs = Math.Min(5, timeoutMs - 1),

            // The Java client's partitioner, so the same key lands on the same partition as with Java producers.
            Partitioner = Partitioner.Murmur2Random,
            DeliveryReportFields = "status",
            SocketKeepaliveEnable = true,
            MetadataMaxAgeMs = 180_000,
            SecurityProtocol = ParseProtocol(options.SecurityProtocol),
        };

        if (config.SecurityProtocol is SecurityProtocol.SaslPlaintext or SecurityProtocol.SaslSsl)
        {
            config.SaslMechanism = options.SaslMechanism is null ? SaslMechanism.Plain : ParseMechanism(options.SaslMechanism);
            config.SaslUsername = options.SaslUsername ?? (LooksLikeEventHubsConnectionString(options.SaslPassword) ? EventHubsConnectionStringUser : null);
            config.SaslPassword = options.SaslPassword;
        }

        return config;
    }

    private static bool LooksLikeEventHubsConnectionString(string? value) =>
        value is not null && value.TrimStart().StartsWith("Endpoint=sb://", StringComparison.OrdinalIgnoreCase);

    private static SecurityProtocol ParseProtocol(string value) =>
        Enum.TryParse<SecurityProtocol>(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var protocol)
            ? protocol
            : throw new ArgumentException($"Streaming:Kafka:SecurityProtocol '{value}' is not one of plaintext, ssl, sasl_plaintext, sasl_ssl");

    private static SaslMechanism ParseMechanism(string value) =>
        Enum.TryParse<SaslMechanism>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mechanism)
            ? mechanism
            : throw new ArgumentException($"Streaming:Kafka:SaslMechanism '{value}' is not one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER");
}
