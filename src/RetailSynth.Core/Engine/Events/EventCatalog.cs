using System.Collections.Frozen;

namespace RetailSynth.Engine.Events;

/// <summary>
/// The one declarative definition of every event (events.md §1, §2.1, §4 and §6): the envelope and, per event type, its
/// description, source fact tables, partition key and payload keys in wire order with their kind, nullability and
/// closed set of values. The schema kit and <c>GET /api/stream/event-types</c> are generated from it, and the encoder's
/// tests hold the encoder's output to it key by key, value by value and key by partition key, so none drift apart.
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

    // Partition key patterns of §4; {key} stands for that payload key's value.
    private const string Store = "store_{store_id}";
    private const string Dc = "dc_{dc_id}";
    private const string Order = "order_{order_id}";
    private const string Campaign = "camp_{campaign_id}";

    private static readonly IReadOnlyList<string> s_channels = Enum.GetNames<MarketingChannel>();

    // The header keys that receipt_created and online_order_created share (§6.1, §6.15).
    private static readonly EventField[] s_headerTotals =
    [
        new("subtotal", EventFieldKind.Money),
        new("tax", EventFieldKind.Money),
        new("total", EventFieldKind.Money),
        new("tender_type", EventFieldKind.Text, Values: TenderTypes.All),
    ];

    private static readonly EventField[] s_headerTail =
    [
        new("campaign_id", EventFieldKind.Text, Nullable: true),
        new("impression_id", EventFieldKind.Text, Nullable: true),
        new("gross_subtotal_cents", EventFieldKind.WholeNumber),
        new("discount_cents", EventFieldKind.WholeNumber),
        new("subtotal_cents", EventFieldKind.WholeNumber),
        new("tax_cents", EventFieldKind.WholeNumber),
        new("total_cents", EventFieldKind.WholeNumber),
    ];

    private static readonly FrozenDictionary<EventType, EventDefinition> s_definitions = new Dictionary<EventType, EventDefinition>
    {
        [EventType.ReceiptCreated] = new(
            "A store sale or return was rung up.",
            "fact_receipts",
            [Store],
            [
                new("store_id", EventFieldKind.WholeNumber),
                new("customer_id", EventFieldKind.WholeNumber),
                new("receipt_id", EventFieldKind.Text),
                .. s_headerTotals,
                new("item_count", EventFieldKind.WholeNumber),
                .. s_headerTail,
            ]),
        [EventType.ReceiptLineAdded] = new(
            "One line of a receipt.",
            "fact_receipt_lines",
            [Store],
            [
                new("receipt_id", EventFieldKind.Text),
                new("line_number", EventFieldKind.WholeNumber),
                new("product_id", EventFieldKind.WholeNumber),
                new("quantity", EventFieldKind.WholeNumber),
                new("unit_price", EventFieldKind.Money),
                new("extended_price", EventFieldKind.Money),
                new("promo_code", EventFieldKind.Text, Nullable: true),
            ]),
        [EventType.PaymentProcessed] = new(
            "A tender of a receipt or an online order was processed.",
            "fact_payments",
            [Store, Order],
            [
                new("receipt_id", EventFieldKind.Text, Nullable: true),
                new("order_id", EventFieldKind.Text, Nullable: true),
                new("payment_method", EventFieldKind.Text, Values: TenderTypes.All),
                new("amount", EventFieldKind.Money),
                new("amount_cents", EventFieldKind.WholeNumber),
                new("transaction_id", EventFieldKind.Text),
                new("processing_time", EventFieldKind.Timestamp),
                new("processing_time_ms", EventFieldKind.WholeNumber32),
                new("status", EventFieldKind.Text, Values: PaymentStatuses.All),
                new("decline_reason", EventFieldKind.Text, Nullable: true, Values: DeclineReasons.All),
                new("store_id", EventFieldKind.WholeNumber, Nullable: true),
                new("customer_id", EventFieldKind.WholeNumber),
            ]),
        [EventType.InventoryUpdated] = new(
            "Stock moved at a store or DC.",
            "fact_store_inventory_txn, fact_dc_inventory_txn",
            [Store, Dc],
            [
                new("store_id", EventFieldKind.WholeNumber, Nullable: true),
                new("dc_id", EventFieldKind.WholeNumber, Nullable: true),
                new("product_id", EventFieldKind.WholeNumber),
                new("quantity_delta", EventFieldKind.WholeNumber),
                new("reason", EventFieldKind.Text, Values: InventoryReasons.All),
                new("source", EventFieldKind.Text, ColumnName: "payload_source"),
            ]),
        [EventType.StockoutDetected] = new(
            "A product ran out at a store or DC.",
            "fact_stockouts",
            [Store, Dc],
            [
                new("store_id", EventFieldKind.WholeNumber, Nullable: true),
                new("dc_id", EventFieldKind.WholeNumber, Nullable: true),
                new("product_id", EventFieldKind.WholeNumber),
                new("last_known_quantity", EventFieldKind.WholeNumber),
                new("detection_time", EventFieldKind.Timestamp),
            ]),
        [EventType.ReorderTriggered] = new(
            "A store reorder or DC replenishment was raised.",
            "fact_reorders",
            [Store, Dc],
            [
                new("store_id", EventFieldKind.WholeNumber, Nullable: true),
                new("dc_id", EventFieldKind.WholeNumber),
                new("product_id", EventFieldKind.WholeNumber),
                new("current_quantity", EventFieldKind.WholeNumber),
                new("reorder_quantity", EventFieldKind.WholeNumber),
                new("reorder_point", EventFieldKind.WholeNumber),
                new("priority", EventFieldKind.Text, Values: ReorderPriorities.All),
            ]),
        [EventType.CustomerEntered] = new(
            "Foot traffic counted at a store entrance.",
            "fact_foot_traffic",
            [Store],
            [
                new("store_id", EventFieldKind.WholeNumber),
                new("sensor_id", EventFieldKind.Text),
                new("zone", EventFieldKind.Text, Values: StoreZoneNames.All),
                new("customer_count", EventFieldKind.WholeNumber),
                new("dwell_time", EventFieldKind.WholeNumber),
            ]),
        [EventType.CustomerZoneChanged] = new(
            "A shopper moved to another zone of a store.",
            "fact_customer_zone_changes",
            [Store],
            [
                new("store_id", EventFieldKind.WholeNumber),
                new("customer_ble_id", EventFieldKind.Text),
                new("from_zone", EventFieldKind.Text, Values: StoreZoneNames.All),
                new("to_zone", EventFieldKind.Text, Values: StoreZoneNames.All),
                new("timestamp", EventFieldKind.Timestamp),
            ]),
        [EventType.BlePingDetected] = new(
            "A beacon saw a shopper's device.",
            "fact_ble_pings",
            [Store],
            [
                new("store_id", EventFieldKind.WholeNumber),
                new("beacon_id", EventFieldKind.Text),
                new("customer_ble_id", EventFieldKind.Text),
                new("rssi", EventFieldKind.WholeNumber),
                new("zone", EventFieldKind.Text, Values: StoreZoneNames.All),
            ]),
        [EventType.TruckArrived] = TruckMove("A truck arrived at its destination.", "ARRIVED", "arrival_time", "estimated_unload_duration"),
        [EventType.TruckDeparted] = TruckMove("A truck finished unloading and left.", "COMPLETED", "departure_time", "actual_unload_duration"),
        [EventType.StoreOpened] = StoreOperation("A store opened for the business day.", StoreOperations.Opened),
        [EventType.StoreClosed] = StoreOperation("A store closed for the business day.", StoreOperations.Closed),
        [EventType.AdImpression] = new(
            "An ad was shown to a customer.",
            "fact_marketing",
            [Campaign],
            [
                new("channel", EventFieldKind.Text, Values: s_channels),
                new("campaign_id", EventFieldKind.Text),
                new("creative_id", EventFieldKind.Text),
                new("customer_ad_id", EventFieldKind.Text),
                new("impression_id", EventFieldKind.Text),
                new("cost", EventFieldKind.Money),
                new("device_type", EventFieldKind.Text, Values: DeviceTypes.All),
                new("customer_id", EventFieldKind.WholeNumber, Nullable: true),
            ]),
        [EventType.PromotionApplied] = new(
            "A promotion was applied to a receipt.",
            "fact_promotions",
            [Store],
            [
                new("receipt_id", EventFieldKind.Text),
                new("promo_code", EventFieldKind.Text),
                new("discount_amount", EventFieldKind.Money),
                new("discount_cents", EventFieldKind.WholeNumber),
                new("discount_type", EventFieldKind.Text, Values: DiscountTypes.All),
                new("product_count", EventFieldKind.WholeNumber),
                new("product_ids", EventFieldKind.WholeNumbers),
                new("store_id", EventFieldKind.WholeNumber),
                new("customer_id", EventFieldKind.WholeNumber),
            ]),
        [EventType.OnlineOrderCreated] = new(
            "An online order was placed.",
            "fact_online_order_headers",
            [Order],
            [
                new("order_id", EventFieldKind.Text),
                new("customer_id", EventFieldKind.WholeNumber),
                new("fulfillment_mode", EventFieldKind.Text, Values: FulfillmentModes.All),
                new("node_type", EventFieldKind.Text, Values: NodeTypes.All),
                new("node_id", EventFieldKind.WholeNumber),
                new("item_count", EventFieldKind.WholeNumber),
                .. s_headerTotals,
                .. s_headerTail,
            ]),
        [EventType.OnlineOrderPicked] = OrderStatus("An online order was picked.", "PICKED", "picked_time"),
        [EventType.OnlineOrderShipped] = OrderStatus("An online order was shipped.", "SHIPPED", "shipped_time"),
    }.ToFrozenDictionary();

    /// <summary>truck_arrived or truck_departed: the same keys but for the time and the unload duration.</summary>
    private static EventDefinition TruckMove(string description, string status, string timeKey, string unloadKey) => new(
        description,
        $"fact_truck_moves ({status})",
        [Dc],
        [
            new("truck_id", EventFieldKind.Text),
            new("dc_id", EventFieldKind.WholeNumber),
            new("store_id", EventFieldKind.WholeNumber),
            new("shipment_id", EventFieldKind.Text),
            new(timeKey, EventFieldKind.Timestamp),
            new(unloadKey, EventFieldKind.WholeNumber),
        ]);

    /// <summary>store_opened or store_closed: the same keys, operation_type holding the one operation.</summary>
    private static EventDefinition StoreOperation(string description, string operation) => new(
        description,
        $"fact_store_ops ({operation})",
        [Store],
        [
            new("store_id", EventFieldKind.WholeNumber),
            new("operation_time", EventFieldKind.Timestamp),
            new("operation_type", EventFieldKind.Text, Values: [operation]),
        ]);

    /// <summary>online_order_picked or online_order_shipped: the same keys but for the time.</summary>
    private static EventDefinition OrderStatus(string description, string status, string timeKey) => new(
        description,
        $"fact_online_order_status ({status})",
        [Order],
        [
            new("order_id", EventFieldKind.Text),
            new("node_type", EventFieldKind.Text, Values: NodeTypes.All),
            new("node_id", EventFieldKind.WholeNumber),
            new("fulfillment_mode", EventFieldKind.Text, Values: FulfillmentModes.All),
            new(timeKey, EventFieldKind.Timestamp),
        ]);

    /// <summary>The 18 wire names, in the order of §6.</summary>
    public static IReadOnlyList<string> TypeNames => EventTypes.All;

    /// <summary>The whole definition of one event type.</summary>
    public static EventDefinition Definition(EventType type) => s_definitions[type];

    /// <summary>The whole definition of one event type by wire name; an unknown name throws (E3).</summary>
    public static EventDefinition Definition(string typeName) => s_definitions[EventTypes.Parse(typeName)];

    /// <summary>The payload keys of one event type, in wire order (§6).</summary>
    public static IReadOnlyList<EventField> Payload(EventType type) => s_definitions[type].Payload;

    /// <summary>The payload keys of one event type by wire name; an unknown name throws (E3).</summary>
    public static IReadOnlyList<EventField> Payload(string typeName) => Definition(typeName).Payload;

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
