using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Connectors.Kafka;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Sinks;
using static RetailSynth.Connectors.Tests.TestEvents;

namespace RetailSynth.Connectors.Tests.Kafka;

public sealed class KafkaSinkTests
{
    private const string Secret = "S2Fma2FTZWNyZXRQYXNzd29yZA==";

    private static KafkaSinkOptions Options() => new()
    {
        BootstrapServers = "broker-1:9092",
        Topic = "retail-events",
        SecurityProtocol = "sasl_ssl",
        SaslMechanism = "PLAIN",
        SaslUsername = "user",
        SaslPassword = Secret,
        MessageTimeout = TimeSpan.FromSeconds(7),
    };

    private static KafkaSink Sink(FakeKafkaProducer producer) => new(producer, Options(), NullLogger<KafkaSink>.Instance);

    [Fact]
    public async Task Every_event_is_produced_in_order_with_its_key_body_and_exactly_the_three_headers()
    {
        var producer = new FakeKafkaProducer();
        await using var sink = Sink(producer);
        var batch = new List<OutboundEvent> { Event(1, "store_3", eventType: "receipt_created"), Event(2, "order_ONL-20240115-000117", eventType: "online_order_created", correlationId: "JRN-1") };

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.Null(report.Failure);
        Assert.Equal(2, report.CountOf(DeliveryState.Delivered));
        var produced = producer.Produced;
        Assert.All(produced, p => Assert.Equal("retail-events", p.Topic));
        for (var i = 0; i < batch.Count; i++)
        {
            var message = produced[i].Message;
            Assert.Equal(batch[i].PartitionKey, Encoding.UTF8.GetString(message.Key));
            Assert.Equal(batch[i].Body.ToArray(), message.Value);
            Assert.Equal(
                [("Table", batch[i].EventType), ("trace_id", batch[i].TraceId), ("content-type", "application/json")],
                message.Headers.Select(h => (h.Key, Encoding.UTF8.GetString(h.GetValueBytes()))));
        }
    }

    [Fact]
    public async Task A_body_spanning_a_whole_array_is_produced_without_a_copy()
    {
        var producer = new FakeKafkaProducer();
        await using var sink = Sink(producer);
        var e = Event(1, "store_1");

        await sink.SendAsync([e], CancellationToken.None);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(e.Body, out var segment));
        Assert.Same(segment.Array, producer.Produced[0].Message.Value);
    }

    [Fact]
    public async Task An_oversize_event_is_rejected_while_the_rest_are_delivered()
    {
        var producer = new FakeKafkaProducer { Outcome = (n, _) => n == 1 ? ErrorCode.MsgSizeTooLarge : ErrorCode.NoError };
        await using var sink = Sink(producer);
        var batch = Interleaved(4, keys: 1);

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.Null(report.Failure);
        Assert.Equal([DeliveryState.Delivered, DeliveryState.Rejected, DeliveryState.Delivered, DeliveryState.Delivered], Enumerable.Range(0, 4).Select(i => report[i]));
        Assert.Contains("MsgSizeTooLarge", report.RejectionReason(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_refused_by_the_local_size_check_is_rejected_and_the_rest_still_produced()
    {
        var producer = new FakeKafkaProducer { ThrowOnProduce = n => n == 0 ? ErrorCode.MsgSizeTooLarge : null };
        await using var sink = Sink(producer);

        var report = await sink.SendAsync(Interleaved(3, keys: 1), CancellationToken.None);

        Assert.Null(report.Failure);
        Assert.Equal([DeliveryState.Rejected, DeliveryState.Delivered, DeliveryState.Delivered], Enumerable.Range(0, 3).Select(i => report[i]));
    }

    [Fact]
    public async Task A_timed_out_event_holds_back_later_events_of_its_key_but_not_other_keys()
    {
        // Events 0..9 over keys store_0 and store_1; event 2 (store_0) times out, later ones are acknowledged.
        var producer = new FakeKafkaProducer { Outcome = (n, _) => n == 2 ? ErrorCode.Local_MsgTimedOut : ErrorCode.NoError };
        await using var sink = Sink(producer);
        var batch = Interleaved(10, keys: 2);

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.Equal(SinkFailureKind.Transient, report.Failure?.Kind);
        Assert.Contains("cannot reach Kafka at broker-1:9092", report.Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("7 s", report.Failure.Message, StringComparison.Ordinal);
        AssertKeyOrder(batch, report);
        Assert.Equal(DeliveryState.Delivered, report[0]);
        Assert.All([2, 4, 6, 8], i => Assert.Equal(DeliveryState.NotDelivered, report[i]));
        Assert.All([1, 3, 5, 7, 9], i => Assert.Equal(DeliveryState.Delivered, report[i]));
    }

    [Fact]
    public async Task A_full_queue_stops_producing_and_is_a_transient_failure()
    {
        var producer = new FakeKafkaProducer { ThrowOnProduce = n => n == 3 ? ErrorCode.Local_QueueFull : null };
        await using var sink = Sink(producer);
        var batch = Interleaved(6, keys: 3);

        var report = await sink.SendAsync(batch, CancellationToken.None);

        Assert.Equal(SinkFailureKind.Transient, report.Failure?.Kind);
        Assert.Equal(4, producer.Produced.Count);
        Assert.Equal(3, report.CountOf(DeliveryState.Delivered));
        Assert.Equal(3, report.CountOf(DeliveryState.NotDelivered));
    }

    [Fact]
    public async Task A_missing_topic_is_a_configuration_failure_naming_the_topic()
    {
        var producer = new FakeKafkaProducer { Outcome = (_, _) => ErrorCode.UnknownTopicOrPart };
        await using var sink = Sink(producer);

        var report = await sink.SendAsync(Interleaved(3, keys: 3), CancellationToken.None);

        Assert.Equal(SinkFailureKind.Configuration, report.Failure?.Kind);
        Assert.Contains("topic 'retail-events' does not exist", report.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(3, report.CountOf(DeliveryState.NotDelivered));
    }

    [Fact]
    public async Task Waiting_for_delivery_reports_honours_cancellation()
    {
        var producer = new FakeKafkaProducer { Reports = false };
        await using var sink = Sink(producer);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sink.SendAsync(Interleaved(3, keys: 1), cancellation.Token));
    }

    [Fact]
    public async Task An_injected_producer_is_not_disposed_by_the_sink()
    {
        var producer = new FakeKafkaProducer();
        var sink = Sink(producer);

        await sink.DisposeAsync();

        Assert.False(producer.Disposed);
        Assert.Equal("kafka", sink.Name);
        Assert.Equal(KafkaSink.DefaultLeaseBytes, sink.MaxBatchBytes);
    }
}
