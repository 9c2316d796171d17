namespace RetailSynth.Storage;

/// <summary>The tables that make up a dataset, grouped by what regenerating dimensions must wipe.</summary>
public static class DatasetTables
{
    public static readonly IReadOnlyList<string> Dimensions =
    [
        "dim_geographies", "dim_distribution_centers", "dim_stores", "dim_trucks", "dim_customers", "dim_products",
    ];

    /// <summary>The fact tables, in catalogue order (data-model §7), as <see cref="FactTables"/> lists them.</summary>
    public static readonly IReadOnlyList<string> Facts = [.. FactTables.All.Select(t => t.Name)];

    /// <summary>The simulator state carried from day to day (data-model §17), without the sim_state identity row.</summary>
    public static readonly IReadOnlyList<string> SimulatorState =
    [
        "sim_inventory_balances", "sim_customers", "sim_node_sequences", "sim_trucks", "sim_trips", "sim_open_reorders", "sim_pending_shipments",
        "sim_pending_shipment_lines", "sim_supplier_orders", "sim_open_orders", "sim_scheduled_returns",
        "sim_pending_conversions", "sim_campaigns",
    ];

    /// <summary>The one row saying which region of which dataset the file holds (scale-out §2).</summary>
    public const string RegionIdentity = "sim_region";

    public const string Outbox = "streaming_outbox";
    public const string RelayState = "streaming_relay";
    public const string SentStats = "streaming_sent_stats";

    /// <summary>Key columns, for ordered reads and hashes (the fact tables' from <see cref="FactTables"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> KeyOrder = new Dictionary<string, string>(
        FactTables.All.Select(t => KeyValuePair.Create(t.Name, t.KeyOrder)))
    {
        ["dim_geographies"] = "geography_id",
        ["dim_distribution_centers"] = "dc_id",
        ["dim_stores"] = "store_id",
        ["dim_trucks"] = "truck_id",
        ["dim_customers"] = "customer_id",
        ["dim_products"] = "product_id",

        ["sim_inventory_balances"] = "node_type, node_id, product_id",
        ["sim_customers"] = "customer_id",
        ["sim_node_sequences"] = "node_type, node_id",
        ["sim_trucks"] = "truck_id",
        ["sim_trips"] = "trip_id",
        ["sim_open_reorders"] = "reorder_id",
        ["sim_pending_shipments"] = "shipment_id",
        ["sim_pending_shipment_lines"] = "shipment_id, product_id",
        ["sim_supplier_orders"] = "po_id, product_id",
        ["sim_open_orders"] = "order_id_ext",
        ["sim_scheduled_returns"] = "source_id_ext",
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
