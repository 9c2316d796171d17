namespace RetailSynth.Jobs.Validation;

public static partial class InvariantCatalog
{
    /// <summary>§19.3 and §4: integer cents add up, and every DECIMAL is its cents / 100.</summary>
    private static IEnumerable<Invariant> MoneyChecks()
    {
        string[] headerMoney = ["gross_subtotal", "discount_amount", "subtotal", "tax_amount", "total_amount"];
        string[] headerCents = ["gross_subtotal_cents", "discount_cents", "subtotal_cents", "tax_cents", "total_cents"];
        string[] lineMoney = ["unit_price", "gross_amount", "discount_amount", "ext_price", "tax_amount"];
        string[] lineCents = ["unit_cents", "gross_cents", "discount_cents", "ext_cents", "tax_cents"];

        foreach (var headers in new[] { "fact_receipts", "fact_online_order_headers" })
        {
            yield return Error(3, $"money.{Short(headers)}.net", $"every {headers} row has gross − discount = subtotal",
                $"SELECT count(*) FROM {headers} WHERE gross_subtotal_cents - discount_cents <> subtotal_cents");
            yield return Error(3, $"money.{Short(headers)}.total", $"every {headers} row has subtotal + tax = total",
                $"SELECT count(*) FROM {headers} WHERE subtotal_cents + tax_cents <> total_cents");
        }

        foreach (var lines in new[] { "fact_receipt_lines", "fact_online_order_lines" })
        {
            yield return Error(3, $"money.{Short(lines)}.net", $"every {lines} row has gross − discount = ext",
                $"SELECT count(*) FROM {lines} WHERE gross_cents - discount_cents <> ext_cents");
        }

        (string Table, string[] Money, string[] Cents)[] pairs =
        [
            ("fact_receipts", headerMoney, headerCents),
            ("fact_receipt_lines", lineMoney, lineCents),
            ("fact_payments", ["amount"], ["amount_cents"]),
            ("fact_marketing", ["cost"], ["cost_cents"]),
            ("fact_promotions", ["discount_amount"], ["discount_cents"]),
            ("fact_promo_lines", ["discount_amount"], ["discount_cents"]),
            ("fact_online_order_headers", headerMoney, headerCents),
            ("fact_online_order_lines", lineMoney, lineCents),
            ("dim_products", ["cost", "msrp", "sale_price"], ["cost_cents", "msrp_cents", "sale_price_cents"]),
        ];
        foreach (var (table, money, cents) in pairs)
        {
            // × 100 keeps the comparison in exact DECIMAL arithmetic.
            var mismatch = string.Join(" OR ", money.Zip(cents, (m, c) => $"{m} * 100 <> {c}"));
            yield return Error(3, $"decimal.{Short(table)}", $"every money column of {table} equals its cents / 100",
                $"SELECT count(*) FROM {table} WHERE {mismatch}");
        }

        yield return HeaderEqualsLines("fact_receipts", "fact_receipt_lines", "receipt_id_ext", checkLineCount: false);
        yield return HeaderEqualsLines("fact_online_order_headers", "fact_online_order_lines", "order_id_ext", checkLineCount: true);

        yield return Error(3, "sum.promotions.promo_lines",
            "every promotion's discount equals the sum of its promo lines",
            """
            WITH l AS (SELECT receipt_id_ext, promo_code, sum(discount_cents) AS discount FROM fact_promo_lines GROUP BY ALL)
            SELECT count(*) FROM fact_promotions p LEFT JOIN l USING (receipt_id_ext, promo_code)
            WHERE p.discount_cents IS DISTINCT FROM l.discount
            """);
        yield return Error(3, "sum.promo_lines.receipt_line",
            "every promo line carries its receipt line's discount and quantity",
            """
            SELECT count(*) FROM fact_promo_lines p JOIN fact_receipt_lines l USING (receipt_id_ext, line_num)
            WHERE p.discount_cents <> l.discount_cents OR p.quantity <> l.quantity
            """);
        // A receipt carries at most one code (§10.3), so its discount is exactly its promotion's.
        yield return Error(3, "sum.receipts.promotion",
            "every SALE receipt's discount equals its promotion's discount (0 without one)",
            """
            WITH p AS (SELECT receipt_id_ext, sum(discount_cents) AS discount FROM fact_promotions GROUP BY receipt_id_ext)
            SELECT count(*) FROM fact_receipts r LEFT JOIN p USING (receipt_id_ext)
            WHERE r.receipt_type = 'SALE' AND r.discount_cents <> coalesce(p.discount, 0)
            """);
    }

    /// <summary>Headers whose item count, money columns (and line count) differ from their lines' sums; a header without lines counts too.</summary>
    private static Invariant HeaderEqualsLines(string headers, string lines, string id, bool checkLineCount) =>
        Error(3, $"sum.{Short(headers)}.lines", $"every {headers} row equals the sum of its lines (item_count and money{(checkLineCount ? ", line_count" : string.Empty)})",
            $"""
            WITH l AS (
                SELECT {id}, count(*) AS lines, sum(quantity) AS items, sum(gross_cents) AS gross, sum(discount_cents) AS discount,
                       sum(ext_cents) AS net, sum(tax_cents) AS tax
                FROM {lines} GROUP BY {id})
            SELECT count(*) FROM {headers} h LEFT JOIN l USING ({id})
            WHERE h.item_count IS DISTINCT FROM l.items
               OR h.gross_subtotal_cents IS DISTINCT FROM l.gross
               OR h.discount_cents IS DISTINCT FROM l.discount
               OR h.subtotal_cents IS DISTINCT FROM l.net
               OR h.tax_cents IS DISTINCT FROM l.tax
               OR h.total_cents IS DISTINCT FROM l.net + l.tax{(checkLineCount ? "\n   OR h.line_count IS DISTINCT FROM l.lines" : string.Empty)}
            """);
}
