using System.Runtime.CompilerServices;

namespace RetailSynth.Storage;

/// <summary>
/// Appends a batch of facts (data-model §16) table by table in <see cref="FactTables"/> order, and the columns of
/// each fact table: their names and, beside them, the values a row appends in that order (matching migration 002).
/// The hot path of a simulated day: plain loops over spans, no per-row LINQ or closures. Generic over the row
/// writer: the day writer fills data chunks (<see cref="DataChunkRow"/>), the bench's raw baseline goes
/// through DuckDB.NET's row API (<see cref="AppenderApiRow"/>), both from this one mapping.
/// Money goes in twice, as a DECIMAL(18,2) (cents unscaled) and as cents (§4). Each mapping is inlined into its
/// table's loop (<see cref="FactTable{TFact, TColumns}"/>), as when every table had its own loop here: called instead,
/// the loop's managed time rose by about a sixth.
/// </summary>
internal static class FactAppenders
{
    public static void AppendAll<TRow>(ITableAppenders<TRow> appenders, FactBatch facts, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        foreach (var table in FactTables.All)
        {
            table.Append(appenders, facts, cancellationToken);
        }
    }

    /// <summary>Rows per fact table in the batch, in <see cref="DatasetTables.Facts"/> order.</summary>
    public static IReadOnlyList<(string Table, long Rows)> Counts(FactBatch facts) =>
        [.. FactTables.All.Select(t => (t.Name, (long)t.Count(facts)))];

    private static TRow AppendMoney<TRow>(this TRow row, long cents)
        where TRow : struct, IAppendRow<TRow> => row.AppendDecimal(cents, 2).Append(cents);

    private static TRow AppendHeaderMoney<TRow>(this TRow row, in Money m)
        where TRow : struct, IAppendRow<TRow> => row
        .AppendMoney(m.GrossCents).AppendMoney(m.DiscountCents).AppendMoney(m.SubtotalCents)
        .AppendMoney(m.TaxCents).AppendMoney(m.TotalCents);

    private static readonly string[] s_headerMoney =
    [
        "gross_subtotal", "gross_subtotal_cents", "discount_amount", "discount_cents", "subtotal", "subtotal_cents",
        "tax_amount", "tax_cents", "total_amount", "total_cents",
    ];

    // unit, gross, discount, ext (net), tax: the line money order of §16.2 and §16.18.
    private static TRow AppendLineMoney<TRow>(this TRow row, long unitCents, in LineMoney m)
        where TRow : struct, IAppendRow<TRow> => row
        .AppendMoney(unitCents).AppendMoney(m.GrossCents).AppendMoney(m.DiscountCents)
        .AppendMoney(m.NetCents).AppendMoney(m.TaxCents);

    private static readonly string[] s_lineMoney =
    [
        "unit_price", "unit_cents", "gross_amount", "gross_cents", "discount_amount", "discount_cents",
        "ext_price", "ext_cents", "tax_amount", "tax_cents",
    ];

    internal readonly struct Receipts : IFactColumns<ReceiptFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "receipt_id_ext", "event_ts", "store_id", "customer_id", "visit_id", "receipt_type", "item_count",
            .. s_headerMoney,
            "tender_type", "campaign_id", "impression_id_ext", "correlation_id", "return_for_receipt_id_ext",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, ReceiptFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ReceiptIdExt).Append(r.EventTs).Append(r.StoreId).Append(r.CustomerId)
            .Append(r.VisitId).Append(r.ReceiptType).Append(r.ItemCount)
            .AppendHeaderMoney(r.Money)
            .Append(r.TenderType).Append(r.CampaignId).Append(r.ImpressionIdExt)
            .Append(r.CorrelationId).Append(r.ReturnForReceiptIdExt);
    }

    internal readonly struct ReceiptLines : IFactColumns<ReceiptLineFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "receipt_id_ext", "line_num", "event_ts", "store_id", "product_id", "quantity",
            .. s_lineMoney,
            "promo_code",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, ReceiptLineFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ReceiptIdExt).Append(r.LineNum).Append(r.EventTs).Append(r.StoreId)
            .Append(r.ProductId).Append(r.Quantity)
            .AppendLineMoney(r.UnitCents, r.Money)
            .Append(r.PromoCode);
    }

    internal readonly struct Payments : IFactColumns<PaymentFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "transaction_id", "event_ts", "receipt_id_ext", "order_id_ext", "store_id", "customer_id", "attempt_num",
            "payment_method", "status", "decline_reason", "amount", "amount_cents", "processing_time_ms", "correlation_id",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, PaymentFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.TransactionId).Append(r.EventTs).Append(r.ReceiptIdExt).Append(r.OrderIdExt)
            .Append(r.StoreId).Append(r.CustomerId).Append(r.AttemptNum).Append(r.PaymentMethod)
            .Append(r.Status).Append(r.DeclineReason).AppendMoney(r.AmountCents)
            .Append(r.ProcessingTimeMs).Append(r.CorrelationId);
    }

    private static readonly string[] s_inventoryTxnAfterNode =
        ["txn_seq", "event_ts", "product_id", "quantity", "reason", "source", "balance"];

    private static TRow AppendInventoryTxn<TRow>(TRow row, InventoryTxnFact r)
        where TRow : struct, IAppendRow<TRow> => row
        .Append(r.NodeId).Append(r.TxnSeq).Append(r.EventTs).Append(r.ProductId)
        .Append(r.Quantity).Append(r.Reason).Append(r.Source).Append(r.Balance);

    /// <summary>The store ledger: the node is the store.</summary>
    internal readonly struct StoreInventoryTxns : IFactColumns<InventoryTxnFact>
    {
        public static IReadOnlyList<string> Names { get; } = ["store_id", .. s_inventoryTxnAfterNode];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, InventoryTxnFact r)
            where TRow : struct, IAppendRow<TRow> => AppendInventoryTxn(row, r);
    }

    /// <summary>The DC ledger: the node is the DC.</summary>
    internal readonly struct DcInventoryTxns : IFactColumns<InventoryTxnFact>
    {
        public static IReadOnlyList<string> Names { get; } = ["dc_id", .. s_inventoryTxnAfterNode];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, InventoryTxnFact r)
            where TRow : struct, IAppendRow<TRow> => AppendInventoryTxn(row, r);
    }

    internal readonly struct Stockouts : IFactColumns<StockoutFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["event_ts", "store_id", "dc_id", "product_id", "last_known_quantity", "depleting_txn_seq", "detection_time"];

        // detection_time = event_ts (§16.6); the record holds it once.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, StockoutFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.EventTs).Append(r.StoreId).Append(r.DcId).Append(r.ProductId)
            .Append(r.LastKnownQuantity).Append(r.DepletingTxnSeq).Append(r.EventTs);
    }

    internal readonly struct Reorders : IFactColumns<ReorderFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "reorder_id", "event_ts", "store_id", "dc_id", "product_id", "current_quantity", "inventory_position",
            "reorder_point", "reorder_quantity", "priority", "po_id",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, ReorderFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ReorderId).Append(r.EventTs).Append(r.StoreId).Append(r.DcId)
            .Append(r.ProductId).Append(r.CurrentQuantity).Append(r.InventoryPosition)
            .Append(r.ReorderPoint).Append(r.ReorderQuantity).Append(r.Priority).Append(r.PoId);
    }

    internal readonly struct TruckMoves : IFactColumns<TruckMoveFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "shipment_id", "status", "event_ts", "truck_id", "dc_id", "store_id", "temperature_class", "priority",
            "units", "dc_departure_ts", "eta", "etd", "estimated_unload_minutes", "actual_unload_minutes",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, TruckMoveFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ShipmentId).Append(r.Status).Append(r.EventTs).Append(r.TruckId)
            .Append(r.DcId).Append(r.StoreId).Append(r.TemperatureClass).Append(r.Priority)
            .Append(r.Units).Append(r.DcDepartureTs).Append(r.Eta).Append(r.Etd)
            .Append(r.EstimatedUnloadMinutes).Append(r.ActualUnloadMinutes);
    }

    internal readonly struct TruckInventory : IFactColumns<TruckInventoryFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["event_ts", "shipment_id", "truck_id", "product_id", "quantity", "action", "location_type", "location_id"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, TruckInventoryFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.EventTs).Append(r.ShipmentId).Append(r.TruckId).Append(r.ProductId)
            .Append(r.Quantity).Append(r.Action).Append(r.LocationType).Append(r.LocationId);
    }

    internal readonly struct FootTraffic : IFactColumns<FootTrafficFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["event_ts", "window_start_ts", "store_id", "zone", "sensor_id", "customer_count", "dwell_seconds"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, FootTrafficFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.EventTs).Append(r.WindowStartTs).Append(r.StoreId).Append(r.Zone)
            .Append(r.SensorId).Append(r.CustomerCount).Append(r.DwellSeconds);
    }

    internal readonly struct BlePings : IFactColumns<BlePingFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["visit_id", "ping_seq", "event_ts", "store_id", "beacon_id", "zone", "customer_ble_id", "customer_id", "rssi"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, BlePingFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.VisitId).Append(r.PingSeq).Append(r.EventTs).Append(r.StoreId)
            .Append(r.BeaconId).Append(r.Zone).Append(r.CustomerBleId).Append(r.CustomerId)
            .Append(r.Rssi);
    }

    internal readonly struct ZoneChanges : IFactColumns<ZoneChangeFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["visit_id", "change_seq", "event_ts", "store_id", "customer_ble_id", "customer_id", "from_zone", "to_zone"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, ZoneChangeFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.VisitId).Append(r.ChangeSeq).Append(r.EventTs).Append(r.StoreId)
            .Append(r.CustomerBleId).Append(r.CustomerId).Append(r.FromZone).Append(r.ToZone);
    }

    internal readonly struct Marketing : IFactColumns<MarketingFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "impression_id_ext", "event_ts", "campaign_id", "campaign_type", "channel", "creative_id", "customer_ad_id",
            "customer_id", "device_type", "cost", "cost_cents", "correlation_id",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, MarketingFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ImpressionIdExt).Append(r.EventTs).Append(r.CampaignId).Append(r.CampaignType)
            .Append(r.Channel).Append(r.CreativeId).Append(r.CustomerAdId).Append(r.CustomerId)
            .Append(r.DeviceType).AppendMoney(r.CostCents).Append(r.CorrelationId);
    }

    internal readonly struct Promotions : IFactColumns<PromotionFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "receipt_id_ext", "promo_code", "event_ts", "store_id", "customer_id", "discount_type", "discount_amount",
            "discount_cents", "product_count", "product_ids", "correlation_id",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, PromotionFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ReceiptIdExt).Append(r.PromoCode).Append(r.EventTs).Append(r.StoreId)
            .Append(r.CustomerId).Append(r.DiscountType).AppendMoney(r.DiscountCents)
            .Append(r.ProductCount).Append(r.ProductIds).Append(r.CorrelationId);
    }

    internal readonly struct PromoLines : IFactColumns<PromoLineFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["receipt_id_ext", "line_num", "promo_code", "event_ts", "product_id", "quantity", "discount_amount", "discount_cents"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, PromoLineFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ReceiptIdExt).Append(r.LineNum).Append(r.PromoCode).Append(r.EventTs)
            .Append(r.ProductId).Append(r.Quantity).AppendMoney(r.DiscountCents);
    }

    internal readonly struct StoreOps : IFactColumns<StoreOpFact>
    {
        public static IReadOnlyList<string> Names { get; } = ["store_id", "business_date", "operation_type", "event_ts"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, StoreOpFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.StoreId).Append(r.BusinessDate).Append(r.OperationType).Append(r.EventTs);
    }

    internal readonly struct OnlineOrderHeaders : IFactColumns<OnlineOrderHeaderFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "order_id_ext", "event_ts", "customer_id", "fulfillment_mode", "node_type", "node_id", "item_count", "line_count",
            .. s_headerMoney,
            "tax_rate", "tender_type", "campaign_id", "impression_id_ext", "correlation_id",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, OnlineOrderHeaderFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.OrderIdExt).Append(r.EventTs).Append(r.CustomerId).Append(r.FulfillmentMode)
            .Append(r.NodeType).Append(r.NodeId).Append(r.ItemCount).Append(r.LineCount)
            .AppendHeaderMoney(r.Money)
            .AppendDecimal(r.TaxRateE5, 5).Append(r.TenderType).Append(r.CampaignId)
            .Append(r.ImpressionIdExt).Append(r.CorrelationId);
    }

    internal readonly struct OnlineOrderLines : IFactColumns<OnlineOrderLineFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "order_id_ext", "line_num", "event_ts", "product_id", "quantity",
            .. s_lineMoney,
            "promo_code",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, OnlineOrderLineFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.OrderIdExt).Append(r.LineNum).Append(r.EventTs).Append(r.ProductId)
            .Append(r.Quantity)
            .AppendLineMoney(r.UnitCents, r.Money)
            .Append(r.PromoCode);
    }

    internal readonly struct OnlineOrderStatus : IFactColumns<OnlineOrderStatusFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["order_id_ext", "status", "event_ts", "fulfillment_mode", "node_type", "node_id"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, OnlineOrderStatusFact r)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.OrderIdExt).Append(r.Status).Append(r.EventTs).Append(r.FulfillmentMode)
            .Append(r.NodeType).Append(r.NodeId);
    }
}
