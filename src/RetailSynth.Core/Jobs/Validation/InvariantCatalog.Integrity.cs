using RetailSynth.Storage;

namespace RetailSynth.Jobs.Validation;

public static partial class InvariantCatalog
{
    /// <summary>§19.2: every reference resolves, every key is unique, every enumeration value is in §3.4.</summary>
    private static IEnumerable<Invariant> Integrity() => [.. References(), .. Keys(), .. Vocabularies()];

    /// <summary>Every DC and store as (type, id): the parent of a node_type/node_id or location_type/location_id pair.</summary>
    private const string Nodes = "(SELECT 'DC' AS type, dc_id AS id FROM dim_distribution_centers UNION ALL SELECT 'STORE', store_id FROM dim_stores)";

    private static IEnumerable<Invariant> References()
    {
        (string Column, string Parent, string Key, string Name, string[] Tables)[] dimensions =
        [
            ("store_id", "dim_stores", "store_id", "store",
            [
                "fact_receipts", "fact_receipt_lines", "fact_payments", "fact_store_inventory_txn", "fact_stockouts", "fact_reorders",
                "fact_truck_moves", "fact_foot_traffic", "fact_ble_pings", "fact_customer_zone_changes", "fact_promotions", "fact_store_ops",
            ]),
            ("dc_id", "dim_distribution_centers", "dc_id", "dc", ["fact_dc_inventory_txn", "fact_stockouts", "fact_reorders", "fact_truck_moves"]),
            ("product_id", "dim_products", "product_id", "product",
            [
                "fact_receipt_lines", "fact_store_inventory_txn", "fact_dc_inventory_txn", "fact_stockouts", "fact_reorders",
                "fact_truck_inventory", "fact_promo_lines", "fact_online_order_lines",
            ]),
            ("customer_id", "dim_customers", "customer_id", "customer",
            [
                "fact_receipts", "fact_payments", "fact_ble_pings", "fact_customer_zone_changes", "fact_marketing", "fact_promotions",
                "fact_online_order_headers",
            ]),
            ("truck_id", "dim_trucks", "truck_id", "truck", ["fact_truck_moves", "fact_truck_inventory"]),
        ];

        foreach (var (column, parent, key, name, tables) in dimensions)
        {
            foreach (var table in tables)
            {
                yield return Reference(table, name, $"every {table}.{column} is in {parent}", parent, $"p.{key} = c.{column}", $"c.{column} IS NOT NULL");
            }
        }

        yield return Reference("fact_receipt_lines", "receipt", "every receipt line belongs to a receipt",
            "fact_receipts", "p.receipt_id_ext = c.receipt_id_ext");
        yield return Reference("fact_receipts", "return_for", "every return_for_receipt_id_ext names a SALE receipt",
            "fact_receipts", "p.receipt_id_ext = c.return_for_receipt_id_ext AND p.receipt_type = 'SALE'", "c.return_for_receipt_id_ext IS NOT NULL");
        yield return Reference("fact_receipts", "return_for_order", "every return_for_order_id_ext names an online order",
            "fact_online_order_headers", "p.order_id_ext = c.return_for_order_id_ext", "c.return_for_order_id_ext IS NOT NULL");
        yield return Error(2, "fk.receipts.return_for_iff_return",
            "exactly the RETURN receipts name what they return, one of a store sale and an online order",
            """
            SELECT count(*) FROM fact_receipts
            WHERE (receipt_type = 'RETURN') <> ((return_for_receipt_id_ext IS NOT NULL) <> (return_for_order_id_ext IS NOT NULL))
               OR (return_for_receipt_id_ext IS NOT NULL AND return_for_order_id_ext IS NOT NULL)
            """);
        yield return Error(2, "fk.payments.parent",
            "every payment belongs to exactly one of a receipt and an online order",
            "SELECT count(*) FROM fact_payments WHERE (receipt_id_ext IS NULL) = (order_id_ext IS NULL)");
        yield return Reference("fact_payments", "receipt", "every payment's receipt_id_ext is in fact_receipts",
            "fact_receipts", "p.receipt_id_ext = c.receipt_id_ext", "c.receipt_id_ext IS NOT NULL");
        yield return Reference("fact_payments", "order", "every payment's order_id_ext is in fact_online_order_headers",
            "fact_online_order_headers", "p.order_id_ext = c.order_id_ext", "c.order_id_ext IS NOT NULL");
        yield return Error(2, "fk.stockouts.node",
            "every stockout names exactly one of a store and a DC",
            "SELECT count(*) FROM fact_stockouts WHERE (store_id IS NULL) = (dc_id IS NULL)");
        yield return Reference("fact_promotions", "receipt", "every promotion belongs to a receipt",
            "fact_receipts", "p.receipt_id_ext = c.receipt_id_ext");
        yield return Reference("fact_promo_lines", "promotion", "every promo line belongs to a promotion of its receipt and code",
            "fact_promotions", "p.receipt_id_ext = c.receipt_id_ext AND p.promo_code = c.promo_code");
        yield return Reference("fact_promo_lines", "receipt_line", "every promo line belongs to a receipt line",
            "fact_receipt_lines", "p.receipt_id_ext = c.receipt_id_ext AND p.line_num = c.line_num");
        yield return Reference("fact_truck_inventory", "shipment", "every truck inventory row belongs to a shipment with truck moves",
            "fact_truck_moves", "p.shipment_id = c.shipment_id");
        yield return Reference("fact_truck_inventory", "location", "every truck inventory location_id is a DC or store of its location_type",
            Nodes, "p.type = c.location_type AND p.id = c.location_id");
        foreach (var table in new[] { "fact_online_order_headers", "fact_online_order_status" })
        {
            yield return Reference(table, "node", $"every {table}.node_id is a DC or store of its node_type",
                Nodes, "p.type = c.node_type AND p.id = c.node_id");
        }

        foreach (var table in new[] { "fact_online_order_lines", "fact_online_order_status" })
        {
            yield return Reference(table, "order", $"every {table} row belongs to an online order header",
                "fact_online_order_headers", "p.order_id_ext = c.order_id_ext");
        }
    }

    /// <summary>Rows of <paramref name="table"/> (alias c), those where <paramref name="present"/> holds if given, that no <paramref name="parent"/> row (alias p) matches.</summary>
    private static Invariant Reference(string table, string name, string description, string parent, string match, string? present = null) =>
        Error(2, $"fk.{Short(table)}.{name}", description,
            $"SELECT count(*) FROM {table} c WHERE {(present is null ? string.Empty : present + " AND ")}NOT EXISTS (SELECT 1 FROM {parent} p WHERE {match})");

    private static IEnumerable<Invariant> Keys() =>
        DatasetTables.Dimensions.Concat(DatasetTables.Facts).Select(table =>
            Error(2, $"key.{table}", $"the key ({DatasetTables.KeyOrder[table]}) of {table} is unique", Duplicates(table, DatasetTables.KeyOrder[table])));

    private static IEnumerable<Invariant> Vocabularies()
    {
        (string Table, string Column, string[] Values)[] columns =
        [
            ("dim_geographies", "region", SpecVocabularies.Regions),
            ("dim_stores", "geography_class", SpecVocabularies.GeographyClasses),
            ("dim_stores", "volume_class", SpecVocabularies.VolumeClasses),
            ("dim_stores", "store_format", SpecVocabularies.StoreFormats),
            ("dim_stores", "hours_class", SpecVocabularies.HoursClasses),
            ("dim_trucks", "fleet_type", SpecVocabularies.FleetTypes),
            ("dim_customers", "shopper_segment", SpecVocabularies.ShopperSegments),
            ("dim_customers", "mobility_segment", SpecVocabularies.MobilitySegments),
            ("dim_products", "merch_group", SpecVocabularies.MerchGroups),
            ("dim_products", "taxability", SpecVocabularies.Taxabilities),
            ("fact_receipts", "receipt_type", SpecVocabularies.ReceiptTypes),
            ("fact_receipts", "tender_type", SpecVocabularies.Tenders),
            ("fact_receipt_lines", "promo_code", SpecVocabularies.StorePromoCodes),
            ("fact_payments", "payment_method", SpecVocabularies.Tenders),
            ("fact_payments", "status", SpecVocabularies.PaymentStatuses),
            ("fact_payments", "decline_reason", SpecVocabularies.DeclineReasons),
            ("fact_store_inventory_txn", "reason", SpecVocabularies.InventoryReasons),
            ("fact_dc_inventory_txn", "reason", SpecVocabularies.InventoryReasons),
            ("fact_reorders", "priority", SpecVocabularies.Priorities),
            ("fact_truck_moves", "status", SpecVocabularies.ShipmentStatuses),
            ("fact_truck_moves", "temperature_class", SpecVocabularies.TemperatureClasses),
            ("fact_truck_moves", "priority", SpecVocabularies.Priorities),
            ("fact_truck_inventory", "action", SpecVocabularies.TruckActions),
            ("fact_truck_inventory", "location_type", SpecVocabularies.LocationTypes),
            ("fact_foot_traffic", "zone", SpecVocabularies.Zones),
            ("fact_ble_pings", "zone", SpecVocabularies.Zones),
            ("fact_customer_zone_changes", "from_zone", SpecVocabularies.Zones),
            ("fact_customer_zone_changes", "to_zone", SpecVocabularies.Zones),
            ("fact_marketing", "campaign_type", SpecVocabularies.CampaignTypes),
            ("fact_marketing", "channel", SpecVocabularies.Channels),
            ("fact_marketing", "device_type", SpecVocabularies.DeviceTypes),
            ("fact_promotions", "promo_code", SpecVocabularies.StorePromoCodes),
            ("fact_promotions", "discount_type", SpecVocabularies.DiscountTypes),
            ("fact_promo_lines", "promo_code", SpecVocabularies.StorePromoCodes),
            ("fact_store_ops", "operation_type", SpecVocabularies.OperationTypes),
            ("fact_online_order_headers", "fulfillment_mode", SpecVocabularies.FulfillmentModes),
            ("fact_online_order_headers", "node_type", SpecVocabularies.NodeTypes),
            ("fact_online_order_headers", "tender_type", SpecVocabularies.Tenders),
            ("fact_online_order_lines", "promo_code", SpecVocabularies.OnlinePromoCodes),
            ("fact_online_order_status", "status", SpecVocabularies.OrderStatuses),
            ("fact_online_order_status", "fulfillment_mode", SpecVocabularies.FulfillmentModes),
            ("fact_online_order_status", "node_type", SpecVocabularies.NodeTypes),
            ("sim_inventory_balances", "node_type", SpecVocabularies.NodeTypes),
            ("sim_node_sequences", "node_type", SpecVocabularies.NodeTypes),
            ("sim_open_reorders", "priority", SpecVocabularies.Priorities),
            ("sim_pending_shipments", "status", SpecVocabularies.PendingShipmentStatuses),
            ("sim_pending_shipments", "temperature_class", SpecVocabularies.TemperatureClasses),
            ("sim_pending_shipments", "priority", SpecVocabularies.Priorities),
            ("sim_open_orders", "fulfillment_mode", SpecVocabularies.FulfillmentModes),
            ("sim_open_orders", "next_status", SpecVocabularies.OpenOrderNextStatuses),
            ("sim_pending_conversions", "target", SpecVocabularies.ConversionTargets),
            ("sim_campaigns", "campaign_type", SpecVocabularies.CampaignTypes),
        ];

        foreach (var (table, column, values) in columns)
        {
            yield return Error(2, $"enum.{Short(table)}.{column}", $"every {table}.{column} is one of {string.Join(", ", values)}",
                $"SELECT count(*) FROM {table} WHERE {column} NOT IN ({InList(values)})");
        }

        yield return Error(2, "enum.payments.decline_reason_iff_declined",
            "a payment has a decline_reason exactly when it is DECLINED",
            "SELECT count(*) FROM fact_payments WHERE (status = 'DECLINED') <> (decline_reason IS NOT NULL)");
        yield return Error(2, "zone_changes.distinct_zones",
            "no zone change has from_zone = to_zone",
            "SELECT count(*) FROM fact_customer_zone_changes WHERE from_zone = to_zone");
    }
}
