using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Events;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Core.Tests.Engine.Events;

/// <summary>events.md §7.1: exactly the payload keys of §6 in order with their JSON types, and exactly the ten envelope keys.</summary>
public class ShapeTests
{
    public static TheoryData<string> Types => [.. EventTypes.All];

    [Fact]
    public void The_schema_under_test_covers_exactly_the_18_event_types()
    {
        Assert.Equal(18, EventTypes.All.Count);
        Assert.Equal(EventTypes.All.Order(), PayloadSchema.Payloads.Keys.Order());
        Assert.Equal(EventTypes.All.Order(), EventSamples.Examples.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_type_has_exactly_its_payload_keys_in_order_with_their_json_types(string type)
    {
        var built = EventSamples.Single(EventSamples.Examples[type]);
        using var document = EventShape.Check(built.Body);
        Assert.Equal(type, document.RootElement.GetProperty("event_type").GetString());
    }

    [Fact]
    public void Nullable_fields_are_written_as_null_and_the_other_variant_of_each_source_keeps_the_shape()
    {
        var facts = new FactBatch();
        var t = EventSamples.ReceiptTs;
        facts.Receipts.Add(new ReceiptFact("RCP-X", t, 3, 1, "VIS-X", "SALE", 1, new Money(100, 0, 100, 7, 107), "CASH", null, null, null, null));
        facts.ReceiptLines.Add(new ReceiptLineFact("RCP-X", 1, t.AddMilliseconds(1), 3, 5, 1, 100, new LineMoney(100, 0, 100, 7), null) { VisitId = "VIS-X" });
        facts.Payments.Add(new PaymentFact("TXN-ONL-X-1", t.AddSeconds(2), null, "ONL-X", null, 1, 1, "CREDIT", "DECLINED", "CARD_EXPIRED", 107, 900, null));
        facts.DcInventoryTxns.Add(new InventoryTxnFact(2, 7, t, 5, 40, "INBOUND_SHIPMENT", "PO-X", 40));
        facts.Stockouts.Add(new StockoutFact(t.AddMilliseconds(1), null, 2, 5, 3, 8));
        facts.Reorders.Add(new ReorderFact("RO-X", t, null, 2, 5, 0, 0, 10, 50, "NORMAL", "PO-X"));
        facts.Marketing.Add(new MarketingFact("IMP-X", t, "CMP-X", "BRAND", "DISPLAY", "CRV-X", "AD-X", null, "DESKTOP", 3, "JRN-X"));
        var rank = 0L;
        var events = new HourEventBuilder(EventSamples.DatasetId, EventSamples.StartDate).Build(facts, new DateOnly(2024, 1, 15), ref rank);
        Assert.Equal(7, events.Count);
        foreach (var e in events)
        {
            using var document = EventShape.Check(e.Body);
        }
    }
}
