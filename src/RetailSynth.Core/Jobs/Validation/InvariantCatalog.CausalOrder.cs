namespace RetailSynth.Jobs.Validation;

public static partial class InvariantCatalog
{
    /// <summary>
    /// Each store business date's [OPENED, CLOSED] interval. The CLOSED row of the latest business date may
    /// fall after the watermark and not exist yet: that interval stays open (7.store_ops.intervals checks
    /// that only the latest one may lack it).
    /// </summary>
    private const string StoreHours = """
        hours AS (
            SELECT store_id, business_date,
                   min(event_ts) FILTER (WHERE operation_type = 'OPENED') AS opened,
                   coalesce(min(event_ts) FILTER (WHERE operation_type = 'CLOSED'), TIMESTAMP 'infinity') AS closed
            FROM fact_store_ops GROUP BY store_id, business_date)
        """;

    /// <summary>§19.7 and P9: visits before their receipt, customer-facing store activity inside opening hours, returns after sales.</summary>
    private static IEnumerable<Invariant> CausalOrder()
    {
        yield return Error(7, "visits.zone_changes_within_pings",
            "every zone change lies within its visit's first and last BLE ping",
            """
            WITH visits AS (SELECT visit_id, min(event_ts) AS first, max(event_ts) AS last FROM fact_ble_pings GROUP BY visit_id)
            SELECT count(*) FROM fact_customer_zone_changes z LEFT JOIN visits v USING (visit_id)
            WHERE NOT coalesce(z.event_ts BETWEEN v.first AND v.last, false)
            """);
        // A visit and its sale share day, store and sequence: VIS-… ↔ RCP-… (§3.3).
        yield return Error(7, "visits.not_after_receipt",
            "no BLE ping or zone change of a visit is later than the visit's receipt",
            """
            WITH visit_rows AS (
                SELECT visit_id, event_ts FROM fact_ble_pings
                UNION ALL SELECT visit_id, event_ts FROM fact_customer_zone_changes)
            SELECT count(*) FROM visit_rows v JOIN fact_receipts r ON r.receipt_id_ext = 'RCP' || substr(v.visit_id, 4)
            WHERE v.event_ts > r.event_ts
            """);

        yield return Error(7, "store_ops.intervals",
            "every store business date has OPENED before CLOSED, after the previous CLOSED; only the latest may still lack its CLOSED",
            $"""
            WITH days AS (
                SELECT store_id, business_date,
                       min(event_ts) FILTER (WHERE operation_type = 'OPENED') AS opened,
                       min(event_ts) FILTER (WHERE operation_type = 'CLOSED') AS closed
                FROM fact_store_ops GROUP BY store_id, business_date),
            d AS (SELECT *, lag(closed) OVER (PARTITION BY store_id ORDER BY business_date) AS previous_closed FROM days)
            SELECT count(*) FROM d
            WHERE opened IS NULL OR closed <= opened OR opened <= previous_closed
               -- A business date lasts under 25 h (H24 on a DST change), so an older one must have closed.
               OR closed IS NULL AND opened < {WatermarkEnd} - INTERVAL 25 HOUR
            """);
        yield return WithinStoreHours("receipts", "fact_receipts");
        yield return WithinStoreHours("payments", "fact_payments", "x.receipt_id_ext IS NOT NULL");
        yield return WithinStoreHours("promotions", "fact_promotions");
        yield return WithinStoreHours("store_inventory_txn", "fact_store_inventory_txn", "x.reason IN ('SALE', 'RETURN')");
        yield return WithinStoreHours("foot_traffic", "fact_foot_traffic", start: "window_start_ts");
        yield return WithinStoreHours("ble_pings", "fact_ble_pings");
        yield return WithinStoreHours("customer_zone_changes", "fact_customer_zone_changes");

        yield return Error(7, "returns.after_sale",
            "every return is later than its sale, on a later business date",
            $"""
            WITH {StoreHours},
            dated AS (
                SELECT r.receipt_id_ext, r.return_for_receipt_id_ext, r.event_ts, h.business_date
                FROM fact_receipts r ASOF LEFT JOIN hours h ON h.store_id = r.store_id AND r.event_ts >= h.opened)
            SELECT count(*) FROM dated ret JOIN dated sale ON sale.receipt_id_ext = ret.return_for_receipt_id_ext
            WHERE ret.event_ts <= sale.event_ts OR ret.business_date <= sale.business_date
            """);
        // An order id that names no order is the reference check's failure, not this one's.
        yield return Error(7, "returns.after_delivery",
            "every online order is returned after its DELIVERED row, on a later business date than the returning store's local date of it",
            """
            SELECT count(*) FROM fact_receipts r
            JOIN dim_stores s ON s.store_id = r.store_id
            JOIN fact_online_order_headers o ON o.order_id_ext = r.return_for_order_id_ext
            LEFT JOIN fact_online_order_status d ON d.order_id_ext = r.return_for_order_id_ext AND d.status = 'DELIVERED'
            WHERE r.receipt_type = 'RETURN'
              AND NOT coalesce(r.event_ts > d.event_ts
                  AND r.business_date > CAST(timezone(s.time_zone, timezone('UTC', d.event_ts)) AS DATE), false)
            """);
    }

    /// <summary>Rows (optionally filtered) that do not lie inside an [OPENED, CLOSED] interval of their store.</summary>
    private static Invariant WithinStoreHours(string name, string table, string? filter = null, string start = "event_ts") =>
        Error(7, $"store_hours.{name}",
            $"every {table} row{(filter is null ? string.Empty : $" with {filter.Replace("x.", string.Empty, StringComparison.Ordinal)}")} lies between its store's OPENED and CLOSED",
            $"""
            WITH {StoreHours}
            SELECT count(*) FROM {table} x ASOF LEFT JOIN hours h ON h.store_id = x.store_id AND x.{start} >= h.opened
            WHERE {(filter is null ? string.Empty : filter + " AND ")}NOT coalesce(x.event_ts <= h.closed, false)
            """);
}
