namespace RetailSynth.Jobs.Validation;

public static partial class InvariantCatalog
{
    /// <summary>§19.5 and §12: movement numbering, running balances, state, and each shipment moved exactly once.</summary>
    private static IEnumerable<Invariant> Inventory()
    {
        foreach (var (node, table, column, nodeType) in new[] { ("store", "fact_store_inventory_txn", "store_id", "STORE"), ("dc", "fact_dc_inventory_txn", "dc_id", "DC") })
        {
            yield return Error(5, $"inventory.{node}.txn_seq_gapless",
                $"every {node}'s txn_seq runs from 1 without gaps",
                $"""
                SELECT count(*) FROM (SELECT min(txn_seq) AS first, max(txn_seq) AS last, count(*) AS n FROM {table} GROUP BY {column})
                WHERE first <> 1 OR last <> n
                """);
            yield return Error(5, $"inventory.{node}.next_txn_seq",
                $"sim_node_sequences continues every {node}'s movements at the last txn_seq + 1",
                $"""
                WITH m AS (SELECT {column} AS node_id, max(txn_seq) AS last FROM {table} GROUP BY {column}),
                s AS (SELECT node_id, next_txn_seq FROM sim_node_sequences WHERE node_type = '{nodeType}')
                SELECT count(*) FROM m FULL JOIN s USING (node_id)
                WHERE coalesce(s.next_txn_seq, 1) <> coalesce(m.last, 0) + 1
                """);
            yield return Error(5, $"inventory.{node}.balance_chain",
                $"every {node} movement's balance is the product's previous balance + quantity",
                $"""
                WITH t AS (
                    SELECT balance, quantity, lag(balance) OVER (PARTITION BY {column}, product_id ORDER BY txn_seq) AS previous
                    FROM {table})
                SELECT count(*) FROM t WHERE balance <> previous + quantity
                """);
            yield return Error(5, $"inventory.{node}.balance_non_negative",
                $"every {node} movement has quantity ≠ 0 and balance ≥ 0",
                $"SELECT count(*) FROM {table} WHERE quantity = 0 OR balance < 0");
            yield return Error(5, $"inventory.{node}.state_on_hand",
                $"every {node} product's last movement balance equals on_hand in sim_inventory_balances",
                $"""
                WITH last AS (SELECT {column} AS node_id, product_id, arg_max(balance, txn_seq) AS balance FROM {table} GROUP BY ALL)
                SELECT count(*) FROM last l
                LEFT JOIN sim_inventory_balances b ON b.node_type = '{nodeType}' AND b.node_id = l.node_id AND b.product_id = l.product_id
                WHERE l.balance IS DISTINCT FROM b.on_hand
                """);
        }

        yield return Error(5, "inventory.state.reserved",
            "every sim_inventory_balances row has 0 ≤ reserved ≤ on_hand",
            "SELECT count(*) FROM sim_inventory_balances WHERE reserved < 0 OR reserved > on_hand");

        yield return Error(5, "shipments.loaded_units",
            "every shipment that reached LOADING has LOAD lines summing to its units, and only those have LOAD lines",
            """
            WITH loading AS (SELECT shipment_id, units FROM fact_truck_moves WHERE status = 'LOADING'),
            loaded AS (SELECT shipment_id, sum(quantity) AS units FROM fact_truck_inventory WHERE action = 'LOAD' GROUP BY shipment_id)
            SELECT count(*) FROM loading FULL JOIN loaded USING (shipment_id)
            WHERE loading.units IS DISTINCT FROM loaded.units
            """);
        yield return Error(5, "shipments.unload_equals_load",
            "every COMPLETED shipment's UNLOAD lines equal its LOAD lines; shipments not COMPLETED have no UNLOAD lines",
            """
            WITH completed AS (SELECT shipment_id FROM fact_truck_moves WHERE status = 'COMPLETED'),
            l AS (SELECT shipment_id, product_id, quantity FROM fact_truck_inventory WHERE action = 'LOAD'),
            u AS (SELECT shipment_id, product_id, quantity FROM fact_truck_inventory WHERE action = 'UNLOAD')
            SELECT count(*) FROM l FULL JOIN u ON u.shipment_id = l.shipment_id AND u.product_id = l.product_id
            WHERE CASE WHEN coalesce(l.shipment_id, u.shipment_id) IN (SELECT shipment_id FROM completed)
                       THEN l.quantity IS DISTINCT FROM u.quantity
                       ELSE u.shipment_id IS NOT NULL END
            """);
        yield return Error(5, "shipments.store_inbound_once",
            "every UNLOAD line is credited once as a store INBOUND_SHIPMENT (source = shipment) of equal quantity, and nothing else is",
            """
            WITH u AS (SELECT shipment_id, location_id AS store_id, product_id, quantity FROM fact_truck_inventory WHERE action = 'UNLOAD'),
            i AS (
                SELECT source AS shipment_id, store_id, product_id, count(*) AS n, sum(quantity) AS quantity
                FROM fact_store_inventory_txn WHERE reason = 'INBOUND_SHIPMENT' GROUP BY ALL)
            SELECT count(*) FROM u FULL JOIN i USING (shipment_id, store_id, product_id)
            WHERE i.n IS DISTINCT FROM 1 OR i.quantity IS DISTINCT FROM u.quantity
            """);
        yield return Error(5, "shipments.dc_outbound_once",
            "every LOAD line leaves its DC once as an OUTBOUND_SHIPMENT (source = shipment) of equal quantity, and nothing else does",
            """
            WITH l AS (SELECT shipment_id, location_id AS dc_id, product_id, quantity FROM fact_truck_inventory WHERE action = 'LOAD'),
            o AS (
                SELECT source AS shipment_id, dc_id, product_id, count(*) AS n, -sum(quantity) AS quantity
                FROM fact_dc_inventory_txn WHERE reason = 'OUTBOUND_SHIPMENT' GROUP BY ALL)
            SELECT count(*) FROM l FULL JOIN o USING (shipment_id, dc_id, product_id)
            WHERE o.n IS DISTINCT FROM 1 OR o.quantity IS DISTINCT FROM l.quantity
            """);
    }
}
