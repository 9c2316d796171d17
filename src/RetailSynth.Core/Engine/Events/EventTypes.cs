using System.Collections.Frozen;

namespace RetailSynth.Engine.Events;

/// <summary>
/// Wire names of the 18 event types (events.md §1). The mapping is exhaustive in both directions and has
/// no fallback: anything else throws <see cref="UnknownEventTypeException"/> (E3).
/// </summary>
internal static class EventTypes
{
    public const string ReceiptCreated = "receipt_created";
    public const string ReceiptLineAdded = "receipt_line_added";
    public const string PaymentProcessed = "payment_processed";
    public const string InventoryUpdated = "inventory_updated";
    public const string StockoutDetected = "stockout_detected";
    public const string ReorderTriggered = "reorder_triggered";
    public const string CustomerEntered = "customer_entered";
    public const string CustomerZoneChanged = "customer_zone_changed";
    public const string BlePingDetected = "ble_ping_detected";
    public const string TruckArrived = "truck_arrived";
    public const string TruckDeparted = "truck_departed";
    public const string StoreOpened = "store_opened";
    public const string StoreClosed = "store_closed";
    public const string AdImpression = "ad_impression";
    public const string PromotionApplied = "promotion_applied";
    public const string OnlineOrderCreated = "online_order_created";
    public const string OnlineOrderPicked = "online_order_picked";
    public const string OnlineOrderShipped = "online_order_shipped";

    private static readonly FrozenDictionary<string, EventType> s_byName = Enum.GetValues<EventType>()
        .ToFrozenDictionary(Name, t => t, StringComparer.Ordinal);

    /// <summary>All 18 names, in the order of events.md §6.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<EventType>().Select(Name)];

    public static string Name(EventType type) => type switch
    {
        EventType.ReceiptCreated => ReceiptCreated,
        EventType.ReceiptLineAdded => ReceiptLineAdded,
        EventType.PaymentProcessed => PaymentProcessed,
        EventType.InventoryUpdated => InventoryUpdated,
        EventType.StockoutDetected => StockoutDetected,
        EventType.ReorderTriggered => ReorderTriggered,
        EventType.CustomerEntered => CustomerEntered,
        EventType.CustomerZoneChanged => CustomerZoneChanged,
        EventType.BlePingDetected => BlePingDetected,
        EventType.TruckArrived => TruckArrived,
        EventType.TruckDeparted => TruckDeparted,
        EventType.StoreOpened => StoreOpened,
        EventType.StoreClosed => StoreClosed,
        EventType.AdImpression => AdImpression,
        EventType.PromotionApplied => PromotionApplied,
        EventType.OnlineOrderCreated => OnlineOrderCreated,
        EventType.OnlineOrderPicked => OnlineOrderPicked,
        EventType.OnlineOrderShipped => OnlineOrderShipped,
        _ => throw new UnknownEventTypeException($"Event type value {(int)type} is not one of the 18 event types (events.md §1)."),
    };

    public static bool IsKnown(string? name) => name is not null && s_byName.ContainsKey(name);

    public static bool TryParse(string? name, out EventType type)
    {
        type = default;
        return name is not null && s_byName.TryGetValue(name, out type);
    }

    /// <summary>The type of a wire name; an unknown name (e.g. a dead event requeued from a foreign producer) throws.</summary>
    public static EventType Parse(string? name) => TryParse(name, out var type)
        ? type
        : throw new UnknownEventTypeException(
            $"Unknown event type '{name}': RetailSynth produces only the 18 types of events.md §1 and has no fallback type.");
}
