namespace RetailSynth.Jobs.Validation;

public static partial class InvariantCatalog
{
    /// <summary>§19.6 and §13: shipment lifecycles in order, caused by earlier reorders, mirrored in state.</summary>
    private static IEnumerable<Invariant> Logistics()
    {
        var step = "CASE status " + string.Join(" ", SpecVocabularies.ShipmentStatuses.Select((s, i) => $"WHEN '{s}' THEN {i + 1}")) + " END";

        yield return Error(6, "truck_moves.lifecycle_order",
            "every shipment's statuses appear once each, in lifecycle order, with strictly increasing event_ts",
            $"""
            WITH m AS (
                SELECT {step} AS step, event_ts,
                       lag({step}) OVER w AS previous_step, lag(event_ts) OVER w AS previous_ts
                FROM fact_truck_moves WINDOW w AS (PARTITION BY shipment_id ORDER BY {step}, event_ts))
            SELECT count(*) FROM m WHERE step = previous_step OR event_ts <= previous_ts
            """);
        yield return Error(6, "truck_moves.no_skipped_status",
            "every shipment's statuses run from SCHEDULED to its latest without skipping one",
            $"""
            SELECT count(*) FROM (
                SELECT max({step}) AS latest, count(DISTINCT {step}) AS steps FROM fact_truck_moves GROUP BY shipment_id)
            WHERE latest IS DISTINCT FROM steps
            """);
        // fact_reorders names no shipment, so each loaded product must have some matching reorder reviewed before SCHEDULED.
        yield return Error(6, "shipments.reorder_precedes",
            "every loaded product has a reorder of its store, DC and product reviewed before the shipment was SCHEDULED",
            """
            WITH scheduled AS (SELECT shipment_id, store_id, dc_id, event_ts FROM fact_truck_moves WHERE status = 'SCHEDULED')
            SELECT count(*) FROM fact_truck_inventory l JOIN scheduled s USING (shipment_id)
            WHERE l.action = 'LOAD' AND NOT EXISTS (
                SELECT 1 FROM fact_reorders r
                WHERE r.store_id = s.store_id AND r.dc_id = s.dc_id AND r.product_id = l.product_id AND r.event_ts < s.event_ts)
            """);
        // Facts and state must agree: no fact row yet means QUEUED in state; no state row means COMPLETED in facts.
        yield return Error(6, "shipments.state_matches_facts",
            "every shipment not yet COMPLETED is in sim_pending_shipments with its latest status, and no other shipment is",
            """
            WITH latest AS (SELECT shipment_id, arg_max(status, event_ts) AS status FROM fact_truck_moves GROUP BY shipment_id)
            SELECT count(*) FROM latest l FULL JOIN sim_pending_shipments s USING (shipment_id)
            WHERE coalesce(l.status, 'QUEUED') <> coalesce(s.status, 'COMPLETED')
            """);
        yield return Error(6, "trips.shared_truck_and_instants",
            "the shipments of a trip share truck_id, dc_id, formed_ts and their SCHEDULED, LOADING and IN_TRANSIT instants",
            """
            SELECT count(*) FROM (
                SELECT trip_id FROM fact_truck_moves GROUP BY trip_id
                HAVING count(DISTINCT truck_id) > 1 OR count(DISTINCT dc_id) > 1 OR count(DISTINCT formed_ts) > 1
                    OR count(DISTINCT CASE WHEN status = 'SCHEDULED' THEN event_ts END) > 1
                    OR count(DISTINCT CASE WHEN status = 'LOADING' THEN event_ts END) > 1
                    OR count(DISTINCT CASE WHEN status = 'IN_TRANSIT' THEN event_ts END) > 1)
            """);
        yield return Error(6, "trips.stops_and_capacity",
            "a trip's shipments have stop_seq 1…n and their units sum to at most the truck's capacity_units",
            """
            SELECT count(*) FROM (
                SELECT m.trip_id FROM fact_truck_moves m JOIN dim_trucks t USING (truck_id) WHERE m.status = 'SCHEDULED'
                GROUP BY m.trip_id
                HAVING min(m.stop_seq) <> 1 OR max(m.stop_seq) <> count(*) OR count(DISTINCT m.stop_seq) <> count(*)
                    OR sum(m.units) > min(t.capacity_units))
            """);
        yield return Error(6, "trips.stop_order",
            "each stop of a trip after the first is ARRIVED after the previous stop's COMPLETED",
            """
            SELECT count(*) FROM fact_truck_moves a JOIN fact_truck_moves c
                ON c.trip_id = a.trip_id AND c.stop_seq = a.stop_seq - 1 AND c.status = 'COMPLETED'
            WHERE a.status = 'ARRIVED' AND a.event_ts <= c.event_ts
            """);
        yield return Error(6, "trips.assigned_dc_and_speed",
            "every shipment's dc_id is its store's nearest_dc_id, and stop 1 is reached at ≤ 55 mph from IN_TRANSIT",
            """
            SELECT count(*) FROM fact_truck_moves m JOIN dim_stores s USING (store_id)
            WHERE m.dc_id <> s.nearest_dc_id
               OR (m.status = 'ARRIVED' AND m.stop_seq = 1 AND s.dc_road_miles / (epoch(m.event_ts - (
                    SELECT t.event_ts FROM fact_truck_moves t WHERE t.shipment_id = m.shipment_id AND t.status = 'IN_TRANSIT')) / 3600.0) > 55)
            """);
        yield return Error(6, "trips.truck_not_double_booked",
            "a truck's trip is LOADING only after the previous trip of that truck has COMPLETED its last stop",
            """
            WITH trips AS (
                SELECT trip_id, any_value(truck_id) AS truck_id, min(CASE WHEN status = 'LOADING' THEN event_ts END) AS loading,
                       max(CASE WHEN status = 'COMPLETED' THEN event_ts END) AS last_completed
                FROM fact_truck_moves GROUP BY trip_id),
            ordered AS (SELECT loading, lag(last_completed) OVER (PARTITION BY truck_id ORDER BY loading) AS previous_completed FROM trips WHERE loading IS NOT NULL)
            SELECT count(*) FROM ordered WHERE previous_completed IS NOT NULL AND loading <= previous_completed
            """);
        yield return Error(6, "waits.scheduled_within_48h",
            "every shipment is SCHEDULED at or after its trip's formed_ts and within 48 h of it",
            "SELECT count(*) FROM fact_truck_moves WHERE status = 'SCHEDULED' AND (event_ts < formed_ts OR event_ts > formed_ts + INTERVAL 48 HOUR)");
        yield return Error(6, "waits.queued_under_48h",
            "a QUEUED shipment in state is younger than 48 h at the end of the last committed day",
            $"SELECT count(*) FROM sim_pending_shipments WHERE status = 'QUEUED' AND formed_ts <= {WatermarkEnd} - INTERVAL 48 HOUR");
        yield return Error(6, "waits.one_queued_trip_per_route",
            "at most one QUEUED trip per route in state",
            "SELECT count(*) FROM (SELECT route_id FROM sim_trips WHERE status = 'QUEUED' GROUP BY route_id HAVING count(*) > 1)");
        yield return Warning(6, "waits.pooled_over_48h",
            "no pooled line is older than 48 h at the end of the last committed day",
            $"SELECT count(*) FROM sim_open_reorders WHERE pooled_ts < {WatermarkEnd} - INTERVAL 48 HOUR");
        yield return Warning(6, "shipments.queued_over_24h",
            "no shipment has waited QUEUED for a truck more than 24 h before the end of the last committed day",
            $"SELECT count(*) FROM sim_pending_shipments WHERE status = 'QUEUED' AND formed_ts < {WatermarkEnd} - INTERVAL 24 HOUR");
    }
}
