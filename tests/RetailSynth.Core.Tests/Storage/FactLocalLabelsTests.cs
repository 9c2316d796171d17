using RetailSynth.Core.Tests.Storage.ReadBack;
using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Storage;

namespace RetailSynth.Core.Tests.Storage;

/// <summary>
/// business_date and local_hour as the fact writers append them (data-model §2.3): each table labelled in the zone of
/// its node. Store 11 is in Chicago, DC 2 in New York, customer 501 lives in Los Angeles, so each node kind gives
/// another answer for the same instant.
/// </summary>
public class FactLocalLabelsTests
{
    private static readonly NodeZones s_zones = new(
        [(11, "America/Chicago")], [(2, "America/New_York")], [(501, "America/Los_Angeles")]);

    private static readonly LineMoney s_line = new(GrossCents: 1_000, DiscountCents: 0, NetCents: 1_000, TaxCents: 70);

    // 05:30Z on 2024-03-05: 00:30 on Mar 5 in New York (EST), 23:30 on Mar 4 in Chicago (CST), 21:30 on Mar 4 in Los Angeles.
    private static readonly DateTime s_t = new(2024, 3, 5, 5, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_store_row_in_the_week_daylight_saving_starts_takes_the_store_offset_of_its_own_hour()
    {
        // Chicago springs forward at 02:00 local on 2024-03-10 (08:00Z): 07:30Z is 01:30 CST, 08:30Z is 03:30 CDT.
        var facts = new FactBatch();
        facts.Receipts.Add(Receipt("RCP-1", new DateTime(2024, 3, 10, 3, 0, 0, DateTimeKind.Utc)));
        facts.Receipts.Add(Receipt("RCP-2", new DateTime(2024, 3, 10, 7, 30, 0, DateTimeKind.Utc)));
        facts.Receipts.Add(Receipt("RCP-3", new DateTime(2024, 3, 10, 8, 30, 0, DateTimeKind.Utc)));
        facts.Receipts.Add(Receipt("RCP-4", new DateTime(2024, 3, 10, 23, 0, 0, DateTimeKind.Utc)));

        var labels = Write(facts, new DateOnly(2024, 3, 10));

        Assert.Equal(
            [(new DateOnly(2024, 3, 9), 21), (new DateOnly(2024, 3, 10), 1), (new DateOnly(2024, 3, 10), 3), (new DateOnly(2024, 3, 10), 18)],
            labels.Of("fact_receipts"));
    }

    [Fact]
    public void A_close_at_local_midnight_keeps_its_opening_business_date_at_hour_zero()
    {
        // Business date 2024-03-05 closes at local 24:00, 2024-03-06 06:00Z: 00:00 of the next local date.
        var facts = new FactBatch();
        facts.StoreOps.Add(new StoreOpFact(11, new DateOnly(2024, 3, 5), "OPENED", new DateTime(2024, 3, 5, 14, 0, 0, DateTimeKind.Utc)));
        facts.StoreOps.Add(new StoreOpFact(11, new DateOnly(2024, 3, 5), "CLOSED", new DateTime(2024, 3, 6, 6, 0, 0, DateTimeKind.Utc)));

        var labels = Write(facts, new DateOnly(2024, 3, 6));

        Assert.Equal([(new DateOnly(2024, 3, 5), 8), (new DateOnly(2024, 3, 5), 0)], labels.Of("fact_store_ops"));
    }

    [Fact]
    public void DC_rows_take_the_DC_zone_and_store_rows_of_shared_tables_the_store_zone()
    {
        var facts = new FactBatch();
        facts.DcInventoryTxns.Add(new InventoryTxnFact(2, 1, s_t, 3, 100, "INBOUND_SHIPMENT", "PO-1", 100));
        facts.StoreInventoryTxns.Add(new InventoryTxnFact(11, 1, s_t, 3, -1, "SALE", "RCP-1", 9));
        facts.Stockouts.Add(new StockoutFact(s_t, null, 2, 3, 1, 1));
        facts.Stockouts.Add(new StockoutFact(s_t, 11, null, 3, 1, 1));
        facts.Reorders.Add(new ReorderFact("RO-1", s_t, null, 2, 3, 5, 5, 10, 50, "NORMAL", "PO-2"));
        facts.Reorders.Add(new ReorderFact("RO-2", s_t, 11, 2, 3, 5, 5, 10, 50, "NORMAL", null));

        var labels = Write(facts, new DateOnly(2024, 3, 5));

        Assert.Equal([InNewYork], labels.Of("fact_dc_inventory_txn"));
        Assert.Equal([InChicago], labels.Of("fact_store_inventory_txn"));
        Assert.Equal([InNewYork, InChicago], labels.Of("fact_stockouts"));
        Assert.Equal([InNewYork, InChicago], labels.Of("fact_reorders"));
    }

    [Fact]
    public void Every_row_of_a_DC_fulfilled_order_takes_the_DC_zone()
    {
        var dc = new FulfillmentNode("DC", 2);
        var facts = new FactBatch();
        facts.OnlineOrderHeaders.Add(new OnlineOrderHeaderFact(
            "ONL-1", s_t, 501, "SHIP_FROM_DC", "DC", 2, 1, 1, Money.Sum([s_line]), 7_000, "CREDIT", null, null, null));
        facts.OnlineOrderLines.Add(new OnlineOrderLineFact("ONL-1", 1, s_t, 3, 1, 1_000, s_line, null) { OrderNode = dc });
        facts.Payments.Add(new PaymentFact("TXN-ONL-1-1", s_t, null, "ONL-1", null, 501, 1, "CREDIT", "APPROVED", null, 1_070, 900, null) { OrderNode = dc });
        facts.OnlineOrderStatus.Add(new OnlineOrderStatusFact("ONL-1", "PICKED", s_t, "SHIP_FROM_DC", "DC", 2));

        var labels = Write(facts, new DateOnly(2024, 3, 5));

        foreach (var table in new[] { "fact_online_order_headers", "fact_online_order_lines", "fact_payments", "fact_online_order_status" })
        {
            Assert.Equal([InNewYork], labels.Of(table));
        }
    }

    [Fact]
    public void A_truck_move_is_labelled_at_its_DC_until_it_leaves_and_at_its_store_from_arrival()
    {
        var facts = new FactBatch();
        foreach (var status in new[] { "SCHEDULED", "LOADING", "IN_TRANSIT", "ARRIVED", "UNLOADING", "COMPLETED" })
        {
            facts.TruckMoves.Add(new TruckMoveFact("SHP-1", status, s_t, 4, 2, 11, "AMBIENT", "NORMAL", 10, null, s_t, s_t, 30, null));
        }

        facts.TruckInventory.Add(new TruckInventoryFact(s_t, "SHP-1", 4, 3, 10, "LOAD", "DC", 2));
        facts.TruckInventory.Add(new TruckInventoryFact(s_t, "SHP-1", 4, 3, 10, "UNLOAD", "STORE", 11));

        var labels = Write(facts, new DateOnly(2024, 3, 5));

        Assert.Equal([InNewYork, InNewYork, InNewYork, InChicago, InChicago, InChicago], labels.Of("fact_truck_moves"));
        Assert.Equal([InNewYork, InChicago], labels.Of("fact_truck_inventory"));
    }

    [Fact]
    public void An_impression_is_labelled_in_the_zone_of_the_targeted_customers_home_even_without_a_customer_id()
    {
        var facts = new FactBatch();
        facts.Marketing.Add(new MarketingFact("IMP-1", s_t, "CMP-1", "FLASH_SALE", "DISPLAY", "CRV-1", "AD-1", null, "MOBILE", 1, "JRN-1")
        {
            TargetCustomerId = 501,
        });

        var labels = Write(facts, new DateOnly(2024, 3, 5));

        Assert.Equal([(new DateOnly(2024, 3, 4), 21)], labels.Of("fact_marketing"));
    }

    [Fact]
    public void A_row_outside_the_labels_day_is_still_labelled_from_its_own_instant()
    {
        var facts = new FactBatch();
        facts.Receipts.Add(Receipt("RCP-1", new DateTime(2024, 7, 1, 3, 0, 0, DateTimeKind.Utc)));

        var labels = Write(facts, new DateOnly(2024, 3, 5));

        Assert.Equal([(new DateOnly(2024, 6, 30), 22)], labels.Of("fact_receipts")); // CDT, not March's CST
    }

    [Fact]
    public void A_row_of_a_node_the_dimensions_lack_is_refused_rather_than_labelled_in_some_zone()
    {
        var facts = new FactBatch();
        facts.StoreInventoryTxns.Add(new InventoryTxnFact(12, 1, s_t, 3, -1, "SALE", "RCP-1", 9));

        var failure = Assert.Throws<InvalidOperationException>(() => Write(facts, new DateOnly(2024, 3, 5)));

        Assert.Contains("store 12", failure.Message);
    }

    private static (DateOnly, int) InNewYork => (new DateOnly(2024, 3, 5), 0);

    private static (DateOnly, int) InChicago => (new DateOnly(2024, 3, 4), 23);

    private static ReceiptFact Receipt(string id, DateTime at) =>
        new(id, at, 11, 501, null, "SALE", 1, Money.Sum([s_line]), "CASH", null, null, null, null);

    private static Recorded Write(FactBatch facts, DateOnly day)
    {
        var rows = new RecordedRows();
        FactAppenders.AppendAll(rows, facts, s_zones.ForDay(day), CancellationToken.None);
        return new Recorded(rows);
    }

    private sealed class Recorded(RecordedRows rows)
    {
        public List<(DateOnly, int)> Of(string table)
        {
            var columns = FactTables.All.Single(t => t.Name == table).Columns.ToList();
            var date = columns.IndexOf("business_date");
            var hour = columns.IndexOf("local_hour");
            return [.. rows.Of(table).Select(r => ((DateOnly)r[date]!, (int)(short)r[hour]!))];
        }
    }
}
