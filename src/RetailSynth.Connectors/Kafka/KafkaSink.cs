using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Connectors.Kafka;

/// <summary>
/// Sends leases to a Kafka topic (streaming.md §6, events.md §2.3) through an idempotent producer: record key =
/// partition key, value = the envelope bytes, headers <c>Table</c>, <c>trace_id</c>, <c>content-type</c>. Every
/// event of a lease is produced, then the sink waits for all delivery reports and maps each one: delivered,
/// rejected (too large, invalid) or a sink failure. The per-key ordering rule is enforced on the result.
/// </summary>
internal sealed partial class KafkaSink : IEventSink
{
    /// <summary>The longest a connection test waits for the cluster's metadata (less when MessageTimeout is shorter).</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Default per-lease byte cap; the producer batches further by itself.</summary>
    public const long DefaultLeaseBytes = 8L * 1024 * 1024;

    private const string TraceIdHeader = "trace_id";
    private const string ContentTypeHeader = "content-type";

    private readonly KafkaSinkOptions _options;
    private readonly string _topic;
    private readonly string _bootstrap;
    private readonly Func<IProducer<byte[], byte[]>>? _rebuild;
    private readonly KafkaBrokerErrors? _brokerErrors;
    private readonly bool _ownsProducer;
    private readonly ILogger<KafkaSink> _logger;
    private IProducer<byte[], byte[]> _producer;
    private bool _producerBroken;

    /// <summary>Uses <paramref name="producer"/> (the test seam: any implementation of Confluent's interface).</summary>
    public KafkaSink(IProducer<byte[], byte[]> producer, KafkaSinkOptions options, ILogger<KafkaSink> logger, bool ownsProducer = false)
        : this(producer, null, null, options, logger, ownsProducer)
    {
    }

    private KafkaSink(
        IProducer<byte[], byte[]> producer,
        Func<IProducer<byte[], byte[]>>? rebuild,
        KafkaBrokerErrors? brokerErrors,
        KafkaSinkOptions options,
        ILogger<KafkaSink> logger,
        bool ownsProducer)
    {
        if (string.IsNullOrWhiteSpace(options.BootstrapServers) || string.IsNullOrWhiteSpace(options.Topic))
        {
            throw new ArgumentException("Streaming:Kafka: BootstrapServers and Topic are required");
        }

        _producer = producer;
        _rebuild = rebuild;
        _brokerErrors = brokerErrors;
        _options = options;
        _topic = options.Topic;
        _bootstrap = options.BootstrapServers;
        _logger = logger;
        _ownsProducer = ownsProducer;
    }

    public string Name => "kafka";

    public long MaxBatchBytes => DefaultLeaseBytes;

    /// <summary>Builds the sink and an idempotent librdkafka producer from options.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or malformed (the message never holds a secret).</exception>
    public static KafkaSink Create(KafkaSinkOptions options, ILoggerFactory loggers)
    {
        var config = KafkaProducerSettings.Build(options);
        var logger = loggers.CreateLogger<KafkaSink>();
        var brokerErrors = new KafkaBrokerErrors();
        var password = options.SaslPassword;

        IProducer<byte[], byte[]> Build() => new ProducerBuilder<byte[], byte[]>(config)
            .SetErrorHandler((_, error) =>
            {
                var reason = Redact(error.Reason, password);
                brokerErrors.Record(error.Code, reason);
                LogClientError(logger, error.Code, error.IsFatal, reason);
            })
            .SetLogHandler((_, message) =>
            {
                if (logger.IsEnabled(LogLevel.Trace))
                {
                    var text = Redact(message.Message, password);
                    LogLibrdkafka(logger, message.Level, message.Facility, text);
                }
            })
            .Build();

        return new KafkaSink(Build(), Build, brokerErrors, options, logger, ownsProducer: true);
    }

    public async Task<SendReport> SendAsync(IReadOnlyList<OutboundEvent> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.Count == 0)
        {
            return new SendReport(0);
        }

        RebuildIfBroken();
        var started = Stopwatch.GetTimestamp();
        var tracker = new DeliveryTracker(batch.Count);
        var contentType = Encoding.UTF8.GetBytes(SinkMessages.ContentType);
        for (var i = 0; i < batch.Count; i++)
        {
            var index = i;
            try
            {
                _producer.Produce(_topic, ToMessage(batch[i], contentType), report => tracker.Report(index, report.Error));
            }
            catch (ProduceException<byte[], byte[]> ex)
            {
                tracker.Report(i, ex.Error);
                if (KafkaErrors.ClassOf(ex.Error.Code) != KafkaErrorClass.Rejected)
                {
                    tracker.SkipFrom(i + 1);
                    break;
                }
            }
            catch (KafkaException ex)
            {
                tracker.Report(i, ex.Error);
                tracker.SkipFrom(i + 1);
                break;
            }
        }

        await tracker.Completion.WaitAsync(cancellationToken);
        var report = BuildReport(batch, tracker);
        if (report.Failure is { } failure)
        {
            var delivered = report.CountOf(DeliveryState.Delivered);
            LogSendFailed(failure.Kind, failure.Message, delivered, batch.Count);
        }
        else
        {
            _brokerErrors?.Clear();
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogSent(batch.Count, elapsed.TotalMilliseconds);
        }

        return report;
    }

    /// <summary>
    /// Asks the cluster for its metadata through the producer's own connection (a dependent admin client) and looks
    /// for the topic there. All topics are asked for, not the one: a request naming a missing topic can make a broker
    /// create it, and a test must change nothing.
    /// </summary>
    public Task<SinkProbe> ProbeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var timeout = _options.MessageTimeout < ProbeTimeout ? _options.MessageTimeout : ProbeTimeout;
        return Task.Run(
            () =>
            {
                try
                {
                    using var admin = new DependentAdminClientBuilder(_producer.Handle).Build();
                    var metadata = admin.GetMetadata(timeout);
                    var topic = metadata.Topics.FirstOrDefault(t => string.Equals(t.Topic, _topic, StringComparison.Ordinal));
                    if (topic is null || topic.Error.Code == ErrorCode.UnknownTopicOrPart)
                    {
                        return Probed(SinkProbe.Failed(SinkFailureKind.Configuration, $"topic '{_topic}' does not exist at {_bootstrap}"));
                    }

                    if (topic.Error.IsError)
                    {
                        return Probed(new SinkProbe(KafkaErrors.Failure(topic.Error, _bootstrap, _topic, timeout, null, Redact)));
                    }

                    _brokerErrors?.Clear();
                    return Probed(SinkProbe.Ok);
                }
                catch (KafkaException ex)
                {
                    var failure = ex.Error.Code is ErrorCode.Local_TimedOut or ErrorCode.RequestTimedOut
                        ? new SinkFailure(SinkFailureKind.Transient, Redact($"cannot reach Kafka at {_bootstrap}: no answer to a metadata request within {timeout.TotalSeconds:0.###} s{LastBrokerError()}"))
                        : KafkaErrors.Failure(ex.Error, _bootstrap, _topic, timeout, _brokerErrors?.Last, Redact);
                    return Probed(new SinkProbe(failure));
                }
            },
            cancellationToken);

        string Redact(string text) => KafkaSink.Redact(text, _options.SaslPassword);

        string LastBrokerError() => _brokerErrors?.Last is { } last ? $"; last broker error: {last}" : string.Empty;
    }

    public ValueTask DisposeAsync()
    {
        if (_ownsProducer)
        {
            try
            {
                _producer.Flush(TimeSpan.FromSeconds(5));
            }
            catch (KafkaException)
            {
                // Unsent messages are still pending in the outbox and will be sent again.
            }

            _producer.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    internal static Message<byte[], byte[]> ToMessage(OutboundEvent e, byte[] contentType) => new()
    {
        Key = Encoding.UTF8.GetBytes(e.PartitionKey),
        Value = AsArray(e.Body),
        Headers = new Headers
        {
            { SinkMessages.TableProperty, Encoding.UTF8.GetBytes(e.EventType) },
            { TraceIdHeader, Encoding.UTF8.GetBytes(e.TraceId) },
            { ContentTypeHeader, contentType },
        },
    };

    /// <summary>The body's own array when it spans a whole one (no copy), else a copy.</summary>
    private static byte[] AsArray(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment) && segment.Array is { } array && segment.Offset == 0 && segment.Count == array.Length
            ? array
            : body.ToArray();

    private static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);

    private SendReport BuildReport(IReadOnlyList<OutboundEvent> batch, DeliveryTracker tracker)
    {
        var states = new DeliveryState[batch.Count];
        var reasons = new string?[batch.Count];
        SinkFailure? failure = null;
        for (var i = 0; i < batch.Count; i++)
        {
            if (!tracker.WasAttempted(i))
            {
                continue;
            }

            var error = tracker.ErrorOf(i);
            if (error is null || error.Code == ErrorCode.NoError)
            {
                states[i] = DeliveryState.Delivered;
                continue;
            }

            if (KafkaErrors.ClassOf(error.Code) == KafkaErrorClass.Rejected)
            {
                states[i] = DeliveryState.Rejected;
                reasons[i] = KafkaErrors.RejectionReason(error, batch[i].Body.Length, text => Redact(text, _options.SaslPassword));
                LogRejected(batch[i].TraceId, batch[i].EventType, error.Code, batch[i].Body.Length);
                continue;
            }

            if (error.IsFatal || error.Code == ErrorCode.Local_Fatal)
            {
                _producerBroken = true;
            }

            failure ??= KafkaErrors.Failure(error, _bootstrap, _topic, _options.MessageTimeout, _brokerErrors?.Last, text => Redact(text, _options.SaslPassword));
        }

        PartitionKeyOrder.Enforce(batch, states);
        if (failure is null && states.Contains(DeliveryState.NotDelivered))
        {
            failure = new SinkFailure(SinkFailureKind.Transient, $"Kafka at {_bootstrap}: some events of the batch were not produced");
        }

        var report = failure is null ? new SendReport(batch.Count) : SendReport.Failed(batch.Count, failure);
        for (var i = 0; i < batch.Count; i++)
        {
            if (states[i] == DeliveryState.Delivered)
            {
                report.Delivered(i);
            }
            else if (states[i] == DeliveryState.Rejected)
            {
                report.Rejected(i, reasons[i]!);
            }
        }

        return report;
    }

    private void RebuildIfBroken()
    {
        if (!_producerBroken || _rebuild is null)
        {
            return;
        }

        LogRebuilding(_bootstrap);
        _producer.Dispose();
        _producer = _rebuild();
        _producerBroken = false;
    }

    private SinkProbe Probed(SinkProbe probe)
    {
        if (probe.Failure is { } failure)
        {
            LogProbeFailed(failure.Kind, failure.Message);
        }
        else
        {
            LogProbed(_bootstrap, _topic);
        }

        return probe;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka at {Bootstrap} answered the connection test (topic {Topic} found)")]
    private partial void LogProbed(string bootstrap, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka connection test failed ({Kind}): {Reason}")]
    private partial void LogProbeFailed(SinkFailureKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {Events} events to Kafka ({ElapsedMs:0} ms)")]
    private partial void LogSent(int events, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka send failed ({Kind}): {Reason}; {Delivered} of {Events} events delivered")]
    private partial void LogSendFailed(SinkFailureKind kind, string reason, int delivered, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {TraceId} ({EventType}, {BodyBytes} bytes) rejected by Kafka: {Code}")]
    private partial void LogRejected(string traceId, string eventType, ErrorCode code, int bodyBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recreating the Kafka producer for {Bootstrap} after a fatal error")]
    private partial void LogRebuilding(string bootstrap);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kafka client error {Code} (fatal: {Fatal}): {Reason}")]
    private static partial void LogClientError(ILogger logger, ErrorCode code, bool fatal, string reason);

    [LoggerMessage(Level = LogLevel.Trace, Message = "librdkafka {Level} {Facility}: {Text}")]
    private static partial void LogLibrdkafka(ILogger logger, SyslogLevel level, string facility, string text);
}
