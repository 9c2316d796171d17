using DuckDB.NET.Data;
using RetailSynth.Engine.Simulation.Inventory;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Storage;

/// <summary>
/// Persists the in-memory <see cref="SimulationState"/> into the <c>sim_*</c> tables (data-model §17)
/// inside the day's transaction, and loads it back so day D+1 continues exactly where D ended —
/// after a restart too. Rows are written in key order, so a reload is exact.
/// </summary>
internal static class SimulationStateStore
{
    public static void Save(DuckDBConnection connection, SimulationState state, DateOnly day)
    {
        SaveBalances(connection, state, day);
        SaveCustomers(connection, state.Customers, state.Region);
        foreach (var table in DatasetTables.SimulatorState.Where(t => t is not "sim_inventory_balances" and not "sim_customers"))
        {
            connection.Execute($"DELETE FROM {table}");
        }

        using (var sequences = connection.CreateAppender("sim_node_sequences"))
        {
            foreach (var (nodeType, ledger) in Ledgers(state))
            {
                sequences.CreateRow().AppendValue(nodeType).AppendValue(ledger.NodeId).AppendValue(ledger.NextTxnSeq).EndRow();
            }
        }

        using (var trucks = connection.CreateAppender("sim_trucks"))
        {
            foreach (var truck in state.Trucks)
            {
                trucks.CreateRow().AppendValue(truck.TruckId).AppendValue(truck.AvailableAt).AppendValue(truck.LocationDcId)
                    .AppendValue(truck.TripId).EndRow();
            }
        }

        using (var trips = connection.CreateAppender("sim_trips"))
        {
            foreach (var t in state.Trips)
            {
                trips.CreateRow().AppendValue(t.TripId).AppendValue(t.DcId).AppendValue(t.RouteId).AppendValue(t.TruckId).AppendValue(t.Status)
                    .AppendValue(t.Priority).AppendValue(t.FormedTs).AppendValue(t.ScheduledTs).AppendValue(t.Units).AppendValue(t.ReturnTs).EndRow();
            }
        }

        using (var reorders = connection.CreateAppender("sim_open_reorders"))
        {
            foreach (var r in state.OpenReorders)
            {
                reorders.CreateRow().AppendValue(r.ReorderId).AppendValue(r.StoreId).AppendValue(r.DcId).AppendValue(state.StoreRouteIds[state.Region.IndexOf(r.StoreId)])
                    .AppendValue(r.ProductId).AppendValue(r.Quantity).AppendValue((int?)null).AppendValue(r.Priority).AppendValue(r.ReviewedTs)
                    .AppendValue((DateTime?)null).EndRow();
            }

            foreach (var l in state.PooledLines)
            {
                reorders.CreateRow().AppendValue(l.ReorderId).AppendValue(l.StoreId).AppendValue(l.DcId).AppendValue(l.RouteId)
                    .AppendValue(l.ProductId).AppendValue(l.Quantity).AppendValue((int?)l.Allocated).AppendValue(l.Priority).AppendValue(l.ReviewedTs)
                    .AppendValue((DateTime?)l.PooledTs).EndRow();
            }
        }

        using (var shipments = connection.CreateAppender("sim_pending_shipments"))
        using (var lines = connection.CreateAppender("sim_pending_shipment_lines"))
        {
            foreach (var s in state.Shipments)
            {
                shipments.CreateRow().AppendValue(s.ShipmentId).AppendValue(s.TripId).AppendValue(s.StopSeq).AppendValue(s.DcId).AppendValue(s.StoreId).AppendValue(s.TemperatureClass)
                    .AppendValue(s.Priority).AppendValue(s.Units).AppendValue(s.FormedTs).AppendValue(s.Status).AppendValue(s.TruckId)
                    .AppendValue(s.ScheduledTs).AppendValue(s.LoadingTs).AppendValue(s.DcDepartureTs).AppendValue(s.ArrivedTs)
                    .AppendValue(s.UnloadingTs).AppendValue(s.CompletedTs).AppendValue(s.Eta).AppendValue(s.Etd)
                    .AppendValue(s.EstimatedUnloadMinutes).EndRow();
                foreach (var (productId, quantity) in s.Lines)
                {
                    lines.CreateRow().AppendValue(s.ShipmentId).AppendValue(productId).AppendValue(quantity).EndRow();
                }
            }
        }

        using (var orders = connection.CreateAppender("sim_supplier_orders"))
        {
            foreach (var o in state.SupplierOrders)
            {
                orders.CreateRow().AppendValue(o.PoId).AppendValue(o.ProductId).AppendValue(o.DcId).AppendValue(o.Quantity)
                    .AppendValue(o.ArrivalTs).EndRow();
            }
        }

        using (var campaigns = connection.CreateAppender("sim_campaigns"))
        {
            foreach (var c in state.Campaigns)
            {
                campaigns.CreateRow().AppendValue(c.CampaignId).AppendValue(c.CampaignType).AppendValue(c.StartDay).AppendValue(c.EndDay)
                    .AppendValue(c.DailyImpressions).AppendValue(c.Channels.ToList()).EndRow();
            }
        }

        using (var conversions = connection.CreateAppender("sim_pending_conversions"))
        {
            foreach (var c in state.PendingConversions)
            {
                conversions.CreateRow().AppendValue(c.JourneyId).AppendValue(c.ImpressionIdExt).AppendValue(c.CampaignId).AppendValue(c.CustomerId)
                    .AppendValue(c.Target).AppendValue(c.StoreId).AppendValue(c.DueTs).AppendValue(c.ExpiresTs).EndRow();
            }
        }

        using (var orders = connection.CreateAppender("sim_open_orders"))
        {
            foreach (var o in state.OpenOrders)
            {
                orders.CreateRow().AppendValue(o.OrderIdExt).AppendValue(o.FulfillmentMode).AppendValue(o.NodeType).AppendValue(o.NodeId)
                    .AppendValue(o.CorrelationId).AppendValue(o.PickedTs).AppendValue(o.ShippedTs).AppendValue(o.DeliveredTs)
                    .AppendValue(o.CancelTs).AppendValue(o.RefundTs).AppendValue(o.NextStatus).EndRow();
            }
        }

        using (var returns = connection.CreateAppender("sim_scheduled_returns"))
        {
            foreach (var r in state.ScheduledReturns)
            {
                returns.CreateRow().AppendValue(r.SourceIdExt).AppendValue(r.StoreId).AppendValue(r.CustomerId)
                    .AppendValue(r.ReturnDate).AppendValue(r.LineNums.ToList()).EndRow();
            }
        }
    }

    /// <summary>After the day's commit: what is in the database is now the baseline for the next diff.</summary>
    public static void MarkPersisted(SimulationState state)
    {
        state.Customers.MarkPersisted();
        foreach (var (_, ledger) in Ledgers(state))
        {
            ledger.MarkPersisted();
        }
    }

    /// <summary>
    /// sim_inventory_balances in full on the first save, afterwards only the (node, product) rows that changed
    /// since the last commit (a large network has ~1 M rows, most unchanged): appended with the day as
    /// <c>saved_day</c>, then the older rows of the same keys deleted, so each key keeps one row. Appending in place
    /// rather than staging the rows in a temporary table and copying them took a third off the balance save
    /// (docs/decisions.md, "The state save in place").
    /// </summary>
    private static void SaveBalances(DuckDBConnection connection, SimulationState state, DateOnly day)
    {
        var incremental = Ledgers(state).All(l => l.Ledger.Persisted.Saved);
        if (!incremental)
        {
            connection.Execute("DELETE FROM sim_inventory_balances");
        }

        // Through the day writer's data chunks rather than the row API: a day changes a few hundred thousand balances,
        // and the first save writes all of them (docs/decisions.md, "End to end vs its parts").
        using (var balances = new DataChunkAppender(connection, "sim_inventory_balances"))
        {
            foreach (var (nodeType, ledger) in Ledgers(state))
            {
                for (var p = 0; p < ledger.OnHand.Length; p++)
                {
                    if (incremental && !ledger.DiffersFromPersisted(p))
                    {
                        continue;
                    }

                    balances.CreateRow()
                        .Append(nodeType).Append(ledger.NodeId).Append(p + 1L)
                        .Append(ledger.OnHand[p]).Append(ledger.Reserved[p]).Append(ledger.OnOrder[p])
                        .Append(ledger.ReorderPoint[p]).Append(ledger.OrderUpTo[p]).Append(ledger.ForecastFactor[p])
                        .Append(ledger.StockoutOpen[p]).Append(day)
                        .EndRow();
                }
            }

            balances.Close();
        }

        if (incremental)
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = """
                DELETE FROM sim_inventory_balances b USING sim_inventory_balances c
                WHERE c.saved_day = $day AND b.saved_day IS DISTINCT FROM $day
                  AND b.node_type = c.node_type AND b.node_id = c.node_id AND b.product_id = c.product_id
                """;
            delete.Parameters.Add(new DuckDBParameter("day", day));
            delete.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// sim_customers in full on the first save, afterwards only the customers whose status or next transition changed
    /// (a few hundred a day out of 403,000 on <c>large</c>): deleted by key and re-appended.
    /// </summary>
    private static void SaveCustomers(DuckDBConnection connection, CustomerLifecycle customers, Region region)
    {
        var changed = new List<int>();
        for (var i = 0; i < customers.Count; i++)
        {
            if (customers.DiffersFromPersisted(i))
            {
                changed.Add(i);
            }
        }

        if (!customers.Saved)
        {
            connection.Execute("DELETE FROM sim_customers");
        }
        else if (changed.Count > 0)
        {
            connection.Execute($"DELETE FROM sim_customers WHERE customer_id IN ({string.Join(',', changed.Select(i => region.IdAt(i)))})");
        }

        using var appender = connection.CreateAppender("sim_customers");
        foreach (var i in changed)
        {
            appender.CreateRow().AppendValue(region.IdAt(i)).AppendValue(customers.Activity[i]).AppendValue(customers.PrimaryShare[i])
                .AppendValue(customers.Active[i] ? CustomerLifecycle.ActiveStatus : CustomerLifecycle.DormantStatus)
                .AppendValue(customers.NextTransition[i]).EndRow();
        }
    }

    private static IEnumerable<(string NodeType, InventoryLedger Ledger)> Ledgers(SimulationState state) =>
        state.StoreStock.Select(l => ("STORE", l)).Concat(state.DcStock.Select(l => ("DC", l)));

    public static SimulationState Load(DuckDBConnection connection, SimulationWorld world, DateOnly? lastCommittedDay)
    {
        var products = world.Products.Count;
        var stores = world.Stores.Select(s => new InventoryLedger(s.Store.StoreId, true, products)).ToArray();
        var dcs = world.Dcs.Select(d => new InventoryLedger(d.Dc.DcId, false, products)).ToArray();
        InventoryLedger Ledger(string type, long id) => type == "STORE" ? stores[world.IndexOf(id)] : dcs[world.IndexOf(id)];

        connection.ForEachRow("SELECT node_type, node_id, product_id, on_hand, reserved, on_order, reorder_point, order_up_to, forecast_factor, stockout_open FROM sim_inventory_balances", r =>
        {
            var ledger = Ledger(r.GetString(0), r.GetInt64(1));
            var p = (int)r.GetInt64(2) - 1;
            ledger.OnHand[p] = r.GetInt64(3);
            ledger.Reserved[p] = r.GetInt64(4);
            ledger.OnOrder[p] = r.GetInt64(5);
            ledger.ReorderPoint[p] = r.GetInt32(6);
            ledger.OrderUpTo[p] = r.GetInt32(7);
            ledger.ForecastFactor[p] = r.GetDouble(8);
            ledger.StockoutOpen[p] = r.GetBoolean(9);
        });
        connection.ForEachRow("SELECT node_type, node_id, next_txn_seq FROM sim_node_sequences", r => Ledger(r.GetString(0), r.GetInt64(1)).NextTxnSeq = r.GetInt64(2));

        var trucks = world.Trucks.Select((t, i) => new TruckState(t.TruckId, world.StartInstant, world.TruckStartDcIds[i])).ToArray();
        connection.ForEachRow("SELECT truck_id, available_at, location_dc_id, trip_id FROM sim_trucks", r =>
        {
            var truck = trucks[world.IndexOf(r.GetInt64(0))];
            truck.AvailableAt = Utc(r.GetDateTime(1));
            truck.LocationDcId = r.IsDBNull(2) ? null : r.GetInt64(2);
            truck.TripId = r.IsDBNull(3) ? null : r.GetString(3);
        });

        var state = new SimulationState
        {
            StoreStock = stores,
            DcStock = dcs,
            Customers = LoadCustomers(connection, world),
            Trucks = trucks,
            StoreRouteIds = world.StoreRouteIds,
            Region = world.Region,
            LastCommittedDay = lastCommittedDay,
        };
        connection.ForEachRow("SELECT reorder_id, store_id, dc_id, product_id, quantity, priority, reviewed_ts FROM sim_open_reorders WHERE pooled_ts IS NULL ORDER BY reviewed_ts, store_id, reorder_id", r =>
            state.OpenReorders.Add(new OpenReorder(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt32(4), r.GetString(5), Utc(r.GetDateTime(6)))));
        connection.ForEachRow("SELECT reorder_id, store_id, dc_id, route_id, product_id, quantity, allocated, priority, reviewed_ts, pooled_ts FROM sim_open_reorders WHERE pooled_ts IS NOT NULL ORDER BY reorder_id", r =>
            state.PooledLines.Add(new PooledLine
            {
                ReorderId = r.GetString(0),
                StoreId = r.GetInt64(1),
                DcId = r.GetInt64(2),
                RouteId = r.GetString(3),
                ProductId = r.GetInt64(4),
                Quantity = r.GetInt32(5),
                Allocated = r.GetInt32(6),
                Priority = r.GetString(7),
                ReviewedTs = Utc(r.GetDateTime(8)),
                PooledTs = Utc(r.GetDateTime(9)),
            }));
        connection.ForEachRow("SELECT trip_id, dc_id, route_id, truck_id, status, priority, formed_ts, scheduled_ts, units, return_ts FROM sim_trips ORDER BY formed_ts, trip_id", r =>
            state.Trips.Add(new Trip
            {
                TripId = r.GetString(0),
                DcId = r.GetInt64(1),
                RouteId = r.GetString(2),
                TruckId = r.IsDBNull(3) ? null : r.GetInt64(3),
                Status = r.GetString(4),
                Priority = r.GetString(5),
                FormedTs = Utc(r.GetDateTime(6)),
                ScheduledTs = NullableUtc(r, 7),
                Units = r.GetInt32(8),
                ReturnTs = NullableUtc(r, 9),
            }));

        var linesByShipment = new Dictionary<string, List<(long, int)>>();
        connection.ForEachRow("SELECT shipment_id, product_id, quantity FROM sim_pending_shipment_lines ORDER BY shipment_id, product_id", r =>
        {
            var id = r.GetString(0);
            if (!linesByShipment.TryGetValue(id, out var list))
            {
                linesByShipment[id] = list = [];
            }

            list.Add((r.GetInt64(1), r.GetInt32(2)));
        });
        connection.ForEachRow("SELECT * FROM sim_pending_shipments ORDER BY formed_ts, shipment_id", r => state.Shipments.Add(new PendingShipment
        {
            ShipmentId = r.GetString(0),
            TripId = r.GetString(1),
            StopSeq = r.GetInt16(2),
            DcId = r.GetInt64(3),
            StoreId = r.GetInt64(4),
            TemperatureClass = r.GetString(5),
            Priority = r.GetString(6),
            Units = r.GetInt32(7),
            FormedTs = Utc(r.GetDateTime(8)),
            Status = r.GetString(9),
            TruckId = r.IsDBNull(10) ? null : r.GetInt64(10),
            ScheduledTs = NullableUtc(r, 11),
            LoadingTs = NullableUtc(r, 12),
            DcDepartureTs = NullableUtc(r, 13),
            ArrivedTs = NullableUtc(r, 14),
            UnloadingTs = NullableUtc(r, 15),
            CompletedTs = NullableUtc(r, 16),
            Eta = NullableUtc(r, 17),
            Etd = NullableUtc(r, 18),
            EstimatedUnloadMinutes = r.IsDBNull(19) ? null : r.GetInt32(19),
            Lines = linesByShipment.GetValueOrDefault(r.GetString(0)) ?? [],
        }));
        connection.ForEachRow("SELECT po_id, product_id, dc_id, quantity, arrival_ts FROM sim_supplier_orders ORDER BY arrival_ts, po_id, product_id", r =>
            state.SupplierOrders.Add(new SupplierOrder(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt32(3), Utc(r.GetDateTime(4)))));
        connection.ForEachRow("SELECT source_id_ext, store_id, customer_id, return_date, line_nums FROM sim_scheduled_returns ORDER BY source_id_ext", r =>
            state.ScheduledReturns.Add(new ScheduledReturn(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetFieldValue<DateOnly>(3), r.GetFieldValue<List<int>>(4))));
        connection.ForEachRow("SELECT campaign_id, campaign_type, start_day, end_day, daily_impressions, channels FROM sim_campaigns ORDER BY campaign_id", r =>
            state.Campaigns.Add(new Campaign(
                r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetFieldValue<DateOnly>(3), r.GetInt32(4), r.GetFieldValue<List<string>>(5))));
        connection.ForEachRow("SELECT journey_id, impression_id_ext, campaign_id, customer_id, target, store_id, due_ts, expires_ts FROM sim_pending_conversions ORDER BY due_ts, journey_id", r =>
            state.PendingConversions.Add(new PendingConversion(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetInt64(5), Utc(r.GetDateTime(6)), Utc(r.GetDateTime(7)))));
        LoadOpenOrders(connection, state);
        MarkPersisted(state);
        return state;
    }

    private static CustomerLifecycle LoadCustomers(DuckDBConnection connection, SimulationWorld world)
    {
        var count = world.Customers.Count;
        var customers = new CustomerLifecycle(new double[count], new double[count], new bool[count], new DateOnly[count]);
        connection.ForEachRow("SELECT customer_id, activity, primary_share, status, next_transition FROM sim_customers", r =>
        {
            var i = world.IndexOf(r.GetInt64(0));
            customers.Activity[i] = r.GetDouble(1);
            customers.PrimaryShare[i] = r.GetDouble(2);
            customers.Active[i] = r.GetString(3) == CustomerLifecycle.ActiveStatus;
            customers.NextTransition[i] = r.GetFieldValue<DateOnly>(4);
        });
        return customers;
    }

    /// <summary>Open orders keep only their schedule in state; lines, customer, total and tender come from the committed order rows.</summary>
    private static void LoadOpenOrders(DuckDBConnection connection, SimulationState state)
    {
        var lines = new Dictionary<string, List<SoldLine>>(StringComparer.Ordinal);
        connection.ForEachRow("""
            SELECT l.order_id_ext, l.line_num, l.product_id, l.quantity, l.unit_cents, l.gross_cents, l.discount_cents, l.ext_cents, l.tax_cents
            FROM fact_online_order_lines l JOIN sim_open_orders USING (order_id_ext) ORDER BY l.order_id_ext, l.line_num
            """, r =>
        {
            var id = r.GetString(0);
            if (!lines.TryGetValue(id, out var list))
            {
                lines[id] = list = [];
            }

            list.Add(new SoldLine(r.GetInt32(1), r.GetInt64(2), r.GetInt32(3), r.GetInt64(4), new LineMoney(r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8))));
        });
        connection.ForEachRow("""
            SELECT o.order_id_ext, o.fulfillment_mode, o.node_type, o.node_id, o.correlation_id, o.picked_ts, o.shipped_ts, o.delivered_ts,
                   o.cancel_ts, o.refund_ts, o.next_status, h.customer_id, h.total_cents, h.tender_type,
                   (SELECT max(attempt_num) FROM fact_payments p WHERE p.order_id_ext = o.order_id_ext) AS last_attempt,
                   (SELECT count(*) FROM fact_payments p WHERE p.order_id_ext = o.order_id_ext AND p.status = 'APPROVED') AS approved,
                   h.event_ts
            FROM sim_open_orders o JOIN fact_online_order_headers h USING (order_id_ext)
            ORDER BY o.order_id_ext
            """, r => state.OpenOrders.Add(new OpenOrder
        {
            OrderIdExt = r.GetString(0),
            FulfillmentMode = r.GetString(1),
            NodeType = r.GetString(2),
            NodeId = r.GetInt64(3),
            CorrelationId = r.IsDBNull(4) ? null : r.GetString(4),
            PickedTs = Utc(r.GetDateTime(5)),
            ShippedTs = NullableUtc(r, 6),
            DeliveredTs = Utc(r.GetDateTime(7)),
            CancelTs = NullableUtc(r, 8),
            RefundTs = NullableUtc(r, 9),
            NextStatus = r.GetString(10),
            CustomerId = r.GetInt64(11),
            TotalCents = r.GetInt64(15) > 0 ? r.GetInt64(12) : 0,
            Tender = r.GetString(13),
            LastAttempt = r.GetInt32(14),
            Lines = [.. (lines.GetValueOrDefault(r.GetString(0)) ?? []).Select(l => (l.ProductId, l.Quantity))],
            CreatedTs = Utc(r.GetDateTime(16)),
            SoldLines = lines.GetValueOrDefault(r.GetString(0)) ?? [],
        }));
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? NullableUtc(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : Utc(r.GetDateTime(i));
}
