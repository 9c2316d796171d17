namespace RetailSynth.Jobs.Report;

internal static partial class RealismKpis
{
    /// <summary>R13 — online revenue (orders by creation, not cancelled) against online plus store revenue.</summary>
    private static void OnlineShare(KpiBuilder kpi, ReportContext q)
    {
        var row = q.Row($"""
            SELECT (SELECT sum(subtotal) FROM fact_online_order_headers h WHERE h.event_ts >= @from AND h.event_ts < @end AND {NotCancelled}),
                   (SELECT sum(subtotal) FROM fact_receipts WHERE {SalesInHorizon})
            """, 2);
        var online = row[0] ?? 0;
        kpi.Check("online share of revenue", Ratio(online, online + (row[1] ?? 0)), Units.Percent, Band.Between(0.08, 0.18, "8–18 %"), NeedsDays(q.Horizon, 7));
    }

    /// <summary>R11 — returns against the sales (and orders) old enough to have been returned.</summary>
    private static void Returns(KpiBuilder kpi, ReportContext q)
    {
        var notJudged = NeedsDays(q.Horizon, 90);
        var salesEnd = q.Horizon.To.AddDays(-46);
        var ordersEnd = q.Horizon.To.AddDays(-56);
        kpi.JudgedOn($"sales {ReportHorizon.Describe(q.Horizon.From, salesEnd)}, orders {ReportHorizon.Describe(q.Horizon.From, ordersEnd)}");
        var window = $"receipt_type = 'SALE' AND business_date >= @from_date AND business_date <= {ReportHorizon.Date(salesEnd)}";
        var store = q.Value($"""
            WITH w AS (SELECT receipt_id_ext, subtotal FROM fact_receipts WHERE {window})
            SELECT coalesce((SELECT sum(abs(r.subtotal)) FROM fact_receipts r WHERE r.receipt_type = 'RETURN' AND r.return_for_receipt_id_ext IN (SELECT receipt_id_ext FROM w)), 0)
                   / nullif((SELECT sum(subtotal) FROM w), 0)
            """);
        kpi.Check("store returns", store, Units.Percent, Band.Between(0.02, 0.08, "2–8 %"), notJudged);

        var departments = q.Labelled($"""
            WITH w AS (SELECT receipt_id_ext FROM fact_receipts WHERE {window}),
            sold AS (
                SELECT p.department, sum(l.ext_price) AS amount FROM fact_receipt_lines l JOIN w USING (receipt_id_ext) JOIN dim_products p USING (product_id)
                WHERE l.quantity > 0 GROUP BY p.department),
            returned AS (
                SELECT p.department, sum(abs(l.ext_price)) AS amount
                FROM fact_receipts r JOIN fact_receipt_lines l USING (receipt_id_ext) JOIN dim_products p USING (product_id)
                WHERE r.receipt_type = 'RETURN' AND r.return_for_receipt_id_ext IN (SELECT receipt_id_ext FROM w) GROUP BY p.department)
            SELECT s.department, coalesce(r.amount, 0) / nullif(s.amount, 0) FROM sold s LEFT JOIN returned r USING (department) ORDER BY s.department
            """);
        var bands = new Dictionary<string, Band>(StringComparer.Ordinal)
        {
            ["Electronics"] = Band.Between(0.05, 0.12, "5–12 %"),
            ["Clothing"] = Band.Between(0.08, 0.20, "8–20 %"),
            ["Grocery"] = Band.Between(0.003, 0.03, "0.3–3 %"),
        };
        foreach (var (department, values) in departments)
        {
            if (bands.TryGetValue(department, out var band))
            {
                kpi.Check($"{department} returns", values[0], Units.Percent, band, notJudged);
            }
            else
            {
                kpi.Report($"{department} returns", values[0], Units.Percent);
            }
        }

        var online = q.Value($"""
            WITH w AS (
                SELECT order_id_ext, subtotal FROM fact_online_order_headers h
                WHERE h.event_ts >= @from AND h.event_ts < {ReportHorizon.Timestamp(ordersEnd.AddDays(1))} AND {NotCancelled})
            SELECT coalesce((SELECT sum(abs(r.subtotal)) FROM fact_receipts r WHERE r.receipt_type = 'RETURN' AND r.return_for_order_id_ext IN (SELECT order_id_ext FROM w)), 0)
                   / nullif((SELECT sum(subtotal) FROM w), 0)
            """);
        kpi.Check("online returns", online, Units.Percent, Band.Between(0.05, 0.20, "5–20 %"), notJudged);
    }
}
