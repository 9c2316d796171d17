namespace RetailSynth.Server.Endpoints;

/// <summary>
/// What events.md §1 and §4 say of each event type in words: the fact rows that feed it and its partition key. The
/// payload keys come from <see cref="Engine.Events.EventCatalog"/>; a test holds these names equal to its 18 types.
/// </summary>
internal static class EventTypeGuide
{
    public sealed record Entry(string Description, string SourceTables, string PartitionKey);

    private const string Store = "store_{store_id}";
    private const string StoreOrDc = "store_{store_id} or dc_{dc_id}";
    private const string Dc = "dc_{dc_id} (shipping DC)";
    private const string Order = "order_{order_id}";

    public static IReadOnlyDictionary<string, Entry> ByName { get; } = new Dictionary<string, Entry>(StringComparer.Ordinal)
    {
        ["receipt_created"] = new("A store sale or return was rung up.", "fact_receipts", Store),
        ["receipt_line_added"] = new("One line of a receipt.", "fact_receipt_lines", Store),
        ["payment_processed"] = new("A tender of a receipt or an online order was processed.", "fact_payments", $"{Store} (receipt) or {Order} (order)"),
        ["inventory_updated"] = new("Stock moved at a store or DC.", "fact_store_inventory_txn, fact_dc_inventory_txn", StoreOrDc),
        ["stockout_detected"] = new("A product ran out at a store or DC.", "fact_stockouts", StoreOrDc),
        ["reorder_triggered"] = new("A store reorder or DC replenishment was raised.", "fact_reorders", StoreOrDc),
        ["customer_entered"] = new("Foot traffic counted at a store entrance.", "fact_foot_traffic", Store),
        ["customer_zone_changed"] = new("A shopper moved to another zone of a store.", "fact_customer_zone_changes", Store),
        ["ble_ping_detected"] = new("A beacon saw a shopper's device.", "fact_ble_pings", Store),
        ["truck_arrived"] = new("A truck arrived at its destination.", "fact_truck_moves (ARRIVED)", Dc),
        ["truck_departed"] = new("A truck finished unloading and left.", "fact_truck_moves (COMPLETED)", Dc),
        ["store_opened"] = new("A store opened for the business day.", "fact_store_ops (OPENED)", Store),
        ["store_closed"] = new("A store closed for the business day.", "fact_store_ops (CLOSED)", Store),
        ["ad_impression"] = new("An ad was shown to a customer.", "fact_marketing", "camp_{campaign_id}"),
        ["promotion_applied"] = new("A promotion was applied to a receipt.", "fact_promotions", Store),
        ["online_order_created"] = new("An online order was placed.", "fact_online_order_headers", Order),
        ["online_order_picked"] = new("An online order was picked.", "fact_online_order_status (PICKED)", Order),
        ["online_order_shipped"] = new("An online order was shipped.", "fact_online_order_status (SHIPPED)", Order),
    };
}
