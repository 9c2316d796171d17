using Confluent.Kafka;
using RetailSynth.Connectors.Kafka;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Connectors.Tests.Kafka;

public sealed class KafkaErrorClassificationTests
{
    [Theory]
    [InlineData(ErrorCode.MsgSizeTooLarge, nameof(KafkaErrorClass.Rejected))]
    [InlineData(ErrorCode.InvalidMsg, nameof(KafkaErrorClass.Rejected))]
    [InlineData(ErrorCode.InvalidMsgSize, nameof(KafkaErrorClass.Rejected))]
    [InlineData(ErrorCode.RecordListTooLarge, nameof(KafkaErrorClass.Rejected))]
    [InlineData(ErrorCode.InvalidRecord, nameof(KafkaErrorClass.Rejected))]
    [InlineData(ErrorCode.Local_MsgTimedOut, nameof(KafkaErrorClass.Transient))]
    [InlineData(ErrorCode.Local_Transport, nameof(KafkaErrorClass.Transient))]
    [InlineData(ErrorCode.Local_AllBrokersDown, nameof(KafkaErrorClass.Transient))]
    [InlineData(ErrorCode.BrokerNotAvailable, nameof(KafkaErrorClass.Transient))]
    [InlineData(ErrorCode.Local_QueueFull, nameof(KafkaErrorClass.Transient))]
    [InlineData(ErrorCode.LeaderNotAvailable, nameof(KafkaErrorClass.Transient))]
    [InlineData(ErrorCode.NotLeaderForPartition, nameof(KafkaErrorClass.Transient))]
    [InlineData(ErrorCode.RequestTimedOut, nameof(KafkaErrorClass.Transient))]
    [InlineData(ErrorCode.NotEnoughReplicas, nameof(KafkaErrorClass.Transient))]
    [InlineData(ErrorCode.Local_Fatal, nameof(KafkaErrorClass.Transient))]
    [InlineData(ErrorCode.TopicAuthorizationFailed, nameof(KafkaErrorClass.Configuration))]
    [InlineData(ErrorCode.ClusterAuthorizationFailed, nameof(KafkaErrorClass.Configuration))]
    [InlineData(ErrorCode.SaslAuthenticationFailed, nameof(KafkaErrorClass.Configuration))]
    [InlineData(ErrorCode.Local_Authentication, nameof(KafkaErrorClass.Configuration))]
    [InlineData(ErrorCode.UnknownTopicOrPart, nameof(KafkaErrorClass.Configuration))]
    [InlineData(ErrorCode.Local_UnknownTopic, nameof(KafkaErrorClass.Configuration))]
    public void Error_codes_are_classified_as_in_the_decision_table(ErrorCode code, string expected) =>
        Assert.Equal(expected, KafkaErrors.ClassOf(code).ToString());

    [Fact]
    public void Failure_messages_never_contain_the_sasl_password()
    {
        const string secret = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=abc";
        var error = new Error(ErrorCode.SaslAuthenticationFailed, $"auth failed for {secret}");

        var failure = KafkaErrors.Failure(error, "ns.servicebus.windows.net:9093", "events", TimeSpan.FromSeconds(30), null, t => t.Replace(secret, "***", StringComparison.Ordinal));

        Assert.Equal(SinkFailureKind.Configuration, failure.Kind);
        Assert.DoesNotContain(secret, failure.Message, StringComparison.Ordinal);
        Assert.Contains("refused authentication", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_producer_is_idempotent_with_acks_all_and_the_options_timeout()
    {
        var config = KafkaProducerSettings.Build(new KafkaSinkOptions { BootstrapServers = "b:9092", Topic = "t", MessageTimeout = TimeSpan.FromSeconds(12) });

        Assert.True(config.EnableIdempotence);
        Assert.Equal(Acks.All, config.Acks);
        Assert.True(config.MaxInFlight <= 5);
        Assert.Equal(12_000, config.MessageTimeoutMs);
        Assert.Equal(SecurityProtocol.Plaintext, config.SecurityProtocol);
        Assert.Null(config.SaslMechanism);
    }

    [Fact]
    public void The_event_hubs_kafka_endpoint_gets_sasl_ssl_plain_with_the_connection_string_user()
    {
        var config = KafkaProducerSettings.Build(new KafkaSinkOptions
        {
            BootstrapServers = "ns.servicebus.windows.net:9093",
            Topic = "hub",
            SecurityProtocol = "sasl_ssl",
            SaslPassword = "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=abc",
        });

        Assert.Equal(SecurityProtocol.SaslSsl, config.SecurityProtocol);
        Assert.Equal(SaslMechanism.Plain, config.SaslMechanism);
        Assert.Equal("$ConnectionString", config.SaslUsername);
    }

    [Theory]
    [InlineData("SCRAM-SHA-512", SaslMechanism.ScramSha512)]
    [InlineData("OAUTHBEARER", SaslMechanism.OAuthBearer)]
    [InlineData("PLAIN", SaslMechanism.Plain)]
    public void Sasl_mechanisms_map_from_their_configuration_names(string name, SaslMechanism expected)
    {
        var config = KafkaProducerSettings.Build(new KafkaSinkOptions { BootstrapServers = "b:9092", Topic = "t", SecurityProtocol = "sasl_plaintext", SaslMechanism = name });

        Assert.Equal(expected, config.SaslMechanism);
    }
}
