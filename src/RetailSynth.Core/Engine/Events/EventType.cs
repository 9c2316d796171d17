namespace RetailSynth.Engine.Events;

/// <summary>The closed set of the 18 event types (events.md §1, E3); names via <see cref="EventTypes"/>.</summary>
public enum EventType
{
    ReceiptCreated,
    ReceiptLineAdded,
    PaymentProcessed,
    InventoryUpdated,
    StockoutDetected,
    ReorderTriggered,
    CustomerEntered,
    CustomerZoneChanged,
    BlePingDetected,
    TruckArrived,
    TruckDeparted,
    StoreOpened,
    StoreClosed,
    AdImpression,
    PromotionApplied,
    OnlineOrderCreated,
    OnlineOrderPicked,
    OnlineOrderShipped,
}
