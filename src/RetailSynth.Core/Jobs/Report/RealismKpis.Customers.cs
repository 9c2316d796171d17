namespace RetailSynth.Jobs.Report;

internal static partial class RealismKpis
{
    /// <summary>Haversine miles (Earth radius 3,958.8 mi) between two coordinate pairs, as SQL.</summary>
    private static string Miles(string lat1, string lon1, string lat2, string lon2) =>
        $"2 * 3958.8 * asin(sqrt(pow(sin(radians({lat2} - {lat1}) / 2), 2) + cos(radians({lat1})) * cos(radians({lat2})) * pow(sin(radians({lon2} - {lon1}) / 2), 2)))";

    /// <summary>R5 — identified SALE receipts by distance from the customer's home to the store.</summary>
    private static void Locality(KpiBuilder kpi, ReportContext q)
    {
        var notJudged = NeedsDays(q.Horizon, 7);
        var row = q.Row($"""
            WITH d AS (
                SELECT {Miles("c.latitude", "c.longitude", "s.latitude", "s.longitude")} AS miles
                FROM fact_receipts r JOIN dim_customers c USING (customer_id) JOIN dim_stores s ON s.store_id = r.store_id
                WHERE {SalesOf("r.")} AND r.customer_id <> 0)
            SELECT avg(CASE WHEN miles <= 50 THEN 1.0 ELSE 0.0 END), avg(CASE WHEN miles > 300 THEN 1.0 ELSE 0.0 END) FROM d
            """, 2);
        var homeless = q.Value("SELECT count(*) FROM dim_stores s WHERE NOT EXISTS (SELECT 1 FROM dim_customers c WHERE c.primary_store_id = s.store_id AND c.customer_id <> 0)");
        kpi.Check("identified receipts ≤ 50 mi from home", row[0], Units.Percent, Band.AtLeast(0.85, "≥ 85 %"), notJudged);
        kpi.Check("identified receipts > 300 mi from home", row[1], Units.Percent, Band.AtMost(0.01, "≤ 1 %"), notJudged);
        kpi.Check("stores that are nobody's home store", homeless, Units.Count, Band.None, notJudged);
    }

    /// <summary>Purchases of identified customers: SALE receipts and not-cancelled online orders, with their business date.</summary>
    private const string Purchases = $"""
        purchases AS (
            SELECT customer_id, business_date, subtotal, event_ts FROM fact_receipts WHERE receipt_type = 'SALE' AND customer_id <> 0
            UNION ALL
            SELECT customer_id, business_date, subtotal, event_ts FROM fact_online_order_headers h WHERE {NotCancelled})
        """;

    /// <summary>R12 — identified share, monthly activity, spend concentration, lapse and acquisition.</summary>
    private static void Customers(KpiBuilder kpi, ReportContext q)
    {
        var identified = q.Value($"SELECT avg(CASE WHEN customer_id <> 0 THEN 1.0 ELSE 0.0 END) FROM fact_receipts WHERE {SalesInHorizon}");
        kpi.Check("identified SALE receipts", identified, Units.Percent, Band.Between(0.40, 0.80, "40–80 %"), NeedsDays(q.Horizon, 7));

        var months = q.Horizon.FullMonths;
        if (months.Count > 0)
        {
            var active = q.Rows($"""
                WITH {Purchases},
                months AS (SELECT unnest([{string.Join(", ", months.Select(ReportHorizon.Date))}]) AS m)
                SELECT (SELECT count(DISTINCT customer_id) FROM purchases p
                        WHERE p.business_date >= months.m AND p.business_date < months.m + INTERVAL 1 MONTH)
                       / nullif((SELECT count(*) FROM dim_customers c WHERE c.customer_id >= 1 AND c.join_date < months.m + INTERVAL 1 MONTH), 0)
                FROM months
                """).Select(r => r[0]).Where(v => v is not null).Select(v => v!.Value).ToList();
            kpi.Check("lowest monthly active share", active.Count == 0 ? null : active.Min(), Units.Percent, Band.AtLeast(0.20, "≥ 20 %"));
            kpi.Check("highest monthly active share", active.Count == 0 ? null : active.Max(), Units.Percent, Band.AtMost(0.60, "≤ 60 %"));
        }
        else
        {
            kpi.Report("monthly active share", null, Units.Percent, "20–60 % in every full month");
            kpi.NotMeasured("monthly activity is judged on full months; the horizon holds none");
        }

        var longTerm = NeedsDays(q.Horizon, 180);
        var spend = q.Row($"""
            WITH {Purchases},
            spend AS (SELECT customer_id, sum(subtotal) AS s FROM purchases WHERE event_ts >= @from AND event_ts < @end GROUP BY customer_id HAVING sum(subtotal) > 0),
            ranked AS (SELECT s, row_number() OVER (ORDER BY s DESC, customer_id) AS n, count(*) OVER () AS buyers FROM spend)
            SELECT sum(s) FILTER (WHERE n <= ceil(0.1 * buyers)) / sum(s), any_value(buyers) FROM ranked
            """, 2);
        kpi.Check("top 10 % of customers' share of spend", spend[0], Units.Percent, Band.Between(0.35, 0.55, "35–55 %"), longTerm);

        var lapse = q.Value($"""
            WITH {Purchases},
            p AS (SELECT customer_id, event_ts FROM purchases WHERE event_ts >= @from AND event_ts < @end),
            before AS (SELECT DISTINCT customer_id FROM p WHERE event_ts < @end - INTERVAL 90 DAY),
            recent AS (SELECT DISTINCT customer_id FROM p WHERE event_ts >= @end - INTERVAL 90 DAY)
            SELECT avg(CASE WHEN r.customer_id IS NULL THEN 1.0 ELSE 0.0 END) FROM before b LEFT JOIN recent r USING (customer_id)
            """);
        kpi.Check("lapsed customers", lapse, Units.Percent, Band.AtLeast(0.10, "≥ 10 %"), longTerm);

        var newcomers = q.Value($"""
            WITH {Purchases}
            SELECT count(DISTINCT p.customer_id) FROM purchases p JOIN dim_customers c USING (customer_id)
            WHERE c.join_date >= @from_date AND c.join_date <= @to_date AND p.event_ts >= @from AND p.event_ts < @end
            """);
        kpi.Check("new customers among buyers", Ratio(newcomers, spend[1]), Units.Percent, Band.AtLeast(0.02, "≥ 2 %"), longTerm);
        if (months.Count > 1)
        {
            var monthsWithout = q.Value($"""
                WITH {Purchases},
                firsts AS (
                    SELECT p.customer_id, min(p.business_date) AS first_day FROM purchases p JOIN dim_customers c USING (customer_id)
                    WHERE c.join_date >= @from_date AND c.join_date <= @to_date GROUP BY p.customer_id),
                months AS (SELECT unnest([{string.Join(", ", months.Skip(1).Select(ReportHorizon.Date))}]) AS m)
                SELECT count(*) FROM months WHERE NOT EXISTS (
                    SELECT 1 FROM firsts WHERE first_day >= months.m AND first_day < months.m + INTERVAL 1 MONTH)
                """);
            kpi.Check("full months after the first without a new customer's first purchase", monthsWithout, Units.Count, Band.None, longTerm);
        }
    }
}
