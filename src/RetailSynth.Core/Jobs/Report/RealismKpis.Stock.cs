namespace RetailSynth.Jobs.Report;

internal static partial class RealismKpis
{
    /// <summary>Stock settles from its opening balances in about three weeks (realism.md R2).</summary>
    private const int StockSettlingDays = 21;

    /// <summary>R2 — share of launched (store, product) pairs with nothing on hand at the end of each evaluation day.</summary>
    private static void OutOfStock(KpiBuilder kpi, ReportContext q)
    {
        var horizon = q.Horizon;
        var settled = horizon.StartDate.AddDays(StockSettlingDays);
        var days = EvaluationDays(horizon, settled);
        var notJudged = days.Count == 0 ? $"judged from the {StockSettlingDays}st day after start_date ({settled:yyyy-MM-dd}); the horizon ends before it" : null;
        if (days.Count == 0)
        {
            days = [horizon.To]; // reported only
        }

        var rates = days.Select(day => (Day: day, Oos: q.Value(OutOfStockSql(day)))).ToList();
        var lowest = rates.Where(r => r.Oos is not null).MinBy(r => r.Oos);
        var highest = rates.Where(r => r.Oos is not null).MaxBy(r => r.Oos);
        kpi.Check($"lowest OOS of {rates.Count} evaluation day(s) ({lowest.Day:yyyy-MM-dd})", lowest.Oos, Units.Percent, Band.AtLeast(0.02, "≥ 2 %"), notJudged);
        kpi.Check($"highest OOS ({highest.Day:yyyy-MM-dd})", highest.Oos, Units.Percent, Band.AtMost(0.10, "≤ 10 %"), notJudged);

        var february = rates.FirstOrDefault(r => r.Day.Month == 2 && IsMonthEnd(r.Day));
        if (notJudged is null && february.Oos is { } baseline)
        {
            var above = rates.Where(r => r.Oos is not null && IsMonthEnd(r.Day)).Max(r => r.Oos!.Value - baseline);
            kpi.Check($"highest month end above February's ({february.Day:yyyy-MM-dd}, {Units.Display(baseline, Units.Percent)})", above, Units.Percent, Band.AtMost(0.05, "≤ 5 points"));
        }
        else
        {
            kpi.Report("highest month end above February's", null, Units.Percent, "≤ 5 points when the horizon holds February's end");
        }
    }

    /// <summary>Month ends from the settled day on; without one, the last day and every 7th day before it down to the settled day.</summary>
    internal static List<DateOnly> EvaluationDays(ReportHorizon horizon, DateOnly settled)
    {
        var first = horizon.From > settled ? horizon.From : settled;
        var days = new List<DateOnly>();
        for (var day = first; day <= horizon.To; day = day.AddDays(1))
        {
            if (IsMonthEnd(day))
            {
                days.Add(day);
            }
        }

        if (days.Count == 0)
        {
            for (var day = horizon.To; day >= first; day = day.AddDays(-7))
            {
                days.Insert(0, day);
            }
        }

        return days;
    }

    private static bool IsMonthEnd(DateOnly day) => day.AddDays(1).Day == 1;

    private static string OutOfStockSql(DateOnly day) => $"""
        WITH pairs AS (
            SELECT s.store_id, p.product_id FROM dim_stores s CROSS JOIN dim_products p WHERE p.launch_date <= {ReportHorizon.Date(day)}),
        last_row AS (
            SELECT store_id, product_id, arg_max(balance, txn_seq) AS on_hand FROM fact_store_inventory_txn
            WHERE event_ts < {ReportHorizon.Timestamp(day.AddDays(1))} GROUP BY store_id, product_id),
        first_row AS (
            SELECT store_id, product_id, arg_min(balance - quantity, txn_seq) AS on_hand FROM fact_store_inventory_txn GROUP BY store_id, product_id),
        in_state AS (SELECT node_id AS store_id, product_id, on_hand FROM sim_inventory_balances WHERE node_type = 'STORE')
        SELECT avg(CASE WHEN coalesce(l.on_hand, f.on_hand, s.on_hand, 0) = 0 THEN 1.0 ELSE 0.0 END)
        FROM pairs
        LEFT JOIN last_row l USING (store_id, product_id)
        LEFT JOIN first_row f USING (store_id, product_id)
        LEFT JOIN in_state s USING (store_id, product_id)
        """;
}
