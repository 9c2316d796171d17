using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Events;

namespace RetailSynth.Core.Tests.Engine.Events;

/// <summary>events.md E2, E3, §7.5: the 18 types are a closed set with no fallback.</summary>
public class ClosedSetTests
{
    [Fact]
    public void Parsing_an_unknown_event_type_fails_with_a_clear_message()
    {
        var error = Assert.Throws<UnknownEventTypeException>(() => EventTypes.Parse("unknown_event"));
        Assert.Contains("'unknown_event'", error.Message, StringComparison.Ordinal);
        Assert.Contains("18", error.Message, StringComparison.Ordinal);
        Assert.Throws<UnknownEventTypeException>(() => EventTypes.Parse(null));
        Assert.Throws<UnknownEventTypeException>(() => EventTypes.Parse("Receipt_Created"));
    }

    [Fact]
    public void Exactly_the_18_names_are_known_and_each_round_trips()
    {
        Assert.Equal(18, EventTypes.All.Distinct().Count());
        Assert.All(EventTypes.All, name => Assert.Equal(name, EventTypes.Name(EventTypes.Parse(name))));
        Assert.All(EventTypes.All, name => Assert.True(EventTypes.IsKnown(name)));
        Assert.False(EventTypes.IsKnown("unknown_event"));
        Assert.False(EventTypes.IsKnown(""));
        Assert.False(EventTypes.IsKnown(null));
    }

    [Fact]
    public void Naming_or_identifying_an_event_of_an_unknown_type_throws()
    {
        Assert.Throws<UnknownEventTypeException>(() => EventTypes.Name((EventType)18));
        Assert.Throws<UnknownEventTypeException>(() => TraceIds.Compute(EventSamples.DatasetId, "unknown_event", "X"));
    }

    [Fact]
    public void Rows_whose_status_is_outside_the_mapping_fail_instead_of_being_dropped_or_defaulted()
    {
        Assert.Throws<InvalidOperationException>(() => FeedingRows.TruckMove("TELEPORTED"));
        Assert.Throws<InvalidOperationException>(() => FeedingRows.OrderStatus("LOST"));
        Assert.Throws<InvalidOperationException>(() => EventSamples.Build(f => f.StoreOps.Add(new StoreOpFact(3, new DateOnly(2024, 1, 15), "PAUSED", EventSamples.ReceiptTs))));
        Assert.Throws<InvalidOperationException>(() => EventSamples.Build(f => f.Receipts.Add(new ReceiptFact(
            "RCP-X", EventSamples.ReceiptTs, 3, 1, null, "VOID", 0, default, "CASH", null, null, null, null))));
    }

    [Fact]
    public void Rows_that_feed_no_event_produce_none()
    {
        var events = EventSamples.Build(f =>
        {
            foreach (var status in new[] { "SCHEDULED", "LOADING", "IN_TRANSIT", "UNLOADING" })
            {
                f.TruckMoves.Add(new TruckMoveFact("SHP-X", status, EventSamples.ReceiptTs, 1, 1, 1, "DRY", "NORMAL", 1, null, EventSamples.ReceiptTs, EventSamples.ReceiptTs, 30, null));
            }

            f.OnlineOrderStatus.Add(new OnlineOrderStatusFact("ONL-X", "DELIVERED", EventSamples.ReceiptTs, "BOPIS", "STORE", 1));
            f.OnlineOrderStatus.Add(new OnlineOrderStatusFact("ONL-X", "CANCELLED", EventSamples.ReceiptTs, "BOPIS", "STORE", 1));
            f.TruckInventory.Add(new TruckInventoryFact(EventSamples.ReceiptTs, "SHP-X", 1, 5, 1, "LOAD", "DC", 1));
            f.PromoLines.Add(new PromoLineFact("RCP-X", 1, "SAVE10", EventSamples.ReceiptTs, 5, 1, 10));
            f.OnlineOrderLines.Add(new OnlineOrderLineFact("ONL-X", 1, EventSamples.ReceiptTs, 5, 1, 100, default, null));
        });
        Assert.Empty(events);
    }
}
