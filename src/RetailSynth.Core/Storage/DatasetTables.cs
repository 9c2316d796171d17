namespace RetailSynth.Storage;

/// <summary>The tables that make up a dataset, grouped by what regenerating dimensions must wipe.</summary>
public static class DatasetTables
{
    public static readonly IReadOnlyList<string> Dimensions =
    [
        "dim_geographies", "dim_distribution_centers", "dim_stores", "dim_trucks", "dim_customers", "dim_products",
    ];

    /// <summary>The fact tables, in catalogue order (data-model §7).</summary>
    public static readonly IReadOnlyList<string> Facts =
    [
        "fact_receipts", "fact_receipt_lines", "fact_payments", "fact_store_inventory_txn", "fact_dc_inventory_txn",
        "fact_stockouts", "fact_reorders", "fact_truck_moves", "fact_truck_inventory", "fact_foot_traffic",
        "fact_ble_pings", "fact_customer_zone_changes", "fact_marketing", "fact_promotions", "fact_promo_lines",
        "fact_store_ops", "fact_online_order_headers", "fact_online_order_lines", "fact_online_order_status",
    ];

    /// <summary>The simulator state carried from day to day (data-model §17), without the sim_state identity row.</summary>
    public static readonly IReadOnlyList<string> SimulatorState =
    [
        "sim_inventory_balances", "sim_node_sequences", "sim_trucks", "sim_open_reorders", "sim_pending_shipments",
        "sim_pending_shipment_lines", "sim_supplier_orders", "sim_open_orders", "sim_scheduled_returns",
        "sim_pending_conversions", "sim_campaigns",
    ];

    public const string Outbox = "streaming_outbox";
    public const string RelayState = "streaming_relay";
    public const string SentStats = "streaming_sent_stats";

    /// <summary>Key columns, for ordered reads and hashes.</summary>
    public static readonly IReadOnlyDictionary<string, string> KeyOrder = new Dictionary<string, string>
    {
        ["dim_geographies"] = "geography_id",
        ["dim_distribution_centers"] = "dc_id",
        ["dim_stores"] = "store_id",
        ["dim_trucks"] = "truck_id",
        ["dim_customers"] = "customer_id",
        ["dim_products"] = "product_id",

        ["fact_receipts"] = "receipt_id_ext",
        ["fact_receipt_lines"] = "receipt_id_ext, line_num",
        ["fact_payments"] = "transaction_id",
        ["fact_store_inventory_txn"] = "store_id, txn_seq",
        ["fact_dc_inventory_txn"] = "dc_id, txn_seq",
        // Exactly one of store_id / dc_id is set, so the pair names the node.
        ["fact_stockouts"] = "coalesce(store_id, 0), coalesce(dc_id, 0), depleting_txn_seq",
        ["fact_reorders"] = "reorder_id",
        ["fact_truck_moves"] = "shipment_id, status",
        ["fact_truck_inventory"] = "shipment_id, product_id, action",
        ["fact_foot_traffic"] = "store_id, window_start_ts, zone",
        ["fact_ble_pings"] = "visit_id, ping_seq",
        ["fact_customer_zone_changes"] = "visit_id, change_seq",
        ["fact_marketing"] = "impression_id_ext",
        ["fact_promotions"] = "receipt_id_ext, promo_code",
        ["fact_promo_lines"] = "receipt_id_ext, line_num, promo_code",
        ["fact_store_ops"] = "store_id, business_date, operation_type",
        ["fact_online_order_headers"] = "order_id_ext",
        ["fact_online_order_lines"] = "order_id_ext, line_num",
        ["fact_online_order_status"] = "order_id_ext, status",

        ["sim_inventory_balances"] = "node_type, node_id, product_id",
        ["sim_node_sequences"] = "node_type, node_id",
        ["sim_trucks"] = "truck_id",
        ["sim_open_reorders"] = "reorder_id",
        ["sim_pending_shipments"] = "shipment_id",
        ["sim_pending_shipment_lines"] = "shipment_id, product_id",
        ["sim_supplier_orders"] = "po_id, product_id",
        ["sim_open_orders"] = "order_id_ext",
        ["sim_scheduled_returns"] = "sale_receipt_id_ext",
        ["sim_pending_conversions"] = "journey_id",
        ["sim_campaigns"] = "campaign_id",

        ["sim_state"] = "dataset_id",
        [Outbox] = "outbox_id",
        [SentStats] = "sim_day, event_type",
    };

    /// <summary>Every table whose rows define the dataset, for the determinism hash (§19.9; the outbox is excluded).</summary>
    public static IReadOnlyList<string> Hashed => [.. Dimensions, .. Facts, .. SimulatorState, "sim_state"];

    /// <summary>Fact, outbox and simulator-state tables: deleted together with dimensions when forced (data-model §6).</summary>
    public static readonly IReadOnlyList<string> DependentOnDimensions = [.. Facts, .. SimulatorState, Outbox, SentStats];
}
