namespace RetailSynth.Jobs.Report;

internal static partial class RealismKpis
{
    /// <summary>R3 — December against January, and Nov + Dec against the year, over stores selling in both months.</summary>
    private static void Seasonality(KpiBuilder kpi, ReportContext q)
    {
        var (year, notJudged) = CalendarYear(kpi, q.Horizon);
        var row = q.Row($"""
            WITH sales AS (
                SELECT store_id, month(business_date) AS m, subtotal FROM fact_receipts
                WHERE {SalesInHorizon} AND year(business_date) = {year}),
            stores AS (SELECT store_id FROM sales GROUP BY store_id HAVING bool_or(m = 1) AND bool_or(m = 12))
            SELECT sum(subtotal) FILTER (WHERE m = 12) / nullif(sum(subtotal) FILTER (WHERE m = 1), 0),
                   sum(subtotal) FILTER (WHERE m IN (11, 12)) / nullif(sum(subtotal), 0)
            FROM sales JOIN stores USING (store_id)
            """, 2);
        kpi.Check("December / January revenue", row[0], Units.Ratio, Band.Between(1.10, 1.60, "1.10–1.60"), notJudged);
        kpi.Check("Nov + Dec share of the year", row[1], Units.Percent, Band.Between(0.17, 0.24, "17–24 %"), notJudged);
    }

    /// <summary>R4 — average SALE ticket per full month against the mean over all full months.</summary>
    private static void MonthlyTicket(KpiBuilder kpi, ReportContext q)
    {
        var months = q.Horizon.FullMonths;
        var notJudged = months.Count >= 3 ? null : $"judged from 3 full months; the horizon holds {months.Count}";
        if (months.Count == 0)
        {
            kpi.Report("largest deviation of a month's ticket from the mean", null, Units.Percent, "±20 %");
            kpi.Report("December's deviation", null, Units.Percent, "−20 … +30 %");
            kpi.NotMeasured(notJudged!);
            return;
        }

        var first = months[0];
        var end = months[^1].AddMonths(1);
        var tickets = q.Rows($"""
            WITH m AS (
                SELECT date_trunc('month', business_date) AS month, sum(subtotal) AS revenue, count(*) AS receipts FROM fact_receipts
                WHERE {SalesInHorizon} AND business_date >= {ReportHorizon.Date(first)} AND business_date < {ReportHorizon.Date(end)}
                GROUP BY ALL)
            SELECT month(month), (revenue / receipts) / (sum(revenue) OVER () / sum(receipts) OVER ()) - 1 FROM m
            """);
        var others = tickets.Where(t => t[0] != 12 && t[1] is not null).Select(t => t[1]!.Value).ToList();
        var december = tickets.Where(t => t[0] == 12 && t[1] is not null).Select(t => t[1]!.Value).ToList();
        double? worst = others.Count == 0 ? null : others.MaxBy(Math.Abs);
        kpi.Check("largest deviation of a month's ticket from the mean", worst, Units.Percent, Band.Between(-0.20, 0.20, "±20 %"), notJudged);
        if (december.Count > 0)
        {
            kpi.Check("December's deviation", december.MaxBy(Math.Abs), Units.Percent, Band.Between(-0.20, 0.30, "−20 … +30 %"), notJudged);
        }
    }

    /// <summary>R10 — local labels on every fact row, no sales on local Dec 25, Black Friday the top receipt day.</summary>
    private static void LocalTime(KpiBuilder kpi, ReportContext q)
    {
        var unlabelled = 0.0;
        foreach (var table in Storage.DatasetTables.Facts)
        {
            unlabelled += q.Value($"SELECT count(*) FROM {table} WHERE event_ts >= @from AND event_ts < @end AND (business_date IS NULL OR local_hour IS NULL)") ?? 0;
        }

        // A sample of store-node rows recomputed from event_ts and the store's zone (data-model §2.3).
        var mismatches = 0.0;
        foreach (var table in new[] { "fact_receipts", "fact_receipt_lines", "fact_foot_traffic", "fact_store_inventory_txn" })
        {
            mismatches += q.Value($"""
                WITH sample AS (
                    SELECT store_id, event_ts, business_date, local_hour FROM {table}
                    WHERE event_ts >= @from AND event_ts < @end ORDER BY event_ts LIMIT 10000)
                SELECT count(*) FROM sample x JOIN dim_stores s USING (store_id)
                WHERE x.business_date <> CAST(timezone(s.time_zone, timezone('UTC', x.event_ts)) AS DATE)
                   OR x.local_hour <> hour(timezone(s.time_zone, timezone('UTC', x.event_ts)))
                """) ?? 0;
        }

        kpi.Check("fact rows without business_date or local_hour", unlabelled, Units.Count, Band.None);
        kpi.Check("store rows whose labels differ from event_ts in the store's zone (sample)", mismatches, Units.Count, Band.None);

        var christmases = Enumerable.Range(q.Horizon.From.Year, q.Horizon.To.Year - q.Horizon.From.Year + 1)
            .Select(y => new DateOnly(y, 12, 25)).Where(d => d >= q.Horizon.From && d <= q.Horizon.To).ToList();
        var christmasSales = q.Value($"SELECT count(*) FROM fact_receipts WHERE {SalesInHorizon} AND month(business_date) = 12 AND day(business_date) = 25");
        kpi.Check("SALE receipts on local Dec 25", christmasSales, Units.Count, Band.None, christmases.Count > 0 ? null : "judged when the horizon holds a Dec 25");

        foreach (var year in q.Horizon.FullYears)
        {
            var blackFriday = BlackFriday(year);
            var top = q.Value($"""
                SELECT arg_max(business_date, n) FROM (
                    SELECT business_date, count(*) AS n FROM fact_receipts
                    WHERE {SalesInHorizon} AND year(business_date) = {year} GROUP BY business_date)
                """);
            kpi.Check($"top SALE day of {year} (Black Friday {blackFriday:yyyy-MM-dd})", top, Units.Date, Band.Between(blackFriday.DayNumber, blackFriday.DayNumber, $"{blackFriday:yyyy-MM-dd}"));
        }

        if (q.Horizon.FullYears.Count == 0)
        {
            kpi.Report("top SALE day of a year is Black Friday", null, Units.Date, "judged on each calendar year in the horizon");
        }
    }

    /// <summary>The day after the fourth Thursday of November.</summary>
    internal static DateOnly BlackFriday(int year)
    {
        var first = new DateOnly(year, 11, 1);
        var firstThursday = first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7);
        return firstThursday.AddDays(21 + 1);
    }

    /// <summary>R16 — holiday SKUs sell most of their year in October–December.</summary>
    private static void ProductSeasonality(KpiBuilder kpi, ReportContext q)
    {
        var (year, notJudged) = CalendarYear(kpi, q.Horizon);
        var row = q.Row($"""
            SELECT sum(l.quantity) FILTER (WHERE p.season_profile = 'WINTER_HOLIDAY' AND month(l.business_date) >= 10)
                       / nullif(sum(l.quantity) FILTER (WHERE p.season_profile = 'WINTER_HOLIDAY'), 0),
                   sum(l.quantity) FILTER (WHERE p.season_profile = 'SUMMER' AND month(l.business_date) BETWEEN 5 AND 8)
                       / nullif(sum(l.quantity) FILTER (WHERE p.season_profile = 'SUMMER'), 0)
            FROM fact_receipt_lines l JOIN fact_receipts r USING (receipt_id_ext) JOIN dim_products p USING (product_id)
            WHERE {SalesOf("r.")} AND l.quantity > 0 AND year(l.business_date) = {year}
            """, 2);
        kpi.Check("holiday SKUs' units in Oct–Dec", row[0], Units.Percent, Band.AtLeast(0.60, "≥ 60 %"), notJudged);
        kpi.Report("summer SKUs' units in May–Aug", row[1], Units.Percent);
    }
}
