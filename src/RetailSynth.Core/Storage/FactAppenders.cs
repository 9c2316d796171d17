using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using RetailSynth.Domain.Facts;

namespace RetailSynth.Storage;

/// <summary>
/// One Appender loop per fact table (data-model §16); column order matches migration 002. The hot
/// path of a simulated day: plain loops over spans, no per-row LINQ or closures.
/// Money goes in twice, as cents / 100 (DECIMAL(18,2)) and as cents (§4).
/// </summary>
internal static class FactAppenders
{
    // Cancellation is polled once per this many rows, not per row.
    private const int CancellationStride = 0xFFFF;

    public static void AppendAll(TableAppenders appenders, DayFacts facts, CancellationToken cancellationToken)
    {
        AppendReceipts(appenders, facts.Receipts, cancellationToken);
        AppendReceiptLines(appenders, facts.ReceiptLines, cancellationToken);
        AppendPayments(appenders, facts.Payments, cancellationToken);
        AppendInventoryTxns(appenders, "fact_store_inventory_txn", facts.StoreInventoryTxns, cancellationToken);
        AppendInventoryTxns(appenders, "fact_dc_inventory_txn", facts.DcInventoryTxns, cancellationToken);
        AppendStockouts(appenders, facts.Stockouts, cancellationToken);
        AppendReorders(appenders, facts.Reorders, cancellationToken);
        AppendTruckMoves(appenders, facts.TruckMoves, cancellationToken);
        AppendTruckInventory(appenders, facts.TruckInventory, cancellationToken);
        AppendFootTraffic(appenders, facts.FootTraffic, cancellationToken);
        AppendBlePings(appenders, facts.BlePings, cancellationToken);
        AppendZoneChanges(appenders, facts.ZoneChanges, cancellationToken);
        AppendMarketing(appenders, facts.Marketing, cancellationToken);
        AppendPromotions(appenders, facts.Promotions, cancellationToken);
        AppendPromoLines(appenders, facts.PromoLines, cancellationToken);
        AppendStoreOps(appenders, facts.StoreOps, cancellationToken);
        AppendOnlineOrderHeaders(appenders, facts.OnlineOrderHeaders, cancellationToken);
        AppendOnlineOrderLines(appenders, facts.OnlineOrderLines, cancellationToken);
        AppendOnlineOrderStatus(appenders, facts.OnlineOrderStatus, cancellationToken);
    }

    /// <summary>Rows per fact table in the batch, in <see cref="DatasetTables.Facts"/> order.</summary>
    public static IReadOnlyList<(string Table, long Rows)> Counts(DayFacts facts) =>
    [
        ("fact_receipts", facts.Receipts.Count),
        ("fact_receipt_lines", facts.ReceiptLines.Count),
        ("fact_payments", facts.Payments.Count),
        ("fact_store_inventory_txn", facts.StoreInventoryTxns.Count),
        ("fact_dc_inventory_txn", facts.DcInventoryTxns.Count),
        ("fact_stockouts", facts.Stockouts.Count),
        ("fact_reorders", facts.Reorders.Count),
        ("fact_truck_moves", facts.TruckMoves.Count),
        ("fact_truck_inventory", facts.TruckInventory.Count),
        ("fact_foot_traffic", facts.FootTraffic.Count),
        ("fact_ble_pings", facts.BlePings.Count),
        ("fact_customer_zone_changes", facts.ZoneChanges.Count),
        ("fact_marketing", facts.Marketing.Count),
        ("fact_promotions", facts.Promotions.Count),
        ("fact_promo_lines", facts.PromoLines.Count),
        ("fact_store_ops", facts.StoreOps.Count),
        ("fact_online_order_headers", facts.OnlineOrderHeaders.Count),
        ("fact_online_order_lines", facts.OnlineOrderLines.Count),
        ("fact_online_order_status", facts.OnlineOrderStatus.Count),
    ];

    private static decimal Amount(long cents) => cents / 100m;

    private static void PollCancellation(int index, CancellationToken cancellationToken)
    {
        if ((index & CancellationStride) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static IDuckDBAppenderRow AppendMoney(this IDuckDBAppenderRow row, long cents) =>
        row.AppendValue(Amount(cents)).AppendValue(cents);

    private static IDuckDBAppenderRow AppendHeaderMoney(this IDuckDBAppenderRow row, in Money m) => row
        .AppendMoney(m.GrossCents).AppendMoney(m.DiscountCents).AppendMoney(m.SubtotalCents)
        .AppendMoney(m.TaxCents).AppendMoney(m.TotalCents);

    // unit, gross, discount, ext (net), tax: the line money order of §16.2 and §16.18.
    private static IDuckDBAppenderRow AppendLineMoney(this IDuckDBAppenderRow row, long unitCents, in LineMoney m) => row
        .AppendMoney(unitCents).AppendMoney(m.GrossCents).AppendMoney(m.DiscountCents)
        .AppendMoney(m.NetCents).AppendMoney(m.TaxCents);

    private static void AppendReceipts(TableAppenders appenders, List<ReceiptFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_receipts");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.ReceiptIdExt).AppendValue(r.EventTs).AppendValue(r.StoreId).AppendValue(r.CustomerId)
                .AppendValue(r.VisitId).AppendValue(r.ReceiptType).AppendValue(r.ItemCount)
                .AppendHeaderMoney(r.Money)
                .AppendValue(r.TenderType).AppendValue(r.CampaignId).AppendValue(r.ImpressionIdExt)
                .AppendValue(r.CorrelationId).AppendValue(r.ReturnForReceiptIdExt)
                .EndRow();
        }
    }

    private static void AppendReceiptLines(TableAppenders appenders, List<ReceiptLineFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_receipt_lines");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.ReceiptIdExt).AppendValue(r.LineNum).AppendValue(r.EventTs).AppendValue(r.StoreId)
                .AppendValue(r.ProductId).AppendValue(r.Quantity)
                .AppendLineMoney(r.UnitCents, r.Money)
                .AppendValue(r.PromoCode)
                .EndRow();
        }
    }

    private static void AppendPayments(TableAppenders appenders, List<PaymentFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_payments");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.TransactionId).AppendValue(r.EventTs).AppendValue(r.ReceiptIdExt).AppendValue(r.OrderIdExt)
                .AppendValue(r.StoreId).AppendValue(r.CustomerId).AppendValue(r.AttemptNum).AppendValue(r.PaymentMethod)
                .AppendValue(r.Status).AppendValue(r.DeclineReason).AppendMoney(r.AmountCents)
                .AppendValue(r.ProcessingTimeMs).AppendValue(r.CorrelationId)
                .EndRow();
        }
    }

    private static void AppendInventoryTxns(TableAppenders appenders, string table, List<InventoryTxnFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For(table);
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.NodeId).AppendValue(r.TxnSeq).AppendValue(r.EventTs).AppendValue(r.ProductId)
                .AppendValue(r.Quantity).AppendValue(r.Reason).AppendValue(r.Source).AppendValue(r.Balance)
                .EndRow();
        }
    }

    private static void AppendStockouts(TableAppenders appenders, List<StockoutFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_stockouts");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];

            // detection_time = event_ts (§16.6); the record holds it once.
            appender.CreateRow()
                .AppendValue(r.EventTs).AppendValue(r.StoreId).AppendValue(r.DcId).AppendValue(r.ProductId)
                .AppendValue(r.LastKnownQuantity).AppendValue(r.DepletingTxnSeq).AppendValue(r.EventTs)
                .EndRow();
        }
    }

    private static void AppendReorders(TableAppenders appenders, List<ReorderFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_reorders");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.ReorderId).AppendValue(r.EventTs).AppendValue(r.StoreId).AppendValue(r.DcId)
                .AppendValue(r.ProductId).AppendValue(r.CurrentQuantity).AppendValue(r.InventoryPosition)
                .AppendValue(r.ReorderPoint).AppendValue(r.ReorderQuantity).AppendValue(r.Priority).AppendValue(r.PoId)
                .EndRow();
        }
    }

    private static void AppendTruckMoves(TableAppenders appenders, List<TruckMoveFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_truck_moves");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.ShipmentId).AppendValue(r.Status).AppendValue(r.EventTs).AppendValue(r.TruckId)
                .AppendValue(r.DcId).AppendValue(r.StoreId).AppendValue(r.TemperatureClass).AppendValue(r.Priority)
                .AppendValue(r.Units).AppendValue(r.DcDepartureTs).AppendValue(r.Eta).AppendValue(r.Etd)
                .AppendValue(r.EstimatedUnloadMinutes).AppendValue(r.ActualUnloadMinutes)
                .EndRow();
        }
    }

    private static void AppendTruckInventory(TableAppenders appenders, List<TruckInventoryFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_truck_inventory");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.EventTs).AppendValue(r.ShipmentId).AppendValue(r.TruckId).AppendValue(r.ProductId)
                .AppendValue(r.Quantity).AppendValue(r.Action).AppendValue(r.LocationType).AppendValue(r.LocationId)
                .EndRow();
        }
    }

    private static void AppendFootTraffic(TableAppenders appenders, List<FootTrafficFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_foot_traffic");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.EventTs).AppendValue(r.WindowStartTs).AppendValue(r.StoreId).AppendValue(r.Zone)
                .AppendValue(r.SensorId).AppendValue(r.CustomerCount).AppendValue(r.DwellSeconds)
                .EndRow();
        }
    }

    private static void AppendBlePings(TableAppenders appenders, List<BlePingFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_ble_pings");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.VisitId).AppendValue(r.PingSeq).AppendValue(r.EventTs).AppendValue(r.StoreId)
                .AppendValue(r.BeaconId).AppendValue(r.Zone).AppendValue(r.CustomerBleId).AppendValue(r.CustomerId)
                .AppendValue(r.Rssi)
                .EndRow();
        }
    }

    private static void AppendZoneChanges(TableAppenders appenders, List<ZoneChangeFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_customer_zone_changes");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.VisitId).AppendValue(r.ChangeSeq).AppendValue(r.EventTs).AppendValue(r.StoreId)
                .AppendValue(r.CustomerBleId).AppendValue(r.CustomerId).AppendValue(r.FromZone).AppendValue(r.ToZone)
                .EndRow();
        }
    }

    private static void AppendMarketing(TableAppenders appenders, List<MarketingFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_marketing");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.ImpressionIdExt).AppendValue(r.EventTs).AppendValue(r.CampaignId).AppendValue(r.CampaignType)
                .AppendValue(r.Channel).AppendValue(r.CreativeId).AppendValue(r.CustomerAdId).AppendValue(r.CustomerId)
                .AppendValue(r.DeviceType).AppendMoney(r.CostCents).AppendValue(r.CorrelationId)
                .EndRow();
        }
    }

    private static void AppendPromotions(TableAppenders appenders, List<PromotionFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_promotions");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];

            // A long[] binds to AppendValue<T>(IEnumerable<T>), which writes a LIST value.
            appender.CreateRow()
                .AppendValue(r.ReceiptIdExt).AppendValue(r.PromoCode).AppendValue(r.EventTs).AppendValue(r.StoreId)
                .AppendValue(r.CustomerId).AppendValue(r.DiscountType).AppendMoney(r.DiscountCents)
                .AppendValue(r.ProductCount).AppendValue(r.ProductIds).AppendValue(r.CorrelationId)
                .EndRow();
        }
    }

    private static void AppendPromoLines(TableAppenders appenders, List<PromoLineFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_promo_lines");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.ReceiptIdExt).AppendValue(r.LineNum).AppendValue(r.PromoCode).AppendValue(r.EventTs)
                .AppendValue(r.ProductId).AppendValue(r.Quantity).AppendMoney(r.DiscountCents)
                .EndRow();
        }
    }

    private static void AppendStoreOps(TableAppenders appenders, List<StoreOpFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_store_ops");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.StoreId).AppendValue(r.BusinessDate).AppendValue(r.OperationType).AppendValue(r.EventTs)
                .EndRow();
        }
    }

    private static void AppendOnlineOrderHeaders(TableAppenders appenders, List<OnlineOrderHeaderFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_online_order_headers");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.OrderIdExt).AppendValue(r.EventTs).AppendValue(r.CustomerId).AppendValue(r.FulfillmentMode)
                .AppendValue(r.NodeType).AppendValue(r.NodeId).AppendValue(r.ItemCount).AppendValue(r.LineCount)
                .AppendHeaderMoney(r.Money)
                .AppendValue(r.TaxRateE5 / 100_000m).AppendValue(r.TenderType).AppendValue(r.CampaignId)
                .AppendValue(r.ImpressionIdExt).AppendValue(r.CorrelationId)
                .EndRow();
        }
    }

    private static void AppendOnlineOrderLines(TableAppenders appenders, List<OnlineOrderLineFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_online_order_lines");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.OrderIdExt).AppendValue(r.LineNum).AppendValue(r.EventTs).AppendValue(r.ProductId)
                .AppendValue(r.Quantity)
                .AppendLineMoney(r.UnitCents, r.Money)
                .AppendValue(r.PromoCode)
                .EndRow();
        }
    }

    private static void AppendOnlineOrderStatus(TableAppenders appenders, List<OnlineOrderStatusFact> rows, CancellationToken cancellationToken)
    {
        var appender = appenders.For("fact_online_order_status");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .AppendValue(r.OrderIdExt).AppendValue(r.Status).AppendValue(r.EventTs).AppendValue(r.FulfillmentMode)
                .AppendValue(r.NodeType).AppendValue(r.NodeId)
                .EndRow();
        }
    }
}
