namespace RetailSynth.Jobs.Report;

internal static partial class RealismKpis
{
    /// <summary>A conversion is due within 48 h, and a store conversion may wait 7 days (realism.md R7).</summary>
    private const int ConversionWindowDays = 9;

    /// <summary>R7 — CPM per channel over the horizon; conversion and ROAS over impressions old enough to have converted.</summary>
    private static void Marketing(KpiBuilder kpi, ReportContext q)
    {
        var cpm = q.Labelled("""
            SELECT channel, 1000.0 * sum(cost) / count(*) FROM fact_marketing
            WHERE event_ts >= @from AND event_ts < @end GROUP BY channel ORDER BY channel
            """);
        var cpmNotJudged = NeedsDays(q.Horizon, 7, "CPM is judged");
        foreach (var (channel, values) in cpm)
        {
            kpi.Check($"CPM {channel}", values[0], Units.Usd, Band.Between(1, 50, "$1–50"), cpmNotJudged);
        }

        var windowEnd = q.Horizon.To.AddDays(1 - ConversionWindowDays);
        var restNotJudged = NeedsDays(q.Horizon, 60, "conversion and ROAS are judged");
        var journeys = q.Labelled($"""
            WITH impressions AS (
                SELECT channel, correlation_id, cost FROM fact_marketing
                WHERE event_ts >= @from AND event_ts < {ReportHorizon.Timestamp(windowEnd)}),
            purchases AS (
                SELECT correlation_id, sum(subtotal) AS revenue FROM (
                    SELECT correlation_id, subtotal FROM fact_receipts WHERE receipt_type = 'SALE' AND correlation_id IS NOT NULL
                    UNION ALL
                    SELECT correlation_id, subtotal FROM fact_online_order_headers h WHERE correlation_id IS NOT NULL AND {NotCancelled})
                GROUP BY correlation_id)
            SELECT i.channel, avg(CASE WHEN p.correlation_id IS NULL THEN 0.0 ELSE 1.0 END), coalesce(sum(p.revenue), 0), sum(i.cost)
            FROM impressions i LEFT JOIN purchases p USING (correlation_id) GROUP BY i.channel ORDER BY i.channel
            """);
        foreach (var (channel, values) in journeys)
        {
            kpi.Check($"journey conversion {channel}", values[0], Units.Percent, Band.Between(0.0005, 0.05, "0.05–5 %"), restNotJudged);
        }

        var paid = journeys.Where(j => j.Label != "EMAIL").ToList();
        var paidRoas = Ratio(paid.Sum(j => j.Values[1] ?? 0), paid.Sum(j => j.Values[2] ?? 0));
        kpi.Check("paid ROAS", paid.Count == 0 ? null : paidRoas, Units.Ratio, Band.Between(2, 15, "2–15"), restNotJudged);
        foreach (var (channel, values) in paid)
        {
            kpi.Check($"ROAS {channel}", Ratio(values[1], values[2]), Units.Ratio, Band.AtLeast(0.8, "≥ 0.8"), restNotJudged);
        }

        kpi.JudgedOn($"{q.Horizon.Describe()}; conversion and ROAS on impressions {ReportHorizon.Describe(q.Horizon.From, windowEnd.AddDays(-1))}");
    }
}
