namespace RetailSynth.Jobs.Validation;

public static partial class InvariantCatalog
{
    /// <summary>
    /// §19.2, customer 0 (§6.5): dim_customers holds the anonymous shopper, NULL attributes belong to it alone, and it
    /// buys only as a walk-in: never an online order, an impression, a pending conversion or an attributed receipt.
    /// </summary>
    private static IEnumerable<Invariant> AnonymousCustomer()
    {
        yield return Error(2, "customers.anonymous_row",
            "dim_customers holds customer 0, the anonymous shopper (Anonymous Shopper, not opted in)",
            """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM dim_customers)
                AND NOT EXISTS (SELECT 1 FROM dim_customers WHERE customer_id = 0 AND first_name = 'Anonymous' AND last_name = 'Shopper' AND NOT ble_opt_in)
                THEN 1 ELSE 0 END
            """);
        yield return Error(2, "customers.nulls_only_for_anonymous",
            "only customer 0 has NULL attributes (and secondary_store_id only for a single candidate store)",
            """
            SELECT count(*) FROM dim_customers WHERE customer_id <> 0 AND (address IS NULL OR geography_id IS NULL OR latitude IS NULL
                OR longitude IS NULL OR phone IS NULL OR loyalty_card IS NULL OR ble_id IS NULL OR ad_id IS NULL OR shopper_segment IS NULL
                OR mobility_segment IS NULL OR join_date IS NULL OR primary_store_id IS NULL)
            """);
        yield return Error(2, "customers.anonymous_not_online",
            "customer 0 places no online order",
            "SELECT count(*) FROM fact_online_order_headers WHERE customer_id = 0");
        yield return Error(2, "customers.anonymous_not_marketed",
            "customer 0 receives no impression and holds no pending conversion",
            "SELECT (SELECT count(*) FROM fact_marketing WHERE customer_id = 0) + (SELECT count(*) FROM sim_pending_conversions WHERE customer_id = 0)");
        yield return Error(2, "customers.anonymous_not_attributed",
            "no attributed receipt is customer 0's",
            "SELECT count(*) FROM fact_receipts WHERE customer_id = 0 AND (campaign_id IS NOT NULL OR impression_id_ext IS NOT NULL)");
    }

    /// <summary>
    /// §19.11: nothing identified happens before the customer's join_date (receipts, online orders and the attributed
    /// conversions among them), and sim_customers is consistent with §10.7 at the watermark.
    /// </summary>
    private static IEnumerable<Invariant> Customers()
    {
        yield return Error(11, "customers.receipts_after_join",
            "no identified receipt is dated (UTC) before its customer's join_date",
            "SELECT count(*) FROM fact_receipts r JOIN dim_customers c USING (customer_id) WHERE r.customer_id > 0 AND CAST(r.event_ts AS DATE) < c.join_date");
        yield return Error(11, "customers.orders_after_join",
            "no online order is created (UTC date) before its customer's join_date",
            "SELECT count(*) FROM fact_online_order_headers o JOIN dim_customers c USING (customer_id) WHERE CAST(o.event_ts AS DATE) < c.join_date");
        yield return Error(11, "customers.state_covers_customers",
            "after the first day sim_customers has one row for each customer 1…N",
            """
            SELECT CASE WHEN (SELECT max(last_committed_day) FROM sim_state) IS NULL THEN 0 ELSE
                abs((SELECT count(*) FROM dim_customers WHERE customer_id > 0) - (SELECT count(DISTINCT customer_id) FROM sim_customers))
                + (SELECT count(*) - count(DISTINCT customer_id) FROM sim_customers)
                + (SELECT count(*) FROM sim_customers WHERE customer_id NOT IN (SELECT customer_id FROM dim_customers WHERE customer_id > 0)) END
            """);
        yield return Error(11, "customers.state_lifecycle",
            "sim_customers: ACTIVE or DORMANT, next_transition after the watermark, DORMANT until join_date for later joiners, activity in (0, 3], Huff share in [0.5, 1]",
            """
            SELECT count(*) FROM sim_customers s JOIN dim_customers c USING (customer_id)
            CROSS JOIN (SELECT max(last_committed_day) AS day FROM sim_state) w
            WHERE w.day IS NOT NULL AND (s.status NOT IN ('ACTIVE', 'DORMANT') OR s.next_transition <= w.day
                OR (c.join_date > w.day AND (s.status <> 'DORMANT' OR s.next_transition <> c.join_date))
                OR NOT (s.activity > 0 AND s.activity <= 3) OR NOT (s.primary_share >= 0.5 AND s.primary_share <= 1))
            """);
    }
}
