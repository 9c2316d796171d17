namespace RetailSynth.Jobs.Validation;

public static partial class InvariantCatalog
{
    // Methods, not static fields: InvariantCatalog.All is built from them in another part's static initialiser,
    // which may run before this part's fields are set.

    /// <summary>
    /// Each fact table with the expression naming the IANA zone of a row's node (data-model §2.3) and the joins that
    /// reach it; a row whose node does not resolve has a NULL zone and counts as mislabelled.
    /// </summary>
    private static (string Table, string Zone, string Joins)[] LabelNodes() =>
    [
        ("fact_receipts", "s.time_zone", StoreOf("f.store_id")),
        ("fact_receipt_lines", "s.time_zone", StoreOf("f.store_id")),
        ("fact_payments", "CASE WHEN f.store_id IS NOT NULL THEN s.time_zone ELSE n.time_zone END",
            StoreOf("f.store_id") + " LEFT JOIN fact_online_order_headers h ON h.order_id_ext = f.order_id_ext" + NodeOf("h")),
        ("fact_store_inventory_txn", "s.time_zone", StoreOf("f.store_id")),
        ("fact_dc_inventory_txn", "d.time_zone", DcOf("f.dc_id")),
        ("fact_stockouts", "CASE WHEN f.store_id IS NOT NULL THEN s.time_zone ELSE d.time_zone END", StoreOf("f.store_id") + DcOf("f.dc_id")),
        ("fact_reorders", "CASE WHEN f.store_id IS NOT NULL THEN s.time_zone ELSE d.time_zone END", StoreOf("f.store_id") + DcOf("f.dc_id")),
        ("fact_truck_moves", "CASE WHEN f.status IN ('SCHEDULED', 'LOADING', 'IN_TRANSIT') THEN d.time_zone ELSE s.time_zone END",
            StoreOf("f.store_id") + DcOf("f.dc_id")),
        ("fact_truck_inventory", "CASE f.location_type WHEN 'STORE' THEN s.time_zone WHEN 'DC' THEN d.time_zone END",
            StoreOf("f.location_id") + DcOf("f.location_id")),
        ("fact_foot_traffic", "s.time_zone", StoreOf("f.store_id")),
        ("fact_ble_pings", "s.time_zone", StoreOf("f.store_id")),
        ("fact_customer_zone_changes", "s.time_zone", StoreOf("f.store_id")),

        // customer_id is often NULL on an impression; its ad id names the targeted customer, whose home geography
        // gives the zone.
        ("fact_marketing", "g.time_zone",
            " LEFT JOIN dim_customers c ON c.ad_id = f.customer_ad_id LEFT JOIN dim_geographies g ON g.geography_id = c.geography_id"),
        ("fact_promotions", "s.time_zone", StoreOf("f.store_id")),
        ("fact_promo_lines", "s.time_zone", " LEFT JOIN fact_receipts r ON r.receipt_id_ext = f.receipt_id_ext" + StoreOf("r.store_id")),
        ("fact_store_ops", "s.time_zone", StoreOf("f.store_id")),
        ("fact_online_order_headers", "n.time_zone", NodeOf("f")),
        ("fact_online_order_lines", "n.time_zone", " LEFT JOIN fact_online_order_headers h ON h.order_id_ext = f.order_id_ext" + NodeOf("h")),
        ("fact_online_order_status", "n.time_zone", NodeOf("f")),
    ];

    /// <summary>Customer-facing store rows (§2.3): none on a Dec 25 business date, when stores are closed (§9.2).</summary>
    private static (string Table, string Where)[] CustomerFacing() =>
    [
        ("fact_receipts", "true"),
        ("fact_receipt_lines", "true"),
        ("fact_payments", "store_id IS NOT NULL"),
        ("fact_promotions", "true"),
        ("fact_promo_lines", "true"),
        ("fact_ble_pings", "true"),
        ("fact_customer_zone_changes", "true"),
        ("fact_foot_traffic", "true"),
        ("fact_store_ops", "true"),
        ("fact_store_inventory_txn", "reason IN ('SALE', 'RETURN')"),
    ];

    /// <summary>§19.10: every fact row's business_date and local_hour follow §2.3; no customer-facing store row on Dec 25.</summary>
    private static IEnumerable<Invariant> LocalLabels()
    {
        foreach (var (table, zone, joins) in LabelNodes())
        {
            // A CLOSED row keeps its opening business date: a close at local 24:00 is 00:00 of the next local date,
            // and every store closes by then (§2.2), so one second earlier is always on the opening date.
            var keepsOpeningDate = table == "fact_store_ops" ? "f.operation_type = 'CLOSED'" : "false";
            yield return Error(10, $"labels.{Short(table)}",
                $"every {table} row's business_date and local_hour are those of its event_ts in its node's zone",
                $"""
                SELECT count(*) FROM (
                    SELECT f.business_date, f.local_hour, {keepsOpeningDate} AS keeps_opening_date,
                           timezone({zone}, timezone('UTC', f.event_ts)) AS local_ts
                    FROM {table} f{joins}) l
                WHERE l.business_date IS DISTINCT FROM CAST(CASE WHEN l.keeps_opening_date THEN l.local_ts - INTERVAL 1 SECOND ELSE l.local_ts END AS DATE)
                   OR l.local_hour IS DISTINCT FROM hour(l.local_ts)
                """);
        }

        foreach (var (table, where) in CustomerFacing())
        {
            yield return Error(10, $"christmas.{Short(table)}",
                $"no customer-facing {table} row has a Dec 25 business date",
                $"SELECT count(*) FROM {table} WHERE {where} AND month(business_date) = 12 AND day(business_date) = 25");
        }
    }

    private static string StoreOf(string storeId) => $" LEFT JOIN dim_stores s ON s.store_id = {storeId}";

    private static string DcOf(string dcId) => $" LEFT JOIN dim_distribution_centers d ON d.dc_id = {dcId}";

    /// <summary>The zone of an online order's fulfilling node, from the row <paramref name="alias"/> holding node_type and node_id.</summary>
    private static string NodeOf(string alias) =>
        $" LEFT JOIN (SELECT 'STORE' AS node_type, store_id AS node_id, time_zone FROM dim_stores"
        + $" UNION ALL SELECT 'DC', dc_id, time_zone FROM dim_distribution_centers) n ON n.node_type = {alias}.node_type AND n.node_id = {alias}.node_id";
}
