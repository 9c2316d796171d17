namespace RetailSynth.Jobs.Report;

internal static partial class RealismKpis
{
    /// <summary>Every shipment with its formation and scheduling instants; queued ones (state only) are not yet scheduled.</summary>
    private const string Shipments = """
        shipments AS (
            SELECT shipment_id, any_value(formed_ts) AS f, min(event_ts) FILTER (WHERE status = 'SCHEDULED') AS s
            FROM fact_truck_moves GROUP BY shipment_id
            UNION ALL
            SELECT shipment_id, formed_ts, NULL FROM sim_pending_shipments WHERE status = 'QUEUED')
        """;

    /// <summary>R1 — shipments formed ≥ 24 h before a day end and not yet scheduled at it.</summary>
    private static void TruckWaits(KpiBuilder kpi, ReportContext q)
    {
        var notJudged = NeedsDays(q.Horizon, 7);
        var days = q.Row($"""
            WITH {Shipments},
            days AS (SELECT d AS day_start, d + INTERVAL 1 DAY AS e FROM range(@from, @end, INTERVAL 1 DAY) t(d)),
            per_day AS (
                SELECT day_start,
                       (SELECT count(*) FROM shipments WHERE f <= e - INTERVAL 24 HOUR AND (s IS NULL OR s > e)) AS waiting,
                       (SELECT count(*) FROM shipments WHERE f >= day_start AND f < e) AS formed
                FROM days)
            SELECT avg(CASE WHEN waiting = 0 THEN 1.0 ELSE 0.0 END),
                   count(*) FILTER (WHERE waiting > greatest(1, 0.01 * formed)),
                   max(waiting)
            FROM per_day
            """, 3);
        var oldest = q.Value($"""
            WITH {Shipments}
            SELECT max(epoch(coalesce(s, @last_end) - f)) / 3600.0 FROM shipments
            WHERE f < @end AND coalesce(s, @last_end) >= @from
            """);
        kpi.Check("days with no shipment waiting > 24 h", days[0], Units.Percent, Band.AtLeast(0.99, "≥ 99 %"), notJudged);
        kpi.Check("days over max(1, 1 % of the day's formed shipments)", days[1], Units.Count, Band.None, notJudged);
        kpi.Report("most shipments waiting > 24 h at a day end", days[2], Units.Count);
        kpi.Check("oldest wait", oldest ?? 0, Units.Hours, new Band(null, 72 - 1e-6, "< 72 h"), notJudged);
    }

    /// <summary>R9 — trips leaving in the horizon: fill against capacity, road miles from the DC, implied speed of stop 1.</summary>
    private static void Trucks(KpiBuilder kpi, ReportContext q)
    {
        // One row per DC, then the overall fill (ROLLUP's NULL DC) last.
        var fills = q.Labelled("""
            WITH trips AS (
                SELECT trip_id, any_value(truck_id) AS truck_id, any_value(dc_id) AS dc_id, sum(units) AS units FROM fact_truck_moves
                WHERE status = 'IN_TRANSIT' AND event_ts >= @from AND event_ts < @end GROUP BY trip_id)
            SELECT coalesce(CAST(t.dc_id AS VARCHAR), 'all'), sum(t.units) / sum(k.capacity_units)
            FROM trips t JOIN dim_trucks k USING (truck_id) GROUP BY ROLLUP (t.dc_id) ORDER BY t.dc_id NULLS LAST
            """);
        var fill = fills.FirstOrDefault(f => f.Label == "all").Values?[0];
        var shipments = q.Row("""
            SELECT avg(CASE WHEN s.dc_road_miles <= 350 THEN 1.0 ELSE 0.0 END),
                   avg(CASE WHEN m.dc_id = s.nearest_dc_id THEN 1.0 ELSE 0.0 END)
            FROM fact_truck_moves m JOIN dim_stores s USING (store_id)
            WHERE m.status = 'IN_TRANSIT' AND m.event_ts >= @from AND m.event_ts < @end
            """, 2);
        var speed = q.Value("""
            WITH legs AS (
                SELECT shipment_id, any_value(store_id) AS store_id,
                       min(event_ts) FILTER (WHERE status = 'IN_TRANSIT') AS departed,
                       min(event_ts) FILTER (WHERE status = 'ARRIVED') AS arrived
                FROM fact_truck_moves WHERE stop_seq = 1 GROUP BY shipment_id)
            SELECT max(s.dc_road_miles / (epoch(arrived - departed) / 3600.0))
            FROM legs JOIN dim_stores s USING (store_id)
            WHERE departed >= @from AND departed < @end AND arrived > departed
            """);
        var shortHorizon = NeedsDays(q.Horizon, 7);
        kpi.Check("fill", fill, Units.Percent, Band.Between(0.55, 0.95, "55–95 %"), NeedsYearOrM(q.Horizon, "fill is judged") ?? shortHorizon);
        foreach (var (dc, values) in fills.Where(f => f.Label != "all"))
        {
            kpi.Report($"fill of DC {dc}", values[0], Units.Percent);
        }

        kpi.Check("shipments ≤ 350 road miles from their DC", shipments[0], Units.Percent, Band.AtLeast(0.95, "≥ 95 %"), shortHorizon);
        kpi.Check("highest implied speed of a stop-1 leg", speed, Units.Mph, Band.AtMost(55, "≤ 55 mph"), shortHorizon);
        kpi.Report("shipments from the store's nearest DC", shipments[1], Units.Percent, "reported (expected 100 %)");
    }
}
