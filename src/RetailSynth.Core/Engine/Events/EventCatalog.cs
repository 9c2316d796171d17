using System.Collections.Frozen;

namespace RetailSynth.Engine.Events;

/// <summary>
/// The declarative definition of every event's keys (events.md §2.1 and §6): the envelope and, per event type, the
/// payload keys in wire order with their kind and nullability. The schema kit generates its documents from it, and
/// the encoder's tests hold the encoder's output to it key by key, so the two never drift apart.
/// </summary>
public static class EventCatalog
{
    /// <summary>The version written into every envelope's <c>schema_version</c>.</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>The value of every envelope's <c>source</c>.</summary>
    public const string Source = "retailsynth";

    /// <summary>The ten envelope keys of §2.1, in wire order.</summary>
    public static IReadOnlyList<EventField> Envelope { get; } =
    [
        new("event_type", EventFieldKind.Text),
        new("payload", EventFieldKind.Nested),
        new("trace_id", EventFieldKind.Text),
        new("ingest_timestamp", EventFieldKind.Timestamp),
        new("schema_version", EventFieldKind.Text),
        new("source", EventFieldKind.Text),
        new("correlation_id", EventFieldKind.Text, Nullable: true),
        new("partition_key", EventFieldKind.Text),
        new("session_id", EventFieldKind.Text, Nullable: true),
        new("parent_event_id", EventFieldKind.Text, Nullable: true),
    ];

    private static readonly FrozenDictionary<EventType, IReadOnlyList<EventField>> s_payloads = new Dictionary<EventType, IReadOnlyList<EventField>>
    {
        [EventType.ReceiptCreated] =
        [
            new("store_id", EventFieldKind.WholeNumber),
            new("customer_id", EventFieldKind.WholeNumber),
            new("receipt_id", EventFieldKind.Text),
            new("subtotal", EventFieldKind.Money),
            new("tax", EventFieldKind.Money),
            new("total", EventFieldKind.Money),
            new("tender_type", EventFieldKind.Text),
            new("item_count", EventFieldKind.WholeNumber),
            new("campaign_id", EventFieldKind.Text, Nullable: true),
            new("impression_id", EventFieldKind.Text, Nullable: true),
            new("gross_subtotal_cents", EventFieldKind.WholeNumber),
            new("discount_cents", EventFieldKind.WholeNumber),
            new("subtotal_cents", EventFieldKind.WholeNumber),
            new("tax_cents", EventFieldKind.WholeNumber),
            new("total_cents", EventFieldKind.WholeNumber),
        ],
        [EventType.ReceiptLineAdded] =
        [
            new("receipt_id", EventFieldKind.Text),
            new("line_number", EventFieldKind.WholeNumber),
            new("product_id", EventFieldKind.WholeNumber),
            new("quantity", EventFieldKind.WholeNumber),
            new("unit_price", EventFieldKind.Money),
            new("extended_price", EventFieldKind.Money),
            new("promo_code", EventFieldKind.Text, Nullable: true),
        ],
        [EventType.PaymentProcessed] =
        [
            new("receipt_id", EventFieldKind.Text, Nullable: true),
            new("order_id", EventFieldKind.Text, Nullable: true),
            new("payment_method", EventFieldKind.Text),
            new("amount", EventFieldKind.Money),
            new("amount_cents", EventFieldKind.WholeNumber),
            new("transaction_id", EventFieldKind.Text),
            new("processing_time", EventFieldKind.Timestamp),
            new("processing_time_ms", EventFieldKind.WholeNumber32),
            new("status", EventFieldKind.Text),
            new("decline_reason", EventFieldKind.Text, Nullable: true),
            new("store_id", EventFieldKind.WholeNumber, Nullable: true),
            new("customer_id", EventFieldKind.WholeNumber),
        ],
        [EventType.InventoryUpdated] =
        [
            new("store_id", EventFieldKind.WholeNumber, Nullable: true),
            new("dc_id", EventFieldKind.WholeNumber, Nullable: true),
            new("product_id", EventFieldKind.WholeNumber),
            new("quantity_delta", EventFieldKind.WholeNumber),
            new("reason", EventFieldKind.Text),
            new("source", EventFieldKind.Text, ColumnName: "payload_source"),
        ],
        [EventType.StockoutDetected] =
        [
            new("store_id", EventFieldKind.WholeNumber, Nullable: true),
            new("dc_id", EventFieldKind.WholeNumber, Nullable: true),
            new("product_id", EventFieldKind.WholeNumber),
            new("last_known_quantity", EventFieldKind.WholeNumber),
            new("detection_time", EventFieldKind.Timestamp),
        ],
        [EventType.ReorderTriggered] =
        [
            new("store_id", EventFieldKind.WholeNumber, Nullable: true),
            new("dc_id", EventFieldKind.WholeNumber),
            new("product_id", EventFieldKind.WholeNumber),
            new("current_quantity", EventFieldKind.WholeNumber),
            new("reorder_quantity", EventFieldKind.WholeNumber),
            new("reorder_point", EventFieldKind.WholeNumber),
            new("priority", EventFieldKind.Text),
        ],
        [EventType.CustomerEntered] =
        [
            new("store_id", EventFieldKind.WholeNumber),
            new("sensor_id", EventFieldKind.Text),
            new("zone", EventFieldKind.Text),
            new("customer_count", EventFieldKind.WholeNumber),
            new("dwell_time", EventFieldKind.WholeNumber),
        ],
        [EventType.CustomerZoneChanged] =
        [
            new("store_id", EventFieldKind.WholeNumber),
            new("customer_ble_id", EventFieldKind.Text),
            new("from_zone", EventFieldKind.Text),
            new("to_zone", EventFieldKind.Text),
            new("timestamp", EventFieldKind.Timestamp),
        ],
        [EventType.BlePingDetected] =
        [
            new("store_id", EventFieldKind.WholeNumber),
            new("beacon_id", EventFieldKind.Text),
            new("customer_ble_id", EventFieldKind.Text),
            new("rssi", EventFieldKind.WholeNumber),
            new("zone", EventFieldKind.Text),
        ],
        [EventType.TruckArrived] =
        [
            new("truck_id", EventFieldKind.Text),
            new("dc_id", EventFieldKind.WholeNumber),
            new("store_id", EventFieldKind.WholeNumber),
            new("shipment_id", EventFieldKind.Text),
            new("arrival_time", EventFieldKind.Timestamp),
            new("estimated_unload_duration", EventFieldKind.WholeNumber),
        ],
        [EventType.TruckDeparted] =
        [
            new("truck_id", EventFieldKind.Text),
            new("dc_id", EventFieldKind.WholeNumber),
            new("store_id", EventFieldKind.WholeNumber),
            new("shipment_id", EventFieldKind.Text),
            new("departure_time", EventFieldKind.Timestamp),
            new("actual_unload_duration", EventFieldKind.WholeNumber),
        ],
        [EventType.StoreOpened] =
        [
            new("store_id", EventFieldKind.WholeNumber),
            new("operation_time", EventFieldKind.Timestamp),
            new("operation_type", EventFieldKind.Text),
        ],
        [EventType.StoreClosed] =
        [
            new("store_id", EventFieldKind.WholeNumber),
            new("operation_time", EventFieldKind.Timestamp),
            new("operation_type", EventFieldKind.Text),
        ],
        [EventType.AdImpression] =
        [
            new("channel", EventFieldKind.Text),
            new("campaign_id", EventFieldKind.Text),
            new("creative_id", EventFieldKind.Text),
            new("customer_ad_id", EventFieldKind.Text),
            new("impression_id", EventFieldKind.Text),
            new("cost", EventFieldKind.Money),
            new("device_type", EventFieldKind.Text),
            new("customer_id", EventFieldKind.WholeNumber, Nullable: true),
        ],
        [EventType.PromotionApplied] =
        [
            new("receipt_id", EventFieldKind.Text),
            new("promo_code", EventFieldKind.Text),
            new("discount_amount", EventFieldKind.Money),
            new("discount_cents", EventFieldKind.WholeNumber),
            new("discount_type", EventFieldKind.Text),
            new("product_count", EventFieldKind.WholeNumber),
            new("product_ids", EventFieldKind.WholeNumbers),
            new("store_id", EventFieldKind.WholeNumber),
            new("customer_id", EventFieldKind.WholeNumber),
        ],
        [EventType.OnlineOrderCreated] =
        [
            new("order_id", EventFieldKind.Text),
            new("customer_id", EventFieldKind.WholeNumber),
            new("fulfillment_mode", EventFieldKind.Text),
            new("node_type", EventFieldKind.Text),
            new("node_id", EventFieldKind.WholeNumber),
            new("item_count", EventFieldKind.WholeNumber),
            new("subtotal", EventFieldKind.Money),
            new("tax", EventFieldKind.Money),
            new("total", EventFieldKind.Money),
            new("tender_type", EventFieldKind.Text),
            new("campaign_id", EventFieldKind.Text, Nullable: true),
            new("impression_id", EventFieldKind.Text, Nullable: true),
            new("gross_subtotal_cents", EventFieldKind.WholeNumber),
            new("discount_cents", EventFieldKind.WholeNumber),
            new("subtotal_cents", EventFieldKind.WholeNumber),
            new("tax_cents", EventFieldKind.WholeNumber),
            new("total_cents", EventFieldKind.WholeNumber),
        ],
        [EventType.OnlineOrderPicked] =
        [
            new("order_id", EventFieldKind.Text),
            new("node_type", EventFieldKind.Text),
            new("node_id", EventFieldKind.WholeNumber),
            new("fulfillment_mode", EventFieldKind.Text),
            new("picked_time", EventFieldKind.Timestamp),
        ],
        [EventType.OnlineOrderShipped] =
        [
            new("order_id", EventFieldKind.Text),
            new("node_type", EventFieldKind.Text),
            new("node_id", EventFieldKind.WholeNumber),
            new("fulfillment_mode", EventFieldKind.Text),
            new("shipped_time", EventFieldKind.Timestamp),
        ],
    }.ToFrozenDictionary();

    /// <summary>The 18 wire names, in the order of §6.</summary>
    public static IReadOnlyList<string> TypeNames => EventTypes.All;

    /// <summary>The payload keys of one event type, in wire order (§6).</summary>
    public static IReadOnlyList<EventField> Payload(EventType type) => s_payloads[type];

    /// <summary>The payload keys of one event type by wire name; an unknown name throws (E3).</summary>
    public static IReadOnlyList<EventField> Payload(string typeName) => s_payloads[EventTypes.Parse(typeName)];

    /// <summary>
    /// The downstream table of one event type (events.md §7.2): the payload keys (path <c>$.payload.key</c>), then the
    /// nine envelope keys other than <c>payload</c> (path <c>$.key</c>), each with its column and type.
    /// </summary>
    public static IReadOnlyList<(EventField Field, string Path)> Columns(string typeName) =>
    [
        .. Payload(typeName).Select(f => (f, "$.payload." + f.Name)),
        .. Envelope.Where(f => f.Kind != EventFieldKind.Nested).Select(f => (f, "$." + f.Name)),
    ];
}
