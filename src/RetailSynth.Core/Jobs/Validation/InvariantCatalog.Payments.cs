namespace RetailSynth.Jobs.Validation;

public static partial class InvariantCatalog
{
    /// <summary>§19.4 and §10.6, §15: who pays what, once, and after the purchase.</summary>
    private static IEnumerable<Invariant> Payments()
    {
        yield return Error(4, "payments.receipts.amount",
            "every payment of a receipt carries the receipt's total",
            """
            SELECT count(*) FROM fact_payments p JOIN fact_receipts r USING (receipt_id_ext)
            WHERE p.amount_cents <> r.total_cents
            """);
        yield return ReceiptPayments("payments.sales.approved_once", "every SALE receipt has exactly one APPROVED payment and no refund",
            "SALE", "p.approved = 1 AND p.refunded = 0");
        yield return ReceiptPayments("payments.returns.refunded_once", "every RETURN receipt has exactly one payment, REFUNDED",
            "RETURN", "p.payments = 1 AND p.refunded = 1");
        yield return Error(4, "payments.orders.settled",
            "every online order has one APPROVED payment of its total, or two declines and a CANCELLED status",
            $"""
            {OrderPayments}
            SELECT count(*) FROM fact_online_order_headers o LEFT JOIN p USING (order_id_ext)
            WHERE NOT coalesce(
                p.approved = 1 AND p.approved_total = 1
                OR p.approved = 0 AND p.declined = 2 AND o.order_id_ext IN (SELECT order_id_ext FROM cancelled), false)
            """);
        // A customer cancellation refunds an approved order; a refund falling after the watermark waits in sim_open_orders.
        yield return Error(4, "payments.orders.refund",
            "an online order has one REFUNDED payment of −total exactly when the customer cancelled it after approval (unless the refund is still pending in state)",
            $"""
            {OrderPayments},
            pending AS (SELECT order_id_ext FROM sim_open_orders WHERE next_status = 'REFUNDED')
            SELECT count(*) FROM fact_online_order_headers o LEFT JOIN p USING (order_id_ext)
            WHERE coalesce(p.refunded_total, 0) <> coalesce(p.refunded, 0)
               OR coalesce(p.refunded, 0) <> CASE
                      WHEN p.approved = 1
                       AND o.order_id_ext IN (SELECT order_id_ext FROM cancelled)
                       AND o.order_id_ext NOT IN (SELECT order_id_ext FROM pending) THEN 1
                      ELSE 0 END
            """);
        yield return Error(4, "payments.after_parent",
            "every payment's event_ts is after its receipt's or order's",
            """
            SELECT count(*) FROM fact_payments p
            LEFT JOIN fact_receipts r ON r.receipt_id_ext = p.receipt_id_ext
            LEFT JOIN fact_online_order_headers o ON o.order_id_ext = p.order_id_ext
            WHERE p.event_ts <= coalesce(r.event_ts, o.event_ts)
            """);
    }

    /// <summary>Per online order (<c>p</c>) its APPROVED, DECLINED and REFUNDED payments and those of its ±total; the CANCELLED orders.</summary>
    private const string OrderPayments = """
        WITH p AS (
            SELECT order_id_ext,
                   count(*) FILTER (WHERE p.status = 'APPROVED') AS approved,
                   count(*) FILTER (WHERE p.status = 'APPROVED' AND p.amount_cents = o.total_cents) AS approved_total,
                   count(*) FILTER (WHERE p.status = 'DECLINED') AS declined,
                   count(*) FILTER (WHERE p.status = 'REFUNDED') AS refunded,
                   count(*) FILTER (WHERE p.status = 'REFUNDED' AND p.amount_cents = -o.total_cents) AS refunded_total
            FROM fact_payments p JOIN fact_online_order_headers o USING (order_id_ext) GROUP BY order_id_ext),
        cancelled AS (SELECT order_id_ext FROM fact_online_order_status WHERE status = 'CANCELLED')
        """;

    /// <summary>Receipts of a type whose payments (counted, APPROVED and REFUNDED per receipt) break <paramref name="settled"/>.</summary>
    private static Invariant ReceiptPayments(string id, string description, string receiptType, string settled) =>
        Error(4, id, description,
            $"""
            WITH p AS (
                SELECT receipt_id_ext, count(*) AS payments,
                       count(*) FILTER (WHERE status = 'APPROVED') AS approved, count(*) FILTER (WHERE status = 'REFUNDED') AS refunded
                FROM fact_payments WHERE receipt_id_ext IS NOT NULL GROUP BY receipt_id_ext)
            SELECT count(*) FROM fact_receipts r LEFT JOIN p USING (receipt_id_ext)
            WHERE r.receipt_type = '{receiptType}' AND NOT coalesce({settled}, false)
            """);
}
