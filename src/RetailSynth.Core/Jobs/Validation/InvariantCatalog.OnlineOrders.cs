namespace RetailSynth.Jobs.Validation;

public static partial class InvariantCatalog
{
    /// <summary>§19.8 and §15, §16.19: order lifecycles in order, picks not rushed, pickups in opening hours.</summary>
    private static IEnumerable<Invariant> OnlineOrders()
    {
        // Statuses written so far must be a prefix of the mode's sequence, each at a distinct, later instant.
        yield return Error(8, "orders.status_sequence",
            "every order's statuses follow PICKED → SHIPPED → DELIVERED (BOPIS: PICKED → DELIVERED) or are CANCELLED alone, with increasing event_ts",
            """
            WITH s AS (
                SELECT order_id_ext, any_value(fulfillment_mode) AS mode, string_agg(status, '>' ORDER BY event_ts, status) AS sequence,
                       count(*) AS n, count(DISTINCT event_ts) AS instants
                FROM fact_online_order_status GROUP BY order_id_ext)
            SELECT count(*) FROM s
            WHERE n <> instants
               OR NOT (sequence = 'CANCELLED'
                       OR mode = 'BOPIS' AND sequence IN ('PICKED', 'PICKED>DELIVERED')
                       OR mode <> 'BOPIS' AND sequence IN ('PICKED', 'PICKED>SHIPPED', 'PICKED>SHIPPED>DELIVERED'))
            """);
        yield return Error(8, "orders.picked_after_creation",
            "every PICKED is at least 30 minutes after the order's creation",
            """
            SELECT count(*) FROM fact_online_order_status s JOIN fact_online_order_headers o USING (order_id_ext)
            WHERE s.status = 'PICKED' AND s.event_ts < o.event_ts + INTERVAL 30 MINUTE
            """);
        yield return Error(8, "orders.bopis_pickup_in_hours",
            "every BOPIS pickup (DELIVERED) lies between its store's OPENED and CLOSED",
            $"""
            WITH {StoreHours}
            SELECT count(*) FROM fact_online_order_status x ASOF LEFT JOIN hours h ON h.store_id = x.node_id AND x.event_ts >= h.opened
            WHERE x.fulfillment_mode = 'BOPIS' AND x.status = 'DELIVERED' AND NOT coalesce(x.event_ts <= h.closed, false)
            """);
        yield return Error(8, "orders.open_in_state",
            "exactly the orders not yet DELIVERED or CANCELLED are open in sim_open_orders (besides refunds still pending)",
            """
            WITH finished AS (SELECT order_id_ext FROM fact_online_order_status WHERE status IN ('DELIVERED', 'CANCELLED')),
            still_open AS (SELECT order_id_ext FROM sim_open_orders WHERE next_status <> 'REFUNDED')
            SELECT count(*) FROM fact_online_order_headers o
            WHERE (o.order_id_ext IN (SELECT order_id_ext FROM finished)) = (o.order_id_ext IN (SELECT order_id_ext FROM still_open))
            """);
    }
}
