using RetailSynth.Storage.Outbox;
using RetailSynth.Streaming.Sinks;

namespace RetailSynth.Connectors.Kafka;

/// <summary>
/// The ordering rule of streaming.md §4 applied to a finished report: once an event of a partition key is not
/// delivered, no later event of that key may count as delivered (it is sent again with the rest). A rejected
/// event does not hold its key back (the one exception to ordering).
/// </summary>
internal static class PartitionKeyOrder
{
    /// <summary>Downgrades offending states in place; returns how many were downgraded.</summary>
    public static int Enforce(IReadOnlyList<OutboundEvent> batch, DeliveryState[] states)
    {
        HashSet<string>? blocked = null;
        var downgraded = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var key = batch[i].PartitionKey;
            switch (states[i])
            {
                case DeliveryState.NotDelivered:
                    (blocked ??= new HashSet<string>(StringComparer.Ordinal)).Add(key);
                    break;
                case DeliveryState.Delivered when blocked is not null && blocked.Contains(key):
                    states[i] = DeliveryState.NotDelivered;
                    downgraded++;
                    break;
            }
        }

        return downgraded;
    }
}
