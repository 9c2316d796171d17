using System.Diagnostics;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;
using Microsoft.Extensions.Logging;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Connectors.EventHubs;

/// <summary>
/// Sends leases to an Event Hub (streaming.md §6, events.md §2.3). A lease is grouped by partition key (first
/// appearance order); each key's events are packed, in order, into <see cref="EventDataBatch"/>es filled to the
/// size limit and sent one after another, so a key never has an event delivered after an undelivered earlier
/// one. Several keys are sent concurrently. The first sink failure stops the lease: what was sent is reported
/// delivered, the rest not delivered. An event that does not fit an empty batch is rejected (dead-lettered).
/// </summary>
internal sealed partial class EventHubsSink : IEventSink
{
    /// <summary>Default per-lease byte cap: a few hub batches (1 MB each on most tiers).</summary>
    public const long DefaultLeaseBytes = 4L * 1024 * 1024;

    /// <summary>The longest a connection test waits for the hub's answer.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Partition keys sent at the same time within one lease.</summary>
    private const int MaxConcurrentKeys = 4;

    private readonly EventHubProducerClient _producer;
    private readonly EventHubsTarget _target;
    private readonly long? _maxBatchBytes;
    private readonly bool _ownsProducer;
    private readonly ILogger<EventHubsSink> _logger;

    /// <summary>
    /// Uses <paramref name="producer"/> (the test seam: a subclass overriding <c>CreateBatchAsync</c> and <c>SendAsync</c>).
    /// <paramref name="options"/> still names the endpoint for messages and the secrets to keep out of them.
    /// </summary>
    public EventHubsSink(EventHubProducerClient producer, EventHubsSinkOptions options, ILogger<EventHubsSink> logger, bool ownsProducer = false)
        : this(producer, EventHubsTarget.FromOptions(options), options.MaxBatchBytes, logger, ownsProducer)
    {
    }

    private EventHubsSink(EventHubProducerClient producer, EventHubsTarget target, long? maxBatchBytes, ILogger<EventHubsSink> logger, bool ownsProducer)
    {
        _producer = producer;
        _target = target;
        _maxBatchBytes = maxBatchBytes;
        _ownsProducer = ownsProducer;
        _logger = logger;
        MaxBatchBytes = Math.Max(DefaultLeaseBytes, maxBatchBytes ?? 0);
    }

    public string Name => "eventhubs";

    public long MaxBatchBytes { get; }

    /// <summary>The hub and port messages name, e.g. <c>myns.servicebus.windows.net:5671</c>.</summary>
    public string Endpoint => _target.Endpoint;

    /// <summary>
    /// Builds the sink and its client from options: a connection string, or namespace + hub with
    /// <c>DefaultAzureCredential</c>. The client does not retry by itself (the relay does, §4) unless
    /// <paramref name="clientOptions"/> says otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The options are incomplete or malformed (the message never holds a secret).</exception>
    public static EventHubsSink Create(EventHubsSinkOptions options, ILoggerFactory loggers, EventHubProducerClientOptions? clientOptions = null)
    {
        var target = EventHubsTarget.FromOptions(options);
        clientOptions ??= DefaultClientOptions();
        var producer = target.CreateClient(clientOptions);
        return new EventHubsSink(producer, target, options.MaxBatchBytes, loggers.CreateLogger<EventHubsSink>(), ownsProducer: true);
    }

    public static EventHubProducerClientOptions DefaultClientOptions() => new()
    {
        Identifier = "retailsynth",
        RetryOptions = new EventHubsRetryOptions
        {
            MaximumRetries = 0,
            TryTimeout = TimeSpan.FromSeconds(30),
        },
    };

    public async Task<SendReport> SendAsync(IReadOnlyList<OutboundEvent> batch, CancellationToken cancellationToken)
    {
        var report = new SendReport(batch.Count);
        if (batch.Count == 0)
        {
            return report;
        }

        var started = Stopwatch.GetTimestamp();
        var lease = new Lease(batch, report);
        var groups = GroupByPartitionKey(batch);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentKeys, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(groups, parallel, (group, token) => new ValueTask(SendKeyAsync(lease, group, token)));

        if (report.Failure is { } failure)
        {
            var delivered = report.CountOf(DeliveryState.Delivered);
            LogSendFailed(failure.Kind, failure.Message, delivered, batch.Count);
        }
        else
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogSent(batch.Count, groups.Count, lease.Batches, elapsed.TotalMilliseconds);
        }

        return report;
    }

    /// <summary>Reads the hub's properties (its partitions): reaches the namespace, authenticates and finds the hub, sending nothing.</summary>
    public async Task<SinkProbe> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            var properties = await _producer.GetEventHubPropertiesAsync(timeout.Token);
            LogProbed(_target.Endpoint, properties.PartitionIds.Length);
            return SinkProbe.Ok;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = EventHubsErrors.Classify(ex, _target);
            LogProbeFailed(failure.Kind, failure.Message);
            return new SinkProbe(failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsProducer)
        {
            await _producer.DisposeAsync();
        }
    }

    internal static EventData ToEventData(OutboundEvent e)
    {
        var data = new EventData(e.Body)
        {
            MessageId = e.TraceId,
            ContentType = SinkMessages.ContentType,
        };
        if (e.CorrelationId is not null)
        {
            data.CorrelationId = e.CorrelationId;
        }

        data.Properties[SinkMessages.TableProperty] = e.EventType;
        return data;
    }

    private static List<KeyGroup> GroupByPartitionKey(IReadOnlyList<OutboundEvent> batch)
    {
        var groups = new List<KeyGroup>();
        var byKey = new Dictionary<string, KeyGroup>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var key = batch[i].PartitionKey;
            if (!byKey.TryGetValue(key, out var group))
            {
                group = new KeyGroup(key, []);
                byKey.Add(key, group);
                groups.Add(group);
            }

            group.Indices.Add(i);
        }

        return groups;
    }

    /// <summary>Sends one key's events in order; stops at the first failure (its own or another key's).</summary>
    private async Task SendKeyAsync(Lease lease, KeyGroup group, CancellationToken cancellationToken)
    {
        var pending = new List<int>();
        EventDataBatch? current = null;
        try
        {
            foreach (var index in group.Indices)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (lease.Report.Failure is not null)
                {
                    return;
                }

                var data = ToEventData(lease.Events[index]);
                current ??= await CreateBatchAsync(group.Key, cancellationToken);
                if (current.TryAdd(data))
                {
                    pending.Add(index);
                    continue;
                }

                if (pending.Count > 0)
                {
                    if (!await SendBatchAsync(lease, group.Key, current, pending, cancellationToken))
                    {
                        return;
                    }

                    current.Dispose();
                    current = null;
                    pending.Clear();
                    current = await CreateBatchAsync(group.Key, cancellationToken);
                    if (current.TryAdd(data))
                    {
                        pending.Add(index);
                        continue;
                    }
                }

                Reject(lease, index, current.MaximumSizeInBytes);
            }

            if (pending.Count > 0 && current is not null)
            {
                await SendBatchAsync(lease, group.Key, current, pending, cancellationToken);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            lease.Fail(EventHubsErrors.Classify(ex, _target));
        }
        finally
        {
            current?.Dispose();
        }
    }

    /// <summary>Sends <paramref name="batch"/>; false when a sink failure was recorded and the key must stop.</summary>
    private async Task<bool> SendBatchAsync(Lease lease, string key, EventDataBatch batch, List<int> indices, CancellationToken cancellationToken)
    {
        try
        {
            await _producer.SendAsync(batch, cancellationToken);
            lease.AddBatch();
            foreach (var index in indices)
            {
                lease.Report.Delivered(index);
            }

            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && EventHubsErrors.IsMessageSizeExceeded(ex))
        {
            if (indices.Count == 1)
            {
                Reject(lease, indices[0], batch.MaximumSizeInBytes);
                return true;
            }

            // The service measured the batch larger than the client did: retry its events one by one.
            foreach (var index in indices)
            {
                using var single = await CreateBatchAsync(key, cancellationToken);
                if (!single.TryAdd(ToEventData(lease.Events[index])))
                {
                    Reject(lease, index, single.MaximumSizeInBytes);
                    continue;
                }

                if (!await SendBatchAsync(lease, key, single, [index], cancellationToken))
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            lease.Fail(EventHubsErrors.Classify(ex, _target));
            return false;
        }
    }

    private ValueTask<EventDataBatch> CreateBatchAsync(string partitionKey, CancellationToken cancellationToken) =>
        _producer.CreateBatchAsync(new CreateBatchOptions { PartitionKey = partitionKey, MaximumSizeInBytes = _maxBatchBytes }, cancellationToken);

    private void Reject(Lease lease, int index, long limit)
    {
        var e = lease.Events[index];
        var reason = $"event of {e.Body.Length} body bytes (plus properties) does not fit in an empty Event Hubs batch: the limit is {limit} bytes";
        lease.Report.Rejected(index, reason);
        LogRejected(e.TraceId, e.EventType, e.Body.Length, limit);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {Events} events of {Keys} partition keys in {Batches} Event Hubs batches ({ElapsedMs:0} ms)")]
    private partial void LogSent(int events, int keys, int batches, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Hubs send failed ({Kind}): {Reason}; {Delivered} of {Events} events delivered")]
    private partial void LogSendFailed(SinkFailureKind kind, string reason, int delivered, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {TraceId} ({EventType}, {BodyBytes} bytes) rejected: larger than the Event Hubs batch limit of {Limit} bytes")]
    private partial void LogRejected(string traceId, string eventType, int bodyBytes, long limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event Hubs at {Endpoint} answered the connection test ({Partitions} partitions)")]
    private partial void LogProbed(string endpoint, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Hubs connection test failed ({Kind}): {Reason}")]
    private partial void LogProbeFailed(SinkFailureKind kind, string reason);

    private sealed record KeyGroup(string Key, List<int> Indices);

    /// <summary>One SendAsync call: the events, the report they fill, the first failure and a batch count.</summary>
    private sealed class Lease(IReadOnlyList<OutboundEvent> events, SendReport report)
    {
        private readonly Lock _gate = new();
        private int _batches;

        public IReadOnlyList<OutboundEvent> Events { get; } = events;

        public SendReport Report { get; } = report;

        public int Batches => Volatile.Read(ref _batches);

        public void AddBatch() => Interlocked.Increment(ref _batches);

        public void Fail(SinkFailure failure)
        {
            lock (_gate)
            {
                Report.Fail(failure);
            }
        }
    }
}
