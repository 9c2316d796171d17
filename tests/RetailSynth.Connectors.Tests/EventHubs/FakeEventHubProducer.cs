using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Producer;

namespace RetailSynth.Connectors.Tests.EventHubs;

/// <summary>
/// An Event Hubs producer without a network: batches come from <see cref="EventHubsModelFactory"/> and measure
/// each event as its body plus <see cref="OverheadBytes"/>; sent batches are recorded in order. <see cref="OnSend"/>
/// may throw to simulate a service error for a given batch.
/// </summary>
internal sealed class FakeEventHubProducer : EventHubProducerClient
{
    public const int OverheadBytes = 50;

    private readonly Lock _gate = new();
    private readonly Dictionary<EventDataBatch, SentBatch> _open = [];
    private readonly List<SentBatch> _sent = [];
    private int _sendCalls;

    public FakeEventHubProducer(long maximumBatchBytes = 1_000)
    {
        MaximumBatchBytes = maximumBatchBytes;
    }

    /// <summary>The hub's limit when the sink does not set one.</summary>
    public long MaximumBatchBytes { get; }

    /// <summary>Called with each batch and the 1-based number of the SendAsync call; throw to fail it.</summary>
    public Action<SentBatch, int>? OnSend { get; set; }

    public IReadOnlyList<SentBatch> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToList();
            }
        }
    }

    public override ValueTask<EventDataBatch> CreateBatchAsync(CreateBatchOptions options, CancellationToken cancellationToken = default)
    {
        var limit = options.MaximumSizeInBytes ?? MaximumBatchBytes;
        var events = new List<EventData>();
        long size = 0;
        var batch = EventHubsModelFactory.EventDataBatch(
            0,
            events,
            new CreateBatchOptions { PartitionKey = options.PartitionKey, MaximumSizeInBytes = limit },
            data =>
            {
                var eventSize = data.EventBody.ToMemory().Length + OverheadBytes;
                if (size + eventSize > limit)
                {
                    return false;
                }

                size += eventSize;
                return true;
            });
        lock (_gate)
        {
            _open[batch] = new SentBatch(options.PartitionKey, events);
        }

        return ValueTask.FromResult(batch);
    }

    public override Task SendAsync(EventDataBatch eventBatch, CancellationToken cancellationToken = default)
    {
        SentBatch sent;
        int call;
        lock (_gate)
        {
            sent = _open[eventBatch];
            call = ++_sendCalls;
        }

        OnSend?.Invoke(sent, call);
        lock (_gate)
        {
            _sent.Add(sent);
        }

        return Task.CompletedTask;
    }

    public sealed record SentBatch(string? PartitionKey, List<EventData> Events);
}
