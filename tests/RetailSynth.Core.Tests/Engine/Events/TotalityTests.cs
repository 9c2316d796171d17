using System.Globalization;
using System.Text.Json;
using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Events;

namespace RetailSynth.Core.Tests.Engine.Events;

/// <summary>events.md §7.4 and §7.6 on a generated multi-day dataset (E1, E2, E5, E6).</summary>
public class TotalityTests(GeneratedEvents generated) : IClassFixture<GeneratedEvents>
{
    /// <summary>Feeding rows per type of one day (events.md §1), counted from the facts independently of the builder.</summary>
    private static Dictionary<string, List<DateTime>> FeedingRows(FactBatch f) => new()
    {
        [EventTypes.ReceiptCreated] = [.. f.Receipts.Select(r => r.EventTs)],
        [EventTypes.ReceiptLineAdded] = [.. f.ReceiptLines.Select(r => r.EventTs)],
        [EventTypes.PaymentProcessed] = [.. f.Payments.Select(r => r.EventTs)],
        [EventTypes.InventoryUpdated] = [.. f.StoreInventoryTxns.Concat(f.DcInventoryTxns).Select(r => r.EventTs)],
        [EventTypes.StockoutDetected] = [.. f.Stockouts.Select(r => r.EventTs)],
        [EventTypes.ReorderTriggered] = [.. f.Reorders.Select(r => r.EventTs)],
        [EventTypes.CustomerEntered] = [.. f.FootTraffic.Select(r => r.EventTs)],
        [EventTypes.CustomerZoneChanged] = [.. f.ZoneChanges.Select(r => r.EventTs)],
        [EventTypes.BlePingDetected] = [.. f.BlePings.Select(r => r.EventTs)],
        [EventTypes.TruckArrived] = [.. f.TruckMoves.Where(m => m.Status == "ARRIVED").Select(r => r.EventTs)],
        [EventTypes.TruckDeparted] = [.. f.TruckMoves.Where(m => m.Status == "COMPLETED").Select(r => r.EventTs)],
        [EventTypes.StoreOpened] = [.. f.StoreOps.Where(o => o.OperationType == "OPENED").Select(r => r.EventTs)],
        [EventTypes.StoreClosed] = [.. f.StoreOps.Where(o => o.OperationType == "CLOSED").Select(r => r.EventTs)],
        [EventTypes.AdImpression] = [.. f.Marketing.Select(r => r.EventTs)],
        [EventTypes.PromotionApplied] = [.. f.Promotions.Select(r => r.EventTs)],
        [EventTypes.OnlineOrderCreated] = [.. f.OnlineOrderHeaders.Select(r => r.EventTs)],
        [EventTypes.OnlineOrderPicked] = [.. f.OnlineOrderStatus.Where(s => s.Status == "PICKED").Select(r => r.EventTs)],
        [EventTypes.OnlineOrderShipped] = [.. f.OnlineOrderStatus.Where(s => s.Status == "SHIPPED").Select(r => r.EventTs)],
    };

    [Fact]
    public void Per_type_and_day_there_is_one_event_per_feeding_row_at_the_rows_event_time()
    {
        for (var d = 0; d < GeneratedEvents.Days; d++)
        {
            var rows = FeedingRows(generated.Facts[d]);
            var events = generated.Events[d];
            Assert.Equal(rows.Values.Sum(r => r.Count), events.Count);
            foreach (var (type, times) in rows)
            {
                var built = events.Where(e => e.EventType == type).Select(e => e.EventTs).Order().ToList();
                Assert.Equal(times.Order().ToList(), built);
            }
        }

        // Every type shows up at least once over the days, so the checks above are not vacuous.
        var seen = generated.Events.SelectMany(d => d).Select(e => e.EventType).ToHashSet();
        Assert.Equal(EventTypes.All.Order(), seen.Order());
    }

    [Fact]
    public void Every_event_has_the_contract_shape_and_its_ingest_timestamp_is_its_event_time_inside_the_day()
    {
        foreach (var (e, root) in generated.All())
        {
            using var checkedShape = EventShape.Check(e.Body);
            Assert.Equal(e.EventTs.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), root.GetProperty("ingest_timestamp").GetString());
            Assert.Equal(e.SimDay, DateOnly.FromDateTime(e.EventTs));
            Assert.Equal(e.EventId.ToString(), root.GetProperty("trace_id").GetString());
            Assert.Equal(e.EventType, root.GetProperty("event_type").GetString());
            Assert.Equal(e.PartitionKey, root.GetProperty("partition_key").GetString());
            Assert.Equal(e.CorrelationId, root.GetProperty("correlation_id").GetString());
        }
    }

    [Fact]
    public void Trace_ids_are_unique_across_all_days()
    {
        var ids = generated.Events.SelectMany(d => d).Select(e => e.EventId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Every_parent_is_an_existing_event_that_is_not_later_than_its_child()
    {
        var times = generated.Events.SelectMany(d => d).ToDictionary(e => e.EventId.ToString(), e => e.EventTs, StringComparer.Ordinal);
        var parents = 0;
        foreach (var (e, root) in generated.All())
        {
            if (root.GetProperty("parent_event_id").GetString() is not { } parent)
            {
                continue;
            }

            parents++;
            Assert.True(times.TryGetValue(parent, out var parentTs), $"{e.EventType} {e.EventId}: parent {parent} is no event");
            Assert.True(parentTs <= e.EventTs, $"{e.EventType} {e.EventId} at {e.EventTs:O} precedes its parent at {parentTs:O}");
        }

        Assert.True(parents > 0);
    }

    [Fact]
    public void Partition_keys_take_the_form_of_their_type()
    {
        foreach (var (e, root) in generated.All())
        {
            var p = root.GetProperty("payload");
            string? Text(string key) => p.GetProperty(key).ValueKind == JsonValueKind.Null ? null : p.GetProperty(key).ToString();
            var expected = e.EventType switch
            {
                EventTypes.ReceiptLineAdded => e.PartitionKey.StartsWith("store_", StringComparison.Ordinal) ? e.PartitionKey : "store_…",
                EventTypes.PaymentProcessed => Text("receipt_id") is null ? $"order_{Text("order_id")}" : $"store_{Text("store_id")}",
                EventTypes.InventoryUpdated or EventTypes.StockoutDetected =>
                    Text("store_id") is { } store ? $"store_{store}" : $"dc_{Text("dc_id")}",
                EventTypes.ReorderTriggered => Text("store_id") is { } store ? $"store_{store}" : $"dc_{Text("dc_id")}",
                EventTypes.TruckArrived or EventTypes.TruckDeparted => $"dc_{Text("dc_id")}",
                EventTypes.AdImpression => $"camp_{Text("campaign_id")}",
                EventTypes.OnlineOrderCreated or EventTypes.OnlineOrderPicked or EventTypes.OnlineOrderShipped => $"order_{Text("order_id")}",
                _ => $"store_{Text("store_id")}",
            };
            Assert.Equal(expected, e.PartitionKey);
            Assert.Matches("^(store_[0-9]+|dc_[0-9]+|order_ONL-.+|camp_CMP-.+)$", e.PartitionKey);
        }
    }

    [Fact]
    public void Outbox_ids_increase_strictly_in_order_and_encode_day_and_rank()
    {
        var previous = -1L;
        for (var d = 0; d < GeneratedEvents.Days; d++)
        {
            var events = generated.Events[d];
            for (var rank = 0; rank < events.Count; rank++)
            {
                var e = events[rank];
                Assert.Equal(((long)d << 32) + rank, e.OutboxId);
                Assert.True(e.OutboxId > previous);
                Assert.True(rank == 0 || events[rank - 1].EventTs <= e.EventTs, "outbox order is by event_ts first");
                previous = e.OutboxId;
            }
        }
    }

    [Fact]
    public void Sessions_and_journeys_follow_their_receipt_or_order()
    {
        var receipts = new Dictionary<string, (string? Session, string? Correlation)>(StringComparer.Ordinal);
        var orders = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (e, root) in generated.All())
        {
            var p = root.GetProperty("payload");
            var session = root.GetProperty("session_id").GetString();
            switch (e.EventType)
            {
                case EventTypes.ReceiptCreated:
                    receipts[p.GetProperty("receipt_id").GetString()!] = (session, e.CorrelationId);
                    Assert.Equal(p.GetProperty("receipt_id").GetString()!.StartsWith("RET-", StringComparison.Ordinal), session is null);
                    break;
                case EventTypes.ReceiptLineAdded or EventTypes.PromotionApplied:
                    var receipt = receipts[p.GetProperty("receipt_id").GetString()!];
                    Assert.Equal(receipt.Session, session);
                    Assert.Equal(e.EventType == EventTypes.PromotionApplied ? receipt.Correlation : null, e.CorrelationId);
                    break;
                case EventTypes.PaymentProcessed when p.GetProperty("receipt_id").GetString() is { } paid:
                    Assert.Equal(receipts[paid], (session, e.CorrelationId));
                    break;
                case EventTypes.OnlineOrderCreated:
                    orders[p.GetProperty("order_id").GetString()!] = e.CorrelationId;
                    break;
                case EventTypes.OnlineOrderPicked or EventTypes.OnlineOrderShipped:
                    var order = p.GetProperty("order_id").GetString()!;
                    Assert.Equal(order, session);
                    Assert.Equal(orders[order], e.CorrelationId);
                    break;
                case EventTypes.AdImpression:
                    Assert.StartsWith("JRN-", e.CorrelationId, StringComparison.Ordinal);
                    break;
            }
        }
    }

    [Fact]
    public void Header_money_identities_hold_and_approved_payments_equal_their_total()
    {
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (e, root) in generated.All().Where(x => x.Event.EventType is EventTypes.ReceiptCreated or EventTypes.OnlineOrderCreated))
        {
            var p = root.GetProperty("payload");
            long Cents(string key) => p.GetProperty(key).GetInt64();
            decimal Amount(string key) => decimal.Parse(p.GetProperty(key).GetRawText(), CultureInfo.InvariantCulture);
            Assert.Equal(Cents("subtotal_cents"), Cents("gross_subtotal_cents") - Cents("discount_cents"));
            Assert.Equal(Cents("total_cents"), Cents("subtotal_cents") + Cents("tax_cents"));
            Assert.Equal(Cents("subtotal_cents") / 100m, Amount("subtotal"));
            Assert.Equal(Cents("tax_cents") / 100m, Amount("tax"));
            Assert.Equal(Cents("total_cents") / 100m, Amount("total"));
            totals[p.GetProperty(e.EventType == EventTypes.ReceiptCreated ? "receipt_id" : "order_id").GetString()!] = Amount("total");
        }

        var approved = 0;
        foreach (var (_, root) in generated.All().Where(x => x.Event.EventType == EventTypes.PaymentProcessed))
        {
            var p = root.GetProperty("payload");
            if (p.GetProperty("status").GetString() != "APPROVED")
            {
                continue;
            }

            approved++;
            var parent = p.GetProperty("receipt_id").GetString() ?? p.GetProperty("order_id").GetString()!;
            Assert.Equal(totals[parent], decimal.Parse(p.GetProperty("amount").GetRawText(), CultureInfo.InvariantCulture));
        }

        Assert.True(approved > 0);
    }
}
