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

    public static void AppendAll(DuckDBConnection connection, DayFacts facts, CancellationToken cancellationToken)
    {
        AppendReceipts(connection, facts.Receipts, cancellationToken);
        AppendReceiptLines(connection, facts.ReceiptLines, cancellationToken);
        AppendPayments(connection, facts.Payments, cancellationToken);
        AppendInventoryTxns(connection, "fact_store_inventory_txn", facts.StoreInventoryTxns, cancellationToken);
        AppendInventoryTxns(connection, "fact_dc_inventory_txn", facts.DcInventoryTxns, cancellationToken);
        AppendStockouts(connection, facts.Stockouts, cancellationToken);
        AppendReorders(connection, facts.Reorders, cancellationToken);
        AppendTruckMoves(connection, facts.TruckMoves, cancellationToken);
        AppendTruckInventory(connection, facts.TruckInventory, cancellationToken);
        AppendFootTraffic(connection, facts.FootTraffic, cancellationToken);
        AppendBlePings(connection, facts.BlePings, cancellationToken);
        AppendZoneChanges(connection, facts.ZoneChanges, cancellationToken);
        AppendMarketing(connection, facts.Marketing, cancellationToken);
        AppendPromotions(connection, facts.Promotions, cancellationToken);
        AppendPromoLines(connection, facts.PromoLines, cancellationToken);
        AppendStoreOps(connection, facts.StoreOps, cancellationToken);
        AppendOnlineOrderHeaders(connection, facts.OnlineOrderHeaders, cancellationToken);
        AppendOnlineOrderLines(connection, facts.OnlineOrderLines, cancellationToken);
        AppendOnlineOrderStatus(connection, facts.OnlineOrderStatus, cancellationToken);
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

    private static void AppendReceipts(DuckDBConnection connection, List<ReceiptFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_receipts");
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

    private static void AppendReceiptLines(DuckDBConnection connection, List<ReceiptLineFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_receipt_lines");
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

    private static void AppendPayments(DuckDBConnection connection, List<PaymentFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_payments");
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

    private static void AppendInventoryTxns(DuckDBConnection connection, string table, List<InventoryTxnFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender(table);
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

    private static void AppendStockouts(DuckDBConnection connection, List<StockoutFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_stockouts");
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

    private static void AppendReorders(DuckDBConnection connection, List<ReorderFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_reorders");
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

    private static void AppendTruckMoves(DuckDBConnection connection, List<TruckMoveFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_truck_moves");
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

    private static void AppendTruckInventory(DuckDBConnection connection, List<TruckInventoryFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_truck_inventory");
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

    private static void AppendFootTraffic(DuckDBConnection connection, List<FootTrafficFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_foot_traffic");
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

    private static void AppendBlePings(DuckDBConnection connection, List<BlePingFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_ble_pings");
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

    private static void AppendZoneChanges(DuckDBConnection connection, List<ZoneChangeFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_customer_zone_changes");
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

    private static void AppendMarketing(DuckDBConnection connection, List<MarketingFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_marketing");
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

    private static void AppendPromotions(DuckDBConnection connection, List<PromotionFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_promotions");
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

    private static void AppendPromoLines(DuckDBConnection connection, List<PromoLineFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_promo_lines");
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

    private static void AppendStoreOps(DuckDBConnection connection, List<StoreOpFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_store_ops");
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

    private static void AppendOnlineOrderHeaders(DuckDBConnection connection, List<OnlineOrderHeaderFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_online_order_headers");
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

    private static void AppendOnlineOrderLines(DuckDBConnection connection, List<OnlineOrderLineFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_online_order_lines");
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

    private static void AppendOnlineOrderStatus(DuckDBConnection connection, List<OnlineOrderStatusFact> rows, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender("fact_online_order_status");
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
