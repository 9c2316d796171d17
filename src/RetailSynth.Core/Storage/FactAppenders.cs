using System.Runtime.InteropServices;
using RetailSynth.Domain.Facts;

namespace RetailSynth.Storage;

/// <summary>
/// One Appender loop per fact table (data-model §16); column order matches migration 002. The hot
/// path of a simulated day: plain loops over spans, no per-row LINQ or closures. Generic over the row
/// writer: the day writer fills data chunks (<see cref="DataChunkRow"/>), the bench's raw baseline goes
/// through DuckDB.NET's row API (<see cref="AppenderApiRow"/>), both from this one mapping.
/// Money goes in twice, as a DECIMAL(18,2) (cents unscaled) and as cents (§4).
/// </summary>
internal static class FactAppenders
{
    // Cancellation is polled once per this many rows, not per row.
    private const int CancellationStride = 0xFFFF;

    public static void AppendAll<TRow>(ITableAppenders<TRow> appenders, DayFacts facts, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
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

    private static void PollCancellation(int index, CancellationToken cancellationToken)
    {
        if ((index & CancellationStride) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static TRow AppendMoney<TRow>(this TRow row, long cents)
        where TRow : struct, IAppendRow<TRow> => row.AppendDecimal(cents, 2).Append(cents);

    private static TRow AppendHeaderMoney<TRow>(this TRow row, in Money m)
        where TRow : struct, IAppendRow<TRow> => row
        .AppendMoney(m.GrossCents).AppendMoney(m.DiscountCents).AppendMoney(m.SubtotalCents)
        .AppendMoney(m.TaxCents).AppendMoney(m.TotalCents);

    // unit, gross, discount, ext (net), tax: the line money order of §16.2 and §16.18.
    private static TRow AppendLineMoney<TRow>(this TRow row, long unitCents, in LineMoney m)
        where TRow : struct, IAppendRow<TRow> => row
        .AppendMoney(unitCents).AppendMoney(m.GrossCents).AppendMoney(m.DiscountCents)
        .AppendMoney(m.NetCents).AppendMoney(m.TaxCents);

    private static void AppendReceipts<TRow>(ITableAppenders<TRow> appenders, List<ReceiptFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_receipts");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.ReceiptIdExt).Append(r.EventTs).Append(r.StoreId).Append(r.CustomerId)
                .Append(r.VisitId).Append(r.ReceiptType).Append(r.ItemCount)
                .AppendHeaderMoney(r.Money)
                .Append(r.TenderType).Append(r.CampaignId).Append(r.ImpressionIdExt)
                .Append(r.CorrelationId).Append(r.ReturnForReceiptIdExt)
                .EndRow();
        }
    }

    private static void AppendReceiptLines<TRow>(ITableAppenders<TRow> appenders, List<ReceiptLineFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_receipt_lines");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.ReceiptIdExt).Append(r.LineNum).Append(r.EventTs).Append(r.StoreId)
                .Append(r.ProductId).Append(r.Quantity)
                .AppendLineMoney(r.UnitCents, r.Money)
                .Append(r.PromoCode)
                .EndRow();
        }
    }

    private static void AppendPayments<TRow>(ITableAppenders<TRow> appenders, List<PaymentFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_payments");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.TransactionId).Append(r.EventTs).Append(r.ReceiptIdExt).Append(r.OrderIdExt)
                .Append(r.StoreId).Append(r.CustomerId).Append(r.AttemptNum).Append(r.PaymentMethod)
                .Append(r.Status).Append(r.DeclineReason).AppendMoney(r.AmountCents)
                .Append(r.ProcessingTimeMs).Append(r.CorrelationId)
                .EndRow();
        }
    }

    private static void AppendInventoryTxns<TRow>(ITableAppenders<TRow> appenders, string table, List<InventoryTxnFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For(table);
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.NodeId).Append(r.TxnSeq).Append(r.EventTs).Append(r.ProductId)
                .Append(r.Quantity).Append(r.Reason).Append(r.Source).Append(r.Balance)
                .EndRow();
        }
    }

    private static void AppendStockouts<TRow>(ITableAppenders<TRow> appenders, List<StockoutFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_stockouts");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];

            // detection_time = event_ts (§16.6); the record holds it once.
            appender.CreateRow()
                .Append(r.EventTs).Append(r.StoreId).Append(r.DcId).Append(r.ProductId)
                .Append(r.LastKnownQuantity).Append(r.DepletingTxnSeq).Append(r.EventTs)
                .EndRow();
        }
    }

    private static void AppendReorders<TRow>(ITableAppenders<TRow> appenders, List<ReorderFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_reorders");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.ReorderId).Append(r.EventTs).Append(r.StoreId).Append(r.DcId)
                .Append(r.ProductId).Append(r.CurrentQuantity).Append(r.InventoryPosition)
                .Append(r.ReorderPoint).Append(r.ReorderQuantity).Append(r.Priority).Append(r.PoId)
                .EndRow();
        }
    }

    private static void AppendTruckMoves<TRow>(ITableAppenders<TRow> appenders, List<TruckMoveFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_truck_moves");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.ShipmentId).Append(r.Status).Append(r.EventTs).Append(r.TruckId)
                .Append(r.DcId).Append(r.StoreId).Append(r.TemperatureClass).Append(r.Priority)
                .Append(r.Units).Append(r.DcDepartureTs).Append(r.Eta).Append(r.Etd)
                .Append(r.EstimatedUnloadMinutes).Append(r.ActualUnloadMinutes)
                .EndRow();
        }
    }

    private static void AppendTruckInventory<TRow>(ITableAppenders<TRow> appenders, List<TruckInventoryFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_truck_inventory");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.EventTs).Append(r.ShipmentId).Append(r.TruckId).Append(r.ProductId)
                .Append(r.Quantity).Append(r.Action).Append(r.LocationType).Append(r.LocationId)
                .EndRow();
        }
    }

    private static void AppendFootTraffic<TRow>(ITableAppenders<TRow> appenders, List<FootTrafficFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_foot_traffic");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.EventTs).Append(r.WindowStartTs).Append(r.StoreId).Append(r.Zone)
                .Append(r.SensorId).Append(r.CustomerCount).Append(r.DwellSeconds)
                .EndRow();
        }
    }

    private static void AppendBlePings<TRow>(ITableAppenders<TRow> appenders, List<BlePingFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_ble_pings");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.VisitId).Append(r.PingSeq).Append(r.EventTs).Append(r.StoreId)
                .Append(r.BeaconId).Append(r.Zone).Append(r.CustomerBleId).Append(r.CustomerId)
                .Append(r.Rssi)
                .EndRow();
        }
    }

    private static void AppendZoneChanges<TRow>(ITableAppenders<TRow> appenders, List<ZoneChangeFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_customer_zone_changes");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.VisitId).Append(r.ChangeSeq).Append(r.EventTs).Append(r.StoreId)
                .Append(r.CustomerBleId).Append(r.CustomerId).Append(r.FromZone).Append(r.ToZone)
                .EndRow();
        }
    }

    private static void AppendMarketing<TRow>(ITableAppenders<TRow> appenders, List<MarketingFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_marketing");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.ImpressionIdExt).Append(r.EventTs).Append(r.CampaignId).Append(r.CampaignType)
                .Append(r.Channel).Append(r.CreativeId).Append(r.CustomerAdId).Append(r.CustomerId)
                .Append(r.DeviceType).AppendMoney(r.CostCents).Append(r.CorrelationId)
                .EndRow();
        }
    }

    private static void AppendPromotions<TRow>(ITableAppenders<TRow> appenders, List<PromotionFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_promotions");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];

            appender.CreateRow()
                .Append(r.ReceiptIdExt).Append(r.PromoCode).Append(r.EventTs).Append(r.StoreId)
                .Append(r.CustomerId).Append(r.DiscountType).AppendMoney(r.DiscountCents)
                .Append(r.ProductCount).Append(r.ProductIds).Append(r.CorrelationId)
                .EndRow();
        }
    }

    private static void AppendPromoLines<TRow>(ITableAppenders<TRow> appenders, List<PromoLineFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_promo_lines");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.ReceiptIdExt).Append(r.LineNum).Append(r.PromoCode).Append(r.EventTs)
                .Append(r.ProductId).Append(r.Quantity).AppendMoney(r.DiscountCents)
                .EndRow();
        }
    }

    private static void AppendStoreOps<TRow>(ITableAppenders<TRow> appenders, List<StoreOpFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_store_ops");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.StoreId).Append(r.BusinessDate).Append(r.OperationType).Append(r.EventTs)
                .EndRow();
        }
    }

    private static void AppendOnlineOrderHeaders<TRow>(ITableAppenders<TRow> appenders, List<OnlineOrderHeaderFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_online_order_headers");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.OrderIdExt).Append(r.EventTs).Append(r.CustomerId).Append(r.FulfillmentMode)
                .Append(r.NodeType).Append(r.NodeId).Append(r.ItemCount).Append(r.LineCount)
                .AppendHeaderMoney(r.Money)
                .AppendDecimal(r.TaxRateE5, 5).Append(r.TenderType).Append(r.CampaignId)
                .Append(r.ImpressionIdExt).Append(r.CorrelationId)
                .EndRow();
        }
    }

    private static void AppendOnlineOrderLines<TRow>(ITableAppenders<TRow> appenders, List<OnlineOrderLineFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_online_order_lines");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.OrderIdExt).Append(r.LineNum).Append(r.EventTs).Append(r.ProductId)
                .Append(r.Quantity)
                .AppendLineMoney(r.UnitCents, r.Money)
                .Append(r.PromoCode)
                .EndRow();
        }
    }

    private static void AppendOnlineOrderStatus<TRow>(ITableAppenders<TRow> appenders, List<OnlineOrderStatusFact> rows, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        var appender = appenders.For("fact_online_order_status");
        var span = CollectionsMarshal.AsSpan(rows);
        for (var i = 0; i < span.Length; i++)
        {
            PollCancellation(i, cancellationToken);
            var r = span[i];
            appender.CreateRow()
                .Append(r.OrderIdExt).Append(r.Status).Append(r.EventTs).Append(r.FulfillmentMode)
                .Append(r.NodeType).Append(r.NodeId)
                .EndRow();
        }
    }
}
