namespace RetailSynth.Jobs.Report;

internal static partial class RealismKpis
{
    private static readonly string[] s_groceryLedFormats = ["HYPERMARKET", "SUPERSTORE", "STANDARD", "NEIGHBORHOOD"];

    /// <summary>R8 — SALE receipts per entering visitor, by store format and for the chain.</summary>
    private static void Conversion(KpiBuilder kpi, ReportContext q)
    {
        var notJudged = NeedsDays(q.Horizon, 7);
        var formats = q.Labelled($"""
            WITH visitors AS (
                SELECT store_id, sum(customer_count) AS n FROM fact_foot_traffic
                WHERE zone IN ('ENTRANCE_MAIN', 'ENTRANCE_SIDE') AND event_ts >= @from AND event_ts < @end GROUP BY store_id),
            sales AS (SELECT store_id, count(*) AS n FROM fact_receipts WHERE {SalesInHorizon} GROUP BY store_id)
            SELECT coalesce(s.store_format, 'chain'), sum(coalesce(x.n, 0)), sum(v.n)
            FROM dim_stores s JOIN visitors v USING (store_id) LEFT JOIN sales x USING (store_id)
            GROUP BY ROLLUP (s.store_format) ORDER BY s.store_format NULLS LAST
            """);
        foreach (var (format, values) in formats)
        {
            var rate = Ratio(values[0], values[1]);
            if (format == "chain")
            {
                kpi.Check("chain", rate, Units.Percent, Band.Between(0.45, 0.90, "45–90 %"), notJudged);
            }
            else if (s_groceryLedFormats.Contains(format))
            {
                kpi.Check(format, rate, Units.Percent, Band.Between(0.55, 0.90, "55–90 %"), notJudged);
            }
            else
            {
                kpi.Report(format, rate, Units.Percent);
            }
        }
    }

    /// <summary>R14 — states, cities and the largest city's share of the stores (judged on the small profile).</summary>
    private static void StoreMap(KpiBuilder kpi, ReportContext q)
    {
        kpi.JudgedOn("dimensions");
        var notJudged = q.Horizon.Profile == Foundation.Configuration.SimulationProfiles.Small ? null : $"judged on the small profile; this is {q.Horizon.Profile}";
        var row = q.Row("""
            WITH s AS (SELECT g.state, g.city FROM dim_stores s JOIN dim_geographies g USING (geography_id))
            SELECT count(DISTINCT state), count(DISTINCT (city, state)),
                   (SELECT max(n) FROM (SELECT count(*) AS n FROM s GROUP BY city, state)) / count(*)
            FROM s
            """, 3);
        kpi.Check("states", row[0], Units.Count, Band.AtLeast(4, "≥ 4"), notJudged);
        kpi.Check("cities", row[1], Units.Count, Band.AtLeast(10, "≥ 10"), notJudged);
        kpi.Check("largest city's share of stores", row[2], Units.Percent, Band.AtMost(0.25, "≤ 25 %"), notJudged);
    }
}
