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
        yield return Warning(6, "shipments.queued_over_24h",
            "no shipment has waited QUEUED for a truck more than 24 h before the end of the last committed day",
            $"SELECT count(*) FROM sim_pending_shipments WHERE status = 'QUEUED' AND formed_ts < {WatermarkEnd} - INTERVAL 24 HOUR");
    }
}
