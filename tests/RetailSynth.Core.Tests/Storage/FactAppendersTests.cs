using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Storage;

public class FactAppendersTests
{
    // Millisecond offsets matter: facts order lines by t_r + line_num ms (data-model §16.2).
    private static readonly DateTime s_t = new(2024, 3, 5, 14, 7, 9, 123, DateTimeKind.Utc);

    /// <summary>The zones of the sample's nodes: store 11 in Chicago, DC 2 in New York, customers 501 and 502 in Los Angeles.</summary>
    internal static readonly NodeZones SampleZones = new(
        [(11, "America/Chicago")], [(2, "America/New_York")], [(501, "America/Los_Angeles"), (502, "America/Los_Angeles")]);

    internal static LocalLabels SampleLabels => SampleZones.ForDay(DateOnly.FromDateTime(s_t));

    internal static FactBatch SampleDay()
    {
        var facts = new FactBatch();
        var saleLine = new LineMoney(GrossCents: 1_998, DiscountCents: 200, NetCents: 1_798, TaxCents: 126);
        var sale = Money.Sum([saleLine]);

        facts.Receipts.Add(new ReceiptFact(
            "RCP-1", s_t, 11, 501, "VIS-1", "SALE", 2, sale, "CREDIT", "CMP-1", "IMP-1", "JRN-1", null));
        facts.Receipts.Add(new ReceiptFact(
            "RET-1", s_t.AddMinutes(5), 11, 501, null, "RETURN", -2, sale.Negate(), "CREDIT", null, null, null, "RCP-1"));
        facts.ReceiptLines.Add(new ReceiptLineFact("RCP-1", 1, s_t.AddMilliseconds(1), 11, 3, 2, 999, saleLine, "PROMO10"));
        facts.ReceiptLines.Add(new ReceiptLineFact("RET-1", 1, s_t.AddMinutes(5).AddMilliseconds(1), 11, 3, -2, 999, saleLine.Negate(), null));
        facts.Payments.Add(new PaymentFact(
            "TXN-1", s_t.AddMilliseconds(850), "RCP-1", null, 11, 501, 1, "CREDIT", "APPROVED", null, sale.TotalCents, 850, "JRN-1"));
        facts.Payments.Add(new PaymentFact(
            "TXN-2", s_t.AddSeconds(2), null, "ONL-1", null, 502, 1, "PAYPAL", "DECLINED", "INSUFFICIENT_FUNDS", 4_321, 1_200, null)
        {
            OrderNode = new FulfillmentNode("STORE", 11),
        });
        facts.StoreInventoryTxns.Add(new InventoryTxnFact(11, 1, s_t.AddMilliseconds(1), 3, -2, "SALE", "RCP-1", 40));
        facts.DcInventoryTxns.Add(new InventoryTxnFact(2, 1, s_t, 3, 120, "INBOUND_SHIPMENT", "PO-1", 500));
        facts.Stockouts.Add(new StockoutFact(s_t.AddMilliseconds(2), 11, null, 3, 2, 1));
        facts.Stockouts.Add(new StockoutFact(s_t.AddMilliseconds(3), null, 2, 7, 1, 9));
        facts.Reorders.Add(new ReorderFact("RO-1", s_t, 11, 2, 3, 5, 5, 10, 20, "URGENT", null));
        facts.Reorders.Add(new ReorderFact("RO-2", s_t, null, 2, 3, 50, 50, 100, 400, "NORMAL", "PO-2"));
        facts.TruckMoves.Add(new TruckMoveFact(
            "SHP-1", "SCHEDULED", s_t, 4, 2, 11, "AMBIENT", "HIGH", 300, null, s_t.AddHours(5), s_t.AddHours(6), 75, null));
        facts.TruckMoves.Add(new TruckMoveFact(
            "SHP-1", "COMPLETED", s_t.AddHours(6), 4, 2, 11, "AMBIENT", "HIGH", 300, s_t.AddHours(1), s_t.AddHours(5), s_t.AddHours(6), 75, 70));
        facts.TruckInventory.Add(new TruckInventoryFact(s_t.AddMilliseconds(1), "SHP-1", 4, 3, 300, "LOAD", "DC", 2));
        facts.FootTraffic.Add(new FootTrafficFact(s_t, s_t.AddMinutes(-59), 11, "ENTRANCE_MAIN", "SNS-1", 12, 340));
        facts.BlePings.Add(new BlePingFact("VIS-1", 1, s_t, 11, "BCN-1", "ENTRANCE_MAIN", "BLE-1", null, -61));
        facts.ZoneChanges.Add(new ZoneChangeFact("VIS-1", 1, s_t, 11, "BLE-1", 501, "ENTRANCE_MAIN", "FRESH"));
        facts.Marketing.Add(new MarketingFact(
            "IMP-1", s_t, "CMP-1", "FLASH_SALE", "EMAIL", "CRE-1", "AD-1", 501, "MOBILE", 17, "JRN-1")
        {
            TargetCustomerId = 501,
        });
        facts.Promotions.Add(new PromotionFact("RCP-1", "PROMO10", s_t.AddMilliseconds(100), 11, 501, "PERCENT", 200, 2, [3, 7], null));
        facts.PromoLines.Add(new PromoLineFact("RCP-1", 1, "PROMO10", s_t.AddMilliseconds(1), 3, 2, 200) { StoreId = 11 });
        facts.StoreOps.Add(new StoreOpFact(11, new DateOnly(2024, 3, 5), "OPENED", s_t));
        facts.OnlineOrderHeaders.Add(new OnlineOrderHeaderFact(
            "ONL-1", s_t, 502, "BOPIS", "STORE", 11, 2, 1, sale, 7_250, "PAYPAL", null, null, null));
        facts.OnlineOrderLines.Add(new OnlineOrderLineFact("ONL-1", 1, s_t, 3, 2, 999, saleLine, null) { OrderNode = new FulfillmentNode("STORE", 11) });
        facts.OnlineOrderStatus.Add(new OnlineOrderStatusFact("ONL-1", "PICKED", s_t.AddHours(2), "BOPIS", "STORE", 11));
        return facts;
    }

    /// <summary>The day writer's data chunks, and DuckDB.NET's row API (the bench's raw baseline): both must store the same values.</summary>
    public enum Writer
    {
        DataChunks,
        RowApi,
    }

    public static TheoryData<Writer> Writers => [Writer.DataChunks, Writer.RowApi];

    /// <param name="labels">Labels for the batch's nodes; the sample's by default.</param>
    internal static void Append(RetailDatabase database, FactBatch facts, bool commit, Writer writer, LocalLabels? labels = null)
    {
        using var transaction = database.Connection.BeginTransaction();
        if (writer == Writer.DataChunks)
        {
            AppendThrough(new DataChunkAppenders(database.Connection), facts, labels ?? SampleLabels, commit);
        }
        else
        {
            AppendThrough(new TableAppenders(database.Connection), facts, labels ?? SampleLabels, commit);
        }

        // Without Close, the rows the appenders already took are flushed into the transaction when they are
        // disposed, and the rollback below must take them away.
        if (commit)
        {
            transaction.Commit();
        }
        else
        {
            transaction.Rollback();
        }
    }

    private static void AppendThrough<TRow>(ITableAppenders<TRow> appenders, FactBatch facts, LocalLabels labels, bool commit)
        where TRow : struct, IAppendRow<TRow>
    {
        using (appenders)
        {
            FactAppenders.AppendAll(appenders, facts, labels, CancellationToken.None);
            if (commit)
            {
                appenders.Close();
            }
        }
    }

    private static T ReadSingle<T>(RetailDatabase database, string sql)
    {
        using var command = database.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return reader.GetFieldValue<T>(0);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Committed_day_has_every_batch_row_in_its_table(Writer writer)
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        var facts = SampleDay();

        Append(database, facts, commit: true, writer);

        var counts = FactAppenders.Counts(facts);
        Assert.Equal(DatasetTables.Facts, counts.Select(c => c.Table));
        Assert.Equal(facts.TotalRows, counts.Sum(c => c.Rows));
        foreach (var (table, rows) in counts)
        {
            Assert.True(rows > 0, $"the sample has no {table} row");
            Assert.Equal(rows, database.Scalar($"SELECT count(*) FROM {table}"));
        }
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Every_money_decimal_equals_its_cents_divided_by_one_hundred(Writer writer)
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        Append(database, SampleDay(), commit: true, writer);

        string[] checks =
        [
            "SELECT count(*) FROM fact_receipts WHERE gross_subtotal * 100 <> gross_subtotal_cents OR discount_amount * 100 <> discount_cents"
                + " OR subtotal * 100 <> subtotal_cents OR tax_amount * 100 <> tax_cents OR total_amount * 100 <> total_cents",
            "SELECT count(*) FROM fact_receipt_lines WHERE unit_price * 100 <> unit_cents OR gross_amount * 100 <> gross_cents"
                + " OR discount_amount * 100 <> discount_cents OR ext_price * 100 <> ext_cents OR tax_amount * 100 <> tax_cents",
            "SELECT count(*) FROM fact_payments WHERE amount * 100 <> amount_cents",
            "SELECT count(*) FROM fact_marketing WHERE cost * 100 <> cost_cents",
            "SELECT count(*) FROM fact_promotions WHERE discount_amount * 100 <> discount_cents",
            "SELECT count(*) FROM fact_promo_lines WHERE discount_amount * 100 <> discount_cents",
            "SELECT count(*) FROM fact_online_order_headers WHERE total_amount * 100 <> total_cents OR subtotal * 100 <> subtotal_cents",
            "SELECT count(*) FROM fact_online_order_lines WHERE ext_price * 100 <> ext_cents OR tax_amount * 100 <> tax_cents",
        ];
        foreach (var sql in checks)
        {
            Assert.Equal(0, database.Scalar(sql));
        }

        Assert.Equal(19.24m, ReadSingle<decimal>(database, "SELECT total_amount FROM fact_receipts WHERE receipt_id_ext = 'RCP-1'"));
        Assert.Equal(0.17m, ReadSingle<decimal>(database, "SELECT cost FROM fact_marketing"));
        Assert.Equal(0.0725m, ReadSingle<decimal>(database, "SELECT tax_rate FROM fact_online_order_headers"));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Return_amounts_round_trip_negative(Writer writer)
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        Append(database, SampleDay(), commit: true, writer);

        Assert.Equal(-19.24m, ReadSingle<decimal>(database, "SELECT total_amount FROM fact_receipts WHERE receipt_id_ext = 'RET-1'"));
        Assert.Equal(-1_924, database.Scalar("SELECT total_cents FROM fact_receipts WHERE receipt_id_ext = 'RET-1'"));
        Assert.Equal(-17.98m, ReadSingle<decimal>(database, "SELECT ext_price FROM fact_receipt_lines WHERE receipt_id_ext = 'RET-1'"));
        Assert.Equal(-2, database.Scalar("SELECT item_count FROM fact_receipts WHERE receipt_id_ext = 'RET-1'"));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Timestamps_keep_their_milliseconds(Writer writer)
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        Append(database, SampleDay(), commit: true, writer);

        var lineTs = ReadSingle<DateTime>(database, "SELECT event_ts FROM fact_receipt_lines WHERE receipt_id_ext = 'RCP-1'");
        Assert.Equal(s_t.AddMilliseconds(1).Ticks, lineTs.Ticks);
        Assert.Equal(223, database.Scalar("SELECT millisecond(event_ts) % 1000 FROM fact_promotions"));
        Assert.Equal(
            new DateTimeOffset(s_t.AddMilliseconds(850)).ToUnixTimeMilliseconds(),
            database.Scalar("SELECT epoch_ms(event_ts) FROM fact_payments WHERE transaction_id = 'TXN-1'"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM fact_stockouts WHERE detection_time <> event_ts"));
        Assert.Equal(
            new DateOnly(2024, 3, 5),
            DateOnly.FromDateTime(ReadSingle<DateTime>(database, "SELECT business_date FROM fact_store_ops")));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Promotion_product_ids_round_trip_as_a_list(Writer writer)
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        Append(database, SampleDay(), commit: true, writer);

        Assert.Equal([3L, 7L], ReadSingle<List<long>>(database, "SELECT product_ids FROM fact_promotions"));
        Assert.Equal(1, database.Scalar("SELECT count(*) FROM fact_promotions WHERE product_ids = [3, 7]::BIGINT[] AND len(product_ids) = product_count"));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Null_values_are_stored_as_sql_null(Writer writer)
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        Append(database, SampleDay(), commit: true, writer);

        string[] nulls =
        [
            "SELECT count(*) FROM fact_receipts WHERE receipt_id_ext = 'RET-1' AND visit_id IS NULL AND campaign_id IS NULL"
                + " AND impression_id_ext IS NULL AND correlation_id IS NULL AND return_for_receipt_id_ext = 'RCP-1'",
            "SELECT count(*) FROM fact_receipts WHERE receipt_id_ext = 'RCP-1' AND return_for_receipt_id_ext IS NULL AND visit_id = 'VIS-1'",
            "SELECT count(*) FROM fact_receipt_lines WHERE receipt_id_ext = 'RET-1' AND promo_code IS NULL",
            "SELECT count(*) FROM fact_payments WHERE transaction_id = 'TXN-2' AND receipt_id_ext IS NULL AND store_id IS NULL"
                + " AND correlation_id IS NULL AND decline_reason = 'INSUFFICIENT_FUNDS'",
            "SELECT count(*) FROM fact_payments WHERE transaction_id = 'TXN-1' AND order_id_ext IS NULL AND decline_reason IS NULL AND store_id = 11",
            "SELECT count(*) FROM fact_stockouts WHERE store_id IS NULL AND dc_id = 2",
            "SELECT count(*) FROM fact_stockouts WHERE dc_id IS NULL AND store_id = 11",
            "SELECT count(*) FROM fact_reorders WHERE reorder_id = 'RO-2' AND store_id IS NULL AND po_id = 'PO-2'",
            "SELECT count(*) FROM fact_truck_moves WHERE status = 'SCHEDULED' AND dc_departure_ts IS NULL AND actual_unload_minutes IS NULL",
            "SELECT count(*) FROM fact_truck_moves WHERE status = 'COMPLETED' AND dc_departure_ts IS NOT NULL AND actual_unload_minutes = 70",
            "SELECT count(*) FROM fact_ble_pings WHERE customer_id IS NULL",
            "SELECT count(*) FROM fact_promotions WHERE correlation_id IS NULL",
            "SELECT count(*) FROM fact_online_order_headers WHERE campaign_id IS NULL AND impression_id_ext IS NULL AND correlation_id IS NULL",
            "SELECT count(*) FROM fact_online_order_lines WHERE promo_code IS NULL",
        ];
        foreach (var sql in nulls)
        {
            Assert.True(database.Scalar(sql) == 1, sql);
        }
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Rolled_back_day_leaves_every_fact_table_empty(Writer writer)
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));

        Append(database, SampleDay(), commit: false, writer);

        foreach (var table in DatasetTables.Facts)
        {
            Assert.Equal(0, database.Scalar($"SELECT count(*) FROM {table}"));
        }
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Every_fact_state_and_outbox_table_exists_and_orders_by_its_key(Writer writer)
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        Append(database, SampleDay(), commit: true, writer);

        Assert.Equal(19, DatasetTables.Facts.Count);
        Assert.Equal([.. DatasetTables.Facts, .. DatasetTables.SimulatorState, DatasetTables.Outbox, DatasetTables.SentStats], DatasetTables.DependentOnDimensions);
        Assert.Matches("^[0-9a-f]{64}$", DatasetHasher.Hash(database, DatasetTables.DependentOnDimensions));
    }

    [Fact]
    public void Data_chunks_store_simulated_days_exactly_as_the_row_api_does()
    {
        var days = Engine.Simulation.DaySimulatorTests.Run(days: 3);
        using var folder = new TempFolder();
        using var chunks = RetailDatabase.Open(folder.File("chunks.duckdb"));
        using var rowApi = RetailDatabase.Open(folder.File("row-api.duckdb"));

        var options = Engine.Simulation.SimulationFixture.Options(); // the world DaySimulatorTests.Run simulates
        var zones = Engine.Simulation.SimulationFixture.Simulator(options).World.NodeZones;
        for (var d = 0; d < days.Count; d++)
        {
            var labels = zones.ForDay(options.StartDate.AddDays(d));
            Append(chunks, days[d], commit: true, Writer.DataChunks, labels);
            Append(rowApi, days[d], commit: true, Writer.RowApi, labels);
        }

        Assert.True(chunks.Scalar("SELECT count(*) FROM fact_receipt_lines") > 2 * 2_048, "the days should fill several chunks");
        Assert.Equal(DatasetHasher.Hash(rowApi, DatasetTables.Facts), DatasetHasher.Hash(chunks, DatasetTables.Facts));
    }
}
