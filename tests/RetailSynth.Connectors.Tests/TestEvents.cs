using System.Text;
using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Connectors.Tests;

/// <summary>Outbound events for sink tests: ids, keys and bodies that are easy to trace back.</summary>
internal static class TestEvents
{
    public static OutboundEvent Event(long id, string partitionKey, int bodyBytes = 100, string eventType = "receipt_created", string? correlationId = null)
    {
        var body = new byte[bodyBytes];
        var text = Encoding.UTF8.GetBytes($"{{\"id\":{id}}}");
        body.AsSpan().Fill((byte)' ');
        text.AsSpan(0, Math.Min(text.Length, body.Length)).CopyTo(body);
        return new OutboundEvent(
            id,
            Guid.Parse(TraceId(id)),
            new DateTime(2024, 1, 15, 17, 42, 10, DateTimeKind.Utc),
            new DateOnly(2024, 1, 15),
            eventType,
            partitionKey,
            correlationId,
            body);
    }

    public static string TraceId(long id) => $"00000000-0000-5000-8000-{id:000000000000}";

    /// <summary>Events over <paramref name="keys"/> partition keys, round robin, ids 0..count-1.</summary>
    public static List<OutboundEvent> Interleaved(int count, int keys, int bodyBytes = 100) =>
        Enumerable.Range(0, count).Select(i => Event(i, $"store_{i % keys}", bodyBytes)).ToList();

    /// <summary>The rule of streaming.md §4: no event of a key delivered after an undelivered earlier one.</summary>
    public static void AssertKeyOrder(IReadOnlyList<OutboundEvent> batch, SendReport report)
    {
        var blocked = new HashSet<string>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (report[i] == DeliveryState.NotDelivered)
            {
                blocked.Add(batch[i].PartitionKey);
            }
            else if (report[i] == DeliveryState.Delivered)
            {
                Assert.False(blocked.Contains(batch[i].PartitionKey), $"event {i} of {batch[i].PartitionKey} delivered after an undelivered earlier one");
            }
        }
    }
}
