using System.Runtime.InteropServices;
using Azure.Messaging.EventHubs;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Connectors.EventHubs;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Sinks;
using static RetailSynth.Connectors.Tests.TestEvents;

namespace RetailSynth.Connectors.Tests.EventHubs;

public sealed class EventHubsSinkTests
{
    private const string Secret = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";

    private const string ConnectionString = $"Endpoint=sb://myns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={Secret};EntityPath=hub";

    private static EventHubsSink Sink(FakeEventHubProducer producer, long? maxBatchBytes = null) =>
        new(producer, new EventHubsSinkOptions { ConnectionString = ConnectionString, MaxBatchBytes = maxBatchBytes }, NullLogger<EventHubsSink>.Instance);

    [Fact]
    public async Task A_lease_is_cut_into_batches_per_partition_key_filled_to_the_size_limit_in_order()
    {
        // 150 bytes per event in a 1,000-byte batch: 6 events fit; 40 events over 3 keys (14, 13, 13).
        var producer = new FakeEventHubProducer(maximumBatchBytes: 1_000);
        await using var sink = Sink(producer);
        var batch = Interleaved(40, keys: 3, bodyBytes: 100);

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.Null(report.Failure);
        Assert.Equal(40, report.CountOf(DeliveryState.Delivered));
        var sent = producer.Sent;
        Assert.All(sent, b => Assert.All(b.Events, e => Assert.Equal(b.PartitionKey, batch[(int)Id(e)].PartitionKey)));
        foreach (var key in new[] { "store_0", "store_1", "store_2" })
        {
            var batches = sent.Where(b => b.PartitionKey == key).ToList();
            var ids = batches.SelectMany(b => b.Events).Select(Id).ToList();
            Assert.Equal(batch.Where(e => e.PartitionKey == key).Select(e => e.OutboxId), ids);
            Assert.All(batches.SkipLast(1), b => Assert.Equal(6, b.Events.Count));
        }

        Assert.Equal(3 + 3 + 3, sent.Count);
    }

    [Fact]
    public async Task The_options_batch_limit_is_used_instead_of_the_hubs()
    {
        var producer = new FakeEventHubProducer(maximumBatchBytes: 1_000_000);
        await using var sink = Sink(producer, maxBatchBytes: 450);
        var batch = Interleaved(9, keys: 1, bodyBytes: 100);

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.Equal(9, report.CountOf(DeliveryState.Delivered));
        Assert.Equal([3, 3, 3], producer.Sent.Select(b => b.Events.Count));
    }

    [Fact]
    public async Task Each_event_carries_the_body_bytes_without_a_copy_and_exactly_the_transport_properties()
    {
        var producer = new FakeEventHubProducer();
        await using var sink = Sink(producer);
        var withCorrelation = Event(1, "camp_CMP-20240110", eventType: "ad_impression", correlationId: "JRN-20240114-0001688");
        var without = Event(2, "store_3", eventType: "receipt_line_added");

        await sink.SendAsync([withCorrelation, without], CancellationToken.None);

        var sent = producer.Sent.SelectMany(b => b.Events).ToDictionary(e => e.MessageId);
        var first = sent[withCorrelation.TraceId];
        Assert.Equal("JRN-20240114-0001688", first.CorrelationId);
        Assert.Equal("application/json", first.ContentType);
        Assert.Equal(new Dictionary<string, object> { ["Table"] = "ad_impression" }, first.Properties);
        Assert.True(MemoryMarshal.TryGetArray(withCorrelation.Body, out var original));
        Assert.True(MemoryMarshal.TryGetArray(first.Body, out var carried));
        Assert.Same(original.Array, carried.Array);

        var second = sent[without.TraceId];
        Assert.Null(second.CorrelationId);
        Assert.Equal("receipt_line_added", second.Properties["Table"]);
        Assert.Equal(without.Body.ToArray(), second.EventBody.ToArray());
    }

    [Fact]
    public async Task An_event_too_large_for_an_empty_batch_is_rejected_while_the_rest_are_delivered()
    {
        var producer = new FakeEventHubProducer(maximumBatchBytes: 1_000);
        await using var sink = Sink(producer);
        List<OutboundEvent> batch = [Event(0, "store_1"), Event(1, "store_1", bodyBytes: 5_000), Event(2, "store_1"), Event(3, "store_2")];

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.Null(report.Failure);
        Assert.Equal(DeliveryState.Delivered, report[0]);
        Assert.Equal(DeliveryState.Rejected, report[1]);
        Assert.Equal(DeliveryState.Delivered, report[2]);
        Assert.Equal(DeliveryState.Delivered, report[3]);
        Assert.Contains("5000", report.RejectionReason(1), StringComparison.Ordinal);
        Assert.Contains("1000", report.RejectionReason(1), StringComparison.Ordinal);
        Assert.Equal([0L, 2L], producer.Sent.Where(b => b.PartitionKey == "store_1").SelectMany(b => b.Events).Select(Id));
    }

    [Fact]
    public async Task A_lone_event_the_service_finds_too_large_is_rejected()
    {
        var producer = new FakeEventHubProducer
        {
            OnSend = (b, _) =>
            {
                if (b.Events.Any(e => Id(e) == 1))
                {
                    throw new EventHubsException(false, "hub", "too big", EventHubsException.FailureReason.MessageSizeExceeded);
                }
            },
        };
        await using var sink = Sink(producer);

        var report = await sink.SendAsync([Event(0, "store_1"), Event(1, "store_1"), Event(2, "store_1")], CancellationToken.None);

        // The 3-event batch fails, is retried one by one: 0 and 2 go through, 1 alone is rejected.
        Assert.Null(report.Failure);
        Assert.Equal([DeliveryState.Delivered, DeliveryState.Rejected, DeliveryState.Delivered], Enumerable.Range(0, 3).Select(i => report[i]));
    }

    [Fact]
    public async Task A_failed_send_stops_the_lease_and_no_later_event_of_its_key_is_reported_delivered()
    {
        // 6 events per batch; the second batch of store_1 fails with a throttling error.
        var store1Sends = 0;
        var producer = new FakeEventHubProducer(maximumBatchBytes: 1_000)
        {
            OnSend = (b, _) =>
            {
                if (b.PartitionKey == "store_1" && Interlocked.Increment(ref store1Sends) == 2)
                {
                    throw new EventHubsException(true, "hub", "busy", EventHubsException.FailureReason.ServiceBusy);
                }
            },
        };
        await using var sink = Sink(producer);
        var batch = Interleaved(60, keys: 3);

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.Equal(SinkFailureKind.Transient, report.Failure?.Kind);
        Assert.Contains("busy", report.Failure!.Message, StringComparison.Ordinal);
        AssertKeyOrder(batch, report);
        var store1 = Enumerable.Range(0, batch.Count).Where(i => batch[i].PartitionKey == "store_1").ToList();
        Assert.All(store1.Take(6), i => Assert.Equal(DeliveryState.Delivered, report[i]));
        Assert.All(store1.Skip(6), i => Assert.Equal(DeliveryState.NotDelivered, report[i]));
        var delivered = producer.Sent.SelectMany(b => b.Events).Select(Id).ToHashSet();
        Assert.All(Enumerable.Range(0, batch.Count), i => Assert.Equal(delivered.Contains(i), report[i] == DeliveryState.Delivered));
    }

    [Fact]
    public async Task Refused_access_is_a_configuration_failure_whose_message_hides_the_key()
    {
        var producer = new FakeEventHubProducer { OnSend = (_, _) => throw new UnauthorizedAccessException($"Unauthorized: key {Secret} lacks 'Send'") };
        await using var sink = Sink(producer);

        var report = await sink.SendAsync(Interleaved(3, keys: 1), CancellationToken.None);

        Assert.Equal(SinkFailureKind.Configuration, report.Failure?.Kind);
        Assert.Contains("myns.servicebus.windows.net:5671", report.Failure!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, report.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, report.CountOf(DeliveryState.NotDelivered));
    }

    [Fact]
    public async Task An_empty_lease_sends_nothing()
    {
        var producer = new FakeEventHubProducer();
        await using var sink = Sink(producer);

        var report = await sink.SendAsync([], CancellationToken.None);

        Assert.Equal(0, report.Count);
        Assert.Empty(producer.Sent);
    }

    [Fact]
    public async Task The_per_lease_byte_cap_is_a_few_megabytes_and_never_below_the_batch_limit()
    {
        await using var small = Sink(new FakeEventHubProducer());
        await using var large = Sink(new FakeEventHubProducer(), maxBatchBytes: 16L * 1024 * 1024);

        Assert.Equal(EventHubsSink.DefaultLeaseBytes, small.MaxBatchBytes);
        Assert.Equal(16L * 1024 * 1024, large.MaxBatchBytes);
        Assert.Equal("eventhubs", small.Name);
        Assert.Equal("myns.servicebus.windows.net:5671", small.Endpoint);
    }

    [Fact]
    public async Task Cancellation_is_not_reported_as_a_sink_failure()
    {
        using var cancellation = new CancellationTokenSource();
        var producer = new FakeEventHubProducer { OnSend = (_, _) => cancellation.Cancel() };
        await using var sink = Sink(producer);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sink.SendAsync(Interleaved(10, keys: 1), cancellation.Token));
    }

    private static long Id(EventData data) => long.Parse(data.MessageId[^12..]);
}
