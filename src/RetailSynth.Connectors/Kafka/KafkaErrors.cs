using Confluent.Kafka;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Connectors.Kafka;

/// <summary>What a Kafka error means for one event (decisions.md, "Event Hubs and Kafka sinks").</summary>
internal enum KafkaErrorClass
{
    /// <summary>The broker or client refuses this message itself: dead-letter it.</summary>
    Rejected,

    /// <summary>Unreachable, timed out, throttled, leader moving, queue full: retry later.</summary>
    Transient,

    /// <summary>Authentication, authorisation, missing topic: needs an operator (still retried).</summary>
    Configuration,
}

/// <summary>Maps Confluent.Kafka error codes to rejections and sink failures, with clear, secret-free messages.</summary>
internal static class KafkaErrors
{
    public static KafkaErrorClass ClassOf(ErrorCode code) => code switch
    {
        ErrorCode.MsgSizeTooLarge or ErrorCode.InvalidMsg or ErrorCode.InvalidMsgSize
            or ErrorCode.RecordListTooLarge or ErrorCode.InvalidRecord or ErrorCode.Local_BadMsg or ErrorCode.InvalidTimestamp
            => KafkaErrorClass.Rejected,

        ErrorCode.TopicAuthorizationFailed or ErrorCode.ClusterAuthorizationFailed or ErrorCode.SaslAuthenticationFailed
            or ErrorCode.Local_Authentication or ErrorCode.UnsupportedSaslMechanism or ErrorCode.IllegalSaslState
            or ErrorCode.UnknownTopicOrPart or ErrorCode.Local_UnknownTopic or ErrorCode.Local_UnknownPartition
            or ErrorCode.TopicException or ErrorCode.Local_Ssl or ErrorCode.Local_InvalidArg
            => KafkaErrorClass.Configuration,

        // Local_MsgTimedOut, Local_Transport, Local_AllBrokersDown, BrokerNotAvailable, Local_QueueFull,
        // LeaderNotAvailable, NotLeaderForPartition, RequestTimedOut, NetworkException, NotEnoughReplicas,
        // Local_Fatal (the sink rebuilds its producer) and anything unknown.
        _ => KafkaErrorClass.Transient,
    };

    public static string RejectionReason(Error error, int bodyBytes, Func<string, string> redact) =>
        redact($"Kafka refused the message ({error.Code}): {error.Reason}; body {bodyBytes} bytes");

    public static SinkFailure Failure(Error error, string bootstrap, string topic, TimeSpan messageTimeout, string? lastBrokerError, Func<string, string> redact)
    {
        var cause = lastBrokerError is null ? "" : $"; last broker error: {lastBrokerError}";
        var kind = ClassOf(error.Code) == KafkaErrorClass.Configuration ? SinkFailureKind.Configuration : SinkFailureKind.Transient;
        var message = error.Code switch
        {
            ErrorCode.Local_MsgTimedOut => $"cannot reach Kafka at {bootstrap}: no acknowledgement within {messageTimeout.TotalSeconds:0.###} s (message timed out){cause}",
            ErrorCode.Local_Transport or ErrorCode.Local_AllBrokersDown or ErrorCode.BrokerNotAvailable or ErrorCode.NetworkException
                => $"cannot reach Kafka at {bootstrap}: {error.Reason}{cause}",
            ErrorCode.Local_QueueFull => $"the Kafka producer queue is full (brokers at {bootstrap} are not keeping up): {error.Reason}",
            ErrorCode.TopicAuthorizationFailed => $"not authorised to write to topic '{topic}' at {bootstrap}: {error.Reason}",
            ErrorCode.SaslAuthenticationFailed or ErrorCode.Local_Authentication or ErrorCode.UnsupportedSaslMechanism or ErrorCode.IllegalSaslState
                => $"Kafka at {bootstrap} refused authentication ({error.Code}); check SecurityProtocol, SaslMechanism, SaslUsername and SaslPassword: {error.Reason}",
            ErrorCode.UnknownTopicOrPart or ErrorCode.Local_UnknownTopic or ErrorCode.Local_UnknownPartition
                => $"topic '{topic}' does not exist at {bootstrap}: {error.Reason}",
            ErrorCode.Local_Fatal => $"the Kafka producer for {bootstrap} hit a fatal error and is recreated: {error.Reason}",
            _ => $"Kafka at {bootstrap}: {error.Reason} ({error.Code}){cause}",
        };
        return new SinkFailure(kind, redact(message));
    }
}
