namespace RetailSynth.Jobs.Validation;

public static partial class InvariantCatalog
{
    /// <summary>§19.4 and §11: a return gives back lines of what it returns, never more and never at other amounts.</summary>
    private static IEnumerable<Invariant> ReturnLines()
    {
        // Return lines are renumbered 1…k (§11), so a line is matched by its content: the same product and unit price,
        // quantity and every cent amount negated. Counted as multisets, so a sale line cannot be given back twice.
        yield return Error(4, "returns.lines_mirror_source",
            "every RETURN line is a line of the sale or online order it returns, with the same product and unit price, quantity and cents negated",
            """
            WITH returned AS (
                SELECT coalesce(r.return_for_receipt_id_ext, r.return_for_order_id_ext) AS source_id, l.product_id, -l.quantity AS quantity,
                       l.unit_cents, -l.gross_cents AS gross, -l.discount_cents AS discount, -l.ext_cents AS net, -l.tax_cents AS tax, count(*) AS n
                FROM fact_receipts r JOIN fact_receipt_lines l USING (receipt_id_ext)
                WHERE r.receipt_type = 'RETURN' GROUP BY ALL),
            sold AS (
                SELECT receipt_id_ext AS source_id, product_id, quantity, unit_cents, gross_cents AS gross, discount_cents AS discount,
                       ext_cents AS net, tax_cents AS tax
                FROM fact_receipt_lines WHERE receipt_id_ext IN (SELECT source_id FROM returned)
                UNION ALL
                SELECT order_id_ext, product_id, quantity, unit_cents, gross_cents, discount_cents, ext_cents, tax_cents
                FROM fact_online_order_lines WHERE order_id_ext IN (SELECT source_id FROM returned)),
            available AS (SELECT *, count(*) AS n FROM sold GROUP BY ALL)
            SELECT CAST(coalesce(sum(r.n - coalesce(a.n, 0)), 0) AS BIGINT) FROM returned r
            LEFT JOIN available a USING (source_id, product_id, quantity, unit_cents, gross, discount, net, tax)
            WHERE r.n > coalesce(a.n, 0)
            """);
    }
}
