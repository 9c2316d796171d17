namespace RetailSynth.Core.Tests.Engine.Events;

/// <summary>The payloads of events.md §6 as the shape test expects them: key, JSON type, a trailing ? when nullable.</summary>
internal static class PayloadSchema
{
    public static readonly IReadOnlyDictionary<string, (string Key, string Type)[]> Payloads = new Dictionary<string, (string Key, string Type)[]>
    {
        ["receipt_created"] =
        [
            ("store_id", "integer"),
            ("customer_id", "integer"),
            ("receipt_id", "string"),
            ("subtotal", "money"),
            ("tax", "money"),
            ("total", "money"),
            ("tender_type", "string"),
            ("item_count", "integer"),
            ("campaign_id", "string?"),
            ("impression_id", "string?"),
            ("gross_subtotal_cents", "integer"),
            ("discount_cents", "integer"),
            ("subtotal_cents", "integer"),
            ("tax_cents", "integer"),
            ("total_cents", "integer"),
        ],
        ["receipt_line_added"] =
        [
            ("receipt_id", "string"),
            ("line_number", "integer"),
            ("product_id", "integer"),
            ("quantity", "integer"),
            ("unit_price", "money"),
            ("extended_price", "money"),
            ("promo_code", "string?"),
        ],
        ["payment_processed"] =
        [
            ("receipt_id", "string?"),
            ("order_id", "string?"),
            ("payment_method", "string"),
            ("amount", "money"),
            ("amount_cents", "integer"),
            ("transaction_id", "string"),
            ("processing_time", "timestamp"),
            ("processing_time_ms", "integer"),
            ("status", "string"),
            ("decline_reason", "string?"),
            ("store_id", "integer?"),
            ("customer_id", "integer"),
        ],
        ["inventory_updated"] =
        [
            ("store_id", "integer?"),
            ("dc_id", "integer?"),
            ("product_id", "integer"),
            ("quantity_delta", "integer"),
            ("reason", "string"),
            ("source", "string"),
        ],
        ["stockout_detected"] =
        [
            ("store_id", "integer?"),
            ("dc_id", "integer?"),
            ("product_id", "integer"),
            ("last_known_quantity", "integer"),
            ("detection_time", "timestamp"),
        ],
        ["reorder_triggered"] =
        [
            ("store_id", "integer?"),
            ("dc_id", "integer"),
            ("product_id", "integer"),
            ("current_quantity", "integer"),
            ("reorder_quantity", "integer"),
            ("reorder_point", "integer"),
            ("priority", "string"),
        ],
        ["customer_entered"] =
        [
            ("store_id", "integer"),
            ("sensor_id", "string"),
            ("zone", "string"),
            ("customer_count", "integer"),
            ("dwell_time", "integer"),
        ],
        ["customer_zone_changed"] =
        [
            ("store_id", "integer"),
            ("customer_ble_id", "string"),
            ("from_zone", "string"),
            ("to_zone", "string"),
            ("timestamp", "timestamp"),
        ],
        ["ble_ping_detected"] =
        [
            ("store_id", "integer"),
            ("beacon_id", "string"),
            ("customer_ble_id", "string"),
            ("rssi", "integer"),
            ("zone", "string"),
        ],
        ["truck_arrived"] =
        [
            ("truck_id", "string"),
            ("dc_id", "integer"),
            ("store_id", "integer"),
            ("shipment_id", "string"),
            ("arrival_time", "timestamp"),
            ("estimated_unload_duration", "integer"),
        ],
        ["truck_departed"] =
        [
            ("truck_id", "string"),
            ("dc_id", "integer"),
            ("store_id", "integer"),
            ("shipment_id", "string"),
            ("departure_time", "timestamp"),
            ("actual_unload_duration", "integer"),
        ],
        ["store_opened"] =
        [
            ("store_id", "integer"),
            ("operation_time", "timestamp"),
            ("operation_type", "string"),
        ],
        ["store_closed"] =
        [
            ("store_id", "integer"),
            ("operation_time", "timestamp"),
            ("operation_type", "string"),
        ],
        ["ad_impression"] =
        [
            ("channel", "string"),
            ("campaign_id", "string"),
            ("creative_id", "string"),
            ("customer_ad_id", "string"),
            ("impression_id", "string"),
            ("cost", "money"),
            ("device_type", "string"),
            ("customer_id", "integer?"),
        ],
        ["promotion_applied"] =
        [
            ("receipt_id", "string"),
            ("promo_code", "string"),
            ("discount_amount", "money"),
            ("discount_cents", "integer"),
            ("discount_type", "string"),
            ("product_count", "integer"),
            ("product_ids", "integer[]"),
            ("store_id", "integer"),
            ("customer_id", "integer"),
        ],
        ["online_order_created"] =
        [
            ("order_id", "string"),
            ("customer_id", "integer"),
            ("fulfillment_mode", "string"),
            ("node_type", "string"),
            ("node_id", "integer"),
            ("item_count", "integer"),
            ("subtotal", "money"),
            ("tax", "money"),
            ("total", "money"),
            ("tender_type", "string"),
            ("campaign_id", "string?"),
            ("impression_id", "string?"),
            ("gross_subtotal_cents", "integer"),
            ("discount_cents", "integer"),
            ("subtotal_cents", "integer"),
            ("tax_cents", "integer"),
            ("total_cents", "integer"),
        ],
        ["online_order_picked"] =
        [
            ("order_id", "string"),
            ("node_type", "string"),
            ("node_id", "integer"),
            ("fulfillment_mode", "string"),
            ("picked_time", "timestamp"),
        ],
        ["online_order_shipped"] =
        [
            ("order_id", "string"),
            ("node_type", "string"),
            ("node_id", "integer"),
            ("fulfillment_mode", "string"),
            ("shipped_time", "timestamp"),
        ],
    };

    /// <summary>The ten envelope keys of §2.1, in order.</summary>
    public static readonly string[] Envelope =
    [
        "event_type",
        "payload",
        "trace_id",
        "ingest_timestamp",
        "schema_version",
        "source",
        "correlation_id",
        "partition_key",
        "session_id",
        "parent_event_id",
    ];
}
