using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Events;
using RetailSynth.Engine.Simulation.Inventory;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Storage.ReadBack;

/// <summary>
/// Every table an Appender fills, read back column for column against the values its writer was handed. DuckDB.NET's
/// row API writes a value at the width of the overload it binds to, not the column's: a bare <c>0</c> binds to
/// <c>AppendValue(sbyte?)</c> and fills one byte of an INTEGER, leaving the rest of the vector's memory behind.
/// </summary>
public class AppendedRowsReadBackTests(WrittenDays written) : IClassFixture<WrittenDays>
{
    [Fact]
    public void Outbox_rows_read_back_as_appended_in_every_column_across_several_vectors()
    {
        Assert.Equal(WrittenDays.Days * WrittenDays.EventsPerDay, written.Events.Count);
        StoredRows.AssertEqual(written.Database.Connection, DatasetTables.Outbox, "outbox_id", [.. written.Events.Select(OutboxRow)]);
    }

    [Fact]
    public void Fact_rows_read_back_as_the_day_writer_was_handed_them()
    {
        // Stockouts and reorders need more than three days of a reduced world; FactAppendersTests covers them with sample rows.
        var empty = DatasetTables.Facts.Where(t => written.Facts.Of(t).Count == 0).ToList();
        Assert.True(empty.All(t => t is "fact_stockouts" or "fact_reorders"), $"no rows for {string.Join(", ", empty)}");
        foreach (var table in DatasetTables.Facts)
        {
            StoredRows.AssertEqual(written.Database.Connection, table, "rowid", written.Facts.Of(table));
        }
    }

    [Fact]
    public void Fact_rows_read_back_as_the_row_api_of_the_bench_baseline_was_handed_them()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("row-api.duckdb"));
        foreach (var (hour, labels) in written.FactBatch)
        {
            FactAppendersTests.Append(database, hour, commit: true, FactAppendersTests.Writer.RowApi, labels);
        }

        foreach (var table in DatasetTables.Facts)
        {
            StoredRows.AssertEqual(database.Connection, table, "rowid", written.Facts.Of(table));
        }
    }

    [Fact]
    public void Dimension_rows_read_back_as_appended_in_every_column()
    {
        var d = written.Dimensions;
        var connection = written.Database.Connection;
        StoredRows.AssertEqual(connection, "dim_geographies", "rowid", [.. d.Geographies.Select(g => new object?[]
        {
            g.GeographyId, g.City, g.State, g.ZipCode, g.District, g.Region, g.Latitude, g.Longitude, g.TimeZone, g.PlacementWeight,
        })]);
        StoredRows.AssertEqual(connection, "dim_distribution_centers", "rowid", [.. d.DistributionCenters.Select(dc => new object?[]
        {
            dc.DcId, dc.DcNumber, dc.Address, dc.GeographyId, dc.TimeZone, dc.Latitude, dc.Longitude, dc.RoadMilesToDcs.ToArray(),
        })]);
        StoredRows.AssertEqual(connection, "dim_stores", "rowid", [.. d.Stores.Select(s => new object?[]
        {
            s.StoreId, s.StoreNumber, s.Address, s.GeographyId, s.Latitude, s.Longitude, s.TimeZone, s.TaxRateE5 / 100_000m,
            s.GeographyClass, s.VolumeClass, s.StoreFormat, s.HoursClass, s.OperatingHours, s.OpenMinute, s.CloseMinute,
            s.DailyTrafficMultiplier, s.NearestDcId, s.DcRoadMiles, s.RouteId, s.RouteStopSeq, s.RouteLegMiles, s.RouteStopMiles.ToArray(),
            s.NeighborStoreIds.ToArray(),
        })]);
        StoredRows.AssertEqual(connection, "dim_trucks", "rowid", [.. d.Trucks.Select(t => new object?[]
        {
            t.TruckId, t.LicensePlate, t.Refrigerated, t.FleetType, t.DcId, t.CapacityUnits,
        })]);
        object?[] anonymousShopper = [0L, "Anonymous", "Shopper", null, null, null, null, null, null, null, null, null, null, false, null, null, null];
        StoredRows.AssertEqual(connection, "dim_customers", "rowid", [anonymousShopper, .. d.Customers.Select(c => new object?[]
        {
            c.CustomerId, c.FirstName, c.LastName, c.Address, c.GeographyId, c.Latitude, c.Longitude, c.Phone, c.LoyaltyCard,
            c.BleId, c.AdId, c.ShopperSegment, c.MobilitySegment, c.BleOptIn, c.JoinDate, c.PrimaryStoreId, c.SecondaryStoreId,
        })]);
        StoredRows.AssertEqual(connection, "dim_products", "rowid", [.. d.Products.Select(p => new object?[]
        {
            p.ProductId, p.ProductName, p.Brand, p.Company, p.Department, p.Category, p.Subcategory, p.MerchGroup,
            p.CostCents / 100m, p.CostCents, p.MsrpCents / 100m, p.MsrpCents, p.SalePriceCents / 100m, p.SalePriceCents,
            p.RequiresRefrigeration, p.Taxability, p.LaunchDate, p.PopularityWeight, p.DemandWeight, p.CasePack, p.SeasonProfile, p.Tags,
        })]);
    }

    [Fact]
    public void Simulator_state_rows_read_back_as_appended_in_every_column()
    {
        var s = written.State;
        var connection = written.Database.Connection;
        var ledgers = Ledgers(s);

        var ledgersByDay = written.DayStates.Select(d => (d.Day, Ledgers: Ledgers(d.State))).ToList();
        object?[][] balances = [.. ledgers
            .SelectMany((n, i) => Enumerable.Range(0, n.Ledger.OnHand.Length).Select(p => new object?[]
            {
                n.NodeType, n.Ledger.NodeId, p + 1L, n.Ledger.OnHand[p], n.Ledger.Reserved[p], n.Ledger.OnOrder[p],
                n.Ledger.ReorderPoint[p], n.Ledger.OrderUpTo[p], n.Ledger.ForecastFactor[p], n.Ledger.StockoutOpen[p],
                LastChanged(ledgersByDay, i, p),
            }))
            .OrderBy(r => (string)r[0]!, StringComparer.Ordinal).ThenBy(r => (long)r[1]!).ThenBy(r => (long)r[2]!)];
        Assert.True(balances.Select(r => r[^1]).Distinct().Count() > 1, "some balances should change after the first day, so saved_day differs between rows");
        StoredRows.AssertEqual(connection, "sim_inventory_balances", "node_type, node_id, product_id", balances);
        StoredRows.AssertEqual(connection, "sim_node_sequences", "rowid", [.. ledgers.Select(n => new object?[]
        {
            n.NodeType, n.Ledger.NodeId, n.Ledger.NextTxnSeq,
        })]);
        AssertState("sim_trucks", s.Trucks.Select(t => new object?[] { t.TruckId, t.AvailableAt, t.LocationDcId, t.TripId }));
        AssertState("sim_trips", s.Trips.Select(t => new object?[]
        {
            t.TripId, t.DcId, t.RouteId, t.TruckId, t.Status, t.Priority, t.FormedTs, t.ScheduledTs, t.Units, t.ReturnTs,
        }));
        AssertState("sim_open_reorders", s.OpenReorders.Select(r => new object?[]
        {
            r.ReorderId, r.StoreId, r.DcId, s.StoreRouteIds[(int)r.StoreId - 1], r.ProductId, r.Quantity, null, r.Priority, r.ReviewedTs, null,
        }).Concat(s.PooledLines.Select(l => new object?[]
        {
            l.ReorderId, l.StoreId, l.DcId, l.RouteId, l.ProductId, l.Quantity, l.Allocated, l.Priority, l.ReviewedTs, l.PooledTs,
        })));
        AssertState("sim_pending_shipments", s.Shipments.Select(p => new object?[]
        {
            p.ShipmentId, p.TripId, p.StopSeq, p.DcId, p.StoreId, p.TemperatureClass, p.Priority, p.Units, p.FormedTs, p.Status, p.TruckId,
            p.ScheduledTs, p.LoadingTs, p.DcDepartureTs, p.ArrivedTs, p.UnloadingTs, p.CompletedTs, p.Eta, p.Etd, p.EstimatedUnloadMinutes,
        }));
        AssertState("sim_pending_shipment_lines", s.Shipments.SelectMany(p => p.Lines.Select(l => new object?[] { p.ShipmentId, l.ProductId, l.Quantity })));
        AssertState("sim_supplier_orders", s.SupplierOrders.Select(o => new object?[] { o.PoId, o.ProductId, o.DcId, o.Quantity, o.ArrivalTs }));
        AssertState("sim_campaigns", s.Campaigns.Select(c => new object?[]
        {
            c.CampaignId, c.CampaignType, c.StartDay, c.EndDay, c.DailyImpressions, c.Channels.ToArray(),
        }));
        AssertState("sim_pending_conversions", s.PendingConversions.Select(c => new object?[]
        {
            c.JourneyId, c.ImpressionIdExt, c.CampaignId, c.CustomerId, c.Target, c.StoreId, c.DueTs, c.ExpiresTs,
        }));
        AssertState("sim_open_orders", s.OpenOrders.Select(o => new object?[]
        {
            o.OrderIdExt, o.FulfillmentMode, o.NodeType, o.NodeId, o.CorrelationId, o.PickedTs, o.ShippedTs, o.DeliveredTs,
            o.CancelTs, o.RefundTs, o.NextStatus,
        }));
        AssertState("sim_scheduled_returns", s.ScheduledReturns.Select(r => new object?[] { r.SourceIdExt, r.StoreId, r.CustomerId, r.ReturnDate, r.LineNums.ToArray() }));

        void AssertState(string table, IEnumerable<object?[]> rows)
        {
            List<object?[]> expected = [.. rows];
            // Three days of a reduced world leave no reorder or shipment open at the end of the last day.
            Assert.True(
                expected.Count > 0 || table is "sim_open_reorders" or "sim_pending_shipments" or "sim_pending_shipment_lines" or "sim_trips",
                $"the simulated days leave no {table} row");
            StoredRows.AssertEqual(connection, table, "rowid", expected);
        }
    }

    private static List<(string NodeType, InventoryLedger Ledger)> Ledgers(SimulationState state) =>
        [.. state.StoreStock.Select(l => ("STORE", l)), .. state.DcStock.Select(l => ("DC", l))];

    /// <summary>saved_day of a balance row: the first day, or the last day on which any of its values changed.</summary>
    private static DateOnly LastChanged(List<(DateOnly Day, List<(string NodeType, InventoryLedger Ledger)> Ledgers)> byDay, int node, int p)
    {
        var saved = byDay[0].Day;
        for (var d = 1; d < byDay.Count; d++)
        {
            var (before, after) = (byDay[d - 1].Ledgers[node].Ledger, byDay[d].Ledgers[node].Ledger);
            if (before.OnHand[p] != after.OnHand[p] || before.Reserved[p] != after.Reserved[p] || before.OnOrder[p] != after.OnOrder[p]
                || before.ReorderPoint[p] != after.ReorderPoint[p] || before.OrderUpTo[p] != after.OrderUpTo[p]
                || !before.ForecastFactor[p].Equals(after.ForecastFactor[p]) || before.StockoutOpen[p] != after.StockoutOpen[p])
            {
                saved = byDay[d].Day;
            }
        }

        return saved;
    }

    /// <summary>A new outbox row: pending, never attempted, its body in the day's body file.</summary>
    private static object?[] OutboxRow(EncodedEvent e) =>
    [
        e.OutboxId, e.EventId, e.EventTs, e.SimDay, e.EventType, e.PartitionKey, null, "pending", 0, null, null, null, e.CorrelationId,
        e.InFile!.Value.Offset, e.InFile.Value.Length,
    ];
}
