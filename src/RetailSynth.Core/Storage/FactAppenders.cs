using System.Runtime.CompilerServices;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.World;

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
    /// <param name="appenders">The open appenders of the transaction.</param>
    /// <param name="facts">The rows, all with an event_ts in the day of <paramref name="labels"/>.</param>
    /// <param name="labels">Each row's business_date and local_hour, from its node's zone (§2.3).</param>
    /// <param name="cancellationToken">Polled between strides of rows.</param>
    public static void AppendAll<TRow>(ITableAppenders<TRow> appenders, FactBatch facts, LocalLabels labels, CancellationToken cancellationToken)
        where TRow : struct, IAppendRow<TRow>
    {
        foreach (var table in FactTables.All)
        {
            table.Append(appenders, facts, labels, cancellationToken);
        }
    }

    /// <summary>Rows per fact table in the batch, in <see cref="DatasetTables.Facts"/> order.</summary>
    public static IReadOnlyList<(string Table, long Rows)> Counts(FactBatch facts) =>
        [.. FactTables.All.Select(t => (t.Name, (long)t.Count(facts)))];

    /// <summary>business_date and local_hour (§2.3), the two columns after event_ts in every fact table.</summary>
    private static TRow AppendLabel<TRow>(this TRow row, LocalLabel label)
        where TRow : struct, IAppendRow<TRow> => row.Append(label.BusinessDate).Append(label.LocalHour);

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

    /// <summary>A store payment at its store; an online order's payment at the order's fulfilling node (§2.3).</summary>
    private static LocalLabel PaymentLabel(LocalLabels labels, PaymentFact r) =>
        r.StoreId is { } store ? labels.OfStore(store, r.EventTs)
        : r.OrderNode is { } node ? labels.OfNode(node.NodeType, node.NodeId, r.EventTs)
        : throw new InvalidOperationException($"Payment {r.TransactionId} names neither a store nor its order's fulfilling node.");

    /// <summary>Stockouts and reorders: the store when store_id is set, else the DC (§2.3).</summary>
    private static LocalLabel StoreOrDcLabel(LocalLabels labels, long? storeId, long? dcId, DateTime eventTs) =>
        storeId is { } store ? labels.OfStore(store, eventTs)
        : dcId is { } dc ? labels.OfDc(dc, eventTs)
        : throw new InvalidOperationException("A stockout or reorder row names neither a store nor a DC.");

    /// <summary>The shipping DC until the truck leaves it, the receiving store from ARRIVED on (§2.3).</summary>
    private static LocalLabel TruckMoveLabel(LocalLabels labels, TruckMoveFact r) => r.Status switch
    {
        ShipmentStatus.Scheduled or ShipmentStatus.Loading or ShipmentStatus.InTransit => labels.OfDc(r.DcId, r.EventTs),
        ShipmentStatus.Arrived or ShipmentStatus.Unloading or ShipmentStatus.Completed => labels.OfStore(r.StoreId, r.EventTs),
        _ => throw new InvalidOperationException($"Shipment {r.ShipmentId} has status '{r.Status}', which no fact row carries."),
    };

    internal readonly struct Receipts : IFactColumns<ReceiptFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "receipt_id_ext", "event_ts", "business_date", "local_hour", "store_id", "customer_id", "visit_id", "receipt_type", "item_count",
            .. s_headerMoney,
            "tender_type", "campaign_id", "impression_id_ext", "correlation_id", "return_for_receipt_id_ext", "return_for_order_id_ext",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, ReceiptFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ReceiptIdExt).Append(r.EventTs).AppendLabel(labels.OfStore(r.StoreId, r.EventTs))
            .Append(r.StoreId).Append(r.CustomerId).Append(r.VisitId).Append(r.ReceiptType).Append(r.ItemCount)
            .AppendHeaderMoney(r.Money)
            .Append(r.TenderType).Append(r.CampaignId).Append(r.ImpressionIdExt)
            .Append(r.CorrelationId).Append(r.ReturnForReceiptIdExt).Append(r.ReturnForOrderIdExt);
    }

    internal readonly struct ReceiptLines : IFactColumns<ReceiptLineFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "receipt_id_ext", "line_num", "event_ts", "business_date", "local_hour", "store_id", "product_id", "quantity",
            .. s_lineMoney,
            "promo_code",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, ReceiptLineFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ReceiptIdExt).Append(r.LineNum).Append(r.EventTs).AppendLabel(labels.OfStore(r.StoreId, r.EventTs))
            .Append(r.StoreId).Append(r.ProductId).Append(r.Quantity)
            .AppendLineMoney(r.UnitCents, r.Money)
            .Append(r.PromoCode);
    }

    internal readonly struct Payments : IFactColumns<PaymentFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "transaction_id", "event_ts", "business_date", "local_hour", "receipt_id_ext", "order_id_ext", "store_id", "customer_id", "attempt_num",
            "payment_method", "status", "decline_reason", "amount", "amount_cents", "processing_time_ms", "correlation_id",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, PaymentFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.TransactionId).Append(r.EventTs).AppendLabel(PaymentLabel(labels, r)).Append(r.ReceiptIdExt).Append(r.OrderIdExt)
            .Append(r.StoreId).Append(r.CustomerId).Append(r.AttemptNum).Append(r.PaymentMethod)
            .Append(r.Status).Append(r.DeclineReason).AppendMoney(r.AmountCents)
            .Append(r.ProcessingTimeMs).Append(r.CorrelationId);
    }

    private static readonly string[] s_inventoryTxnAfterNode =
        ["txn_seq", "event_ts", "business_date", "local_hour", "product_id", "quantity", "reason", "source", "balance"];

    private static TRow AppendInventoryTxn<TRow>(TRow row, InventoryTxnFact r, LocalLabel label)
        where TRow : struct, IAppendRow<TRow> => row
        .Append(r.NodeId).Append(r.TxnSeq).Append(r.EventTs).AppendLabel(label).Append(r.ProductId)
        .Append(r.Quantity).Append(r.Reason).Append(r.Source).Append(r.Balance);

    /// <summary>The store ledger: the node is the store.</summary>
    internal readonly struct StoreInventoryTxns : IFactColumns<InventoryTxnFact>
    {
        public static IReadOnlyList<string> Names { get; } = ["store_id", .. s_inventoryTxnAfterNode];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, InventoryTxnFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => AppendInventoryTxn(row, r, labels.OfStore(r.NodeId, r.EventTs));
    }

    /// <summary>The DC ledger: the node is the DC.</summary>
    internal readonly struct DcInventoryTxns : IFactColumns<InventoryTxnFact>
    {
        public static IReadOnlyList<string> Names { get; } = ["dc_id", .. s_inventoryTxnAfterNode];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, InventoryTxnFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => AppendInventoryTxn(row, r, labels.OfDc(r.NodeId, r.EventTs));
    }

    internal readonly struct Stockouts : IFactColumns<StockoutFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["event_ts", "business_date", "local_hour", "store_id", "dc_id", "product_id", "last_known_quantity", "depleting_txn_seq", "detection_time"];

        // detection_time = event_ts (§16.6); the record holds it once.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, StockoutFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.EventTs).AppendLabel(StoreOrDcLabel(labels, r.StoreId, r.DcId, r.EventTs))
            .Append(r.StoreId).Append(r.DcId).Append(r.ProductId).Append(r.LastKnownQuantity).Append(r.DepletingTxnSeq).Append(r.EventTs);
    }

    internal readonly struct Reorders : IFactColumns<ReorderFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "reorder_id", "event_ts", "business_date", "local_hour", "store_id", "dc_id", "product_id", "current_quantity", "inventory_position",
            "reorder_point", "reorder_quantity", "priority", "po_id",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, ReorderFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ReorderId).Append(r.EventTs).AppendLabel(StoreOrDcLabel(labels, r.StoreId, r.DcId, r.EventTs))
            .Append(r.StoreId).Append(r.DcId)
            .Append(r.ProductId).Append(r.CurrentQuantity).Append(r.InventoryPosition)
            .Append(r.ReorderPoint).Append(r.ReorderQuantity).Append(r.Priority).Append(r.PoId);
    }

    internal readonly struct TruckMoves : IFactColumns<TruckMoveFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "shipment_id", "status", "event_ts", "business_date", "local_hour", "truck_id", "dc_id", "store_id", "trip_id", "stop_seq",
            "formed_ts", "temperature_class", "priority", "units", "dc_departure_ts", "eta", "etd", "estimated_unload_minutes", "actual_unload_minutes",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, TruckMoveFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ShipmentId).Append(r.Status).Append(r.EventTs).AppendLabel(TruckMoveLabel(labels, r)).Append(r.TruckId)
            .Append(r.DcId).Append(r.StoreId).Append(r.TripId).Append(r.StopSeq).Append(r.FormedTs).Append(r.TemperatureClass)
            .Append(r.Priority).Append(r.Units).Append(r.DcDepartureTs).Append(r.Eta).Append(r.Etd)
            .Append(r.EstimatedUnloadMinutes).Append(r.ActualUnloadMinutes);
    }

    internal readonly struct TruckInventory : IFactColumns<TruckInventoryFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["event_ts", "business_date", "local_hour", "shipment_id", "truck_id", "product_id", "quantity", "action", "location_type", "location_id"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, TruckInventoryFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.EventTs).AppendLabel(labels.OfNode(r.LocationType, r.LocationId, r.EventTs))
            .Append(r.ShipmentId).Append(r.TruckId).Append(r.ProductId)
            .Append(r.Quantity).Append(r.Action).Append(r.LocationType).Append(r.LocationId);
    }

    internal readonly struct FootTraffic : IFactColumns<FootTrafficFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["event_ts", "business_date", "local_hour", "window_start_ts", "store_id", "zone", "sensor_id", "customer_count", "dwell_seconds"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, FootTrafficFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.EventTs).AppendLabel(labels.OfStore(r.StoreId, r.EventTs))
            .Append(r.WindowStartTs).Append(r.StoreId).Append(r.Zone)
            .Append(r.SensorId).Append(r.CustomerCount).Append(r.DwellSeconds);
    }

    internal readonly struct BlePings : IFactColumns<BlePingFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["visit_id", "ping_seq", "event_ts", "business_date", "local_hour", "store_id", "beacon_id", "zone", "customer_ble_id", "customer_id", "rssi"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, BlePingFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.VisitId).Append(r.PingSeq).Append(r.EventTs).AppendLabel(labels.OfStore(r.StoreId, r.EventTs)).Append(r.StoreId)
            .Append(r.BeaconId).Append(r.Zone).Append(r.CustomerBleId).Append(r.CustomerId)
            .Append(r.Rssi);
    }

    internal readonly struct ZoneChanges : IFactColumns<ZoneChangeFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["visit_id", "change_seq", "event_ts", "business_date", "local_hour", "store_id", "customer_ble_id", "customer_id", "from_zone", "to_zone"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, ZoneChangeFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.VisitId).Append(r.ChangeSeq).Append(r.EventTs).AppendLabel(labels.OfStore(r.StoreId, r.EventTs)).Append(r.StoreId)
            .Append(r.CustomerBleId).Append(r.CustomerId).Append(r.FromZone).Append(r.ToZone);
    }

    internal readonly struct Marketing : IFactColumns<MarketingFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "impression_id_ext", "event_ts", "business_date", "local_hour", "campaign_id", "campaign_type", "channel", "creative_id", "customer_ad_id",
            "customer_id", "device_type", "cost", "cost_cents", "correlation_id",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, MarketingFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ImpressionIdExt).Append(r.EventTs).AppendLabel(labels.OfCustomer(r.TargetCustomerId, r.EventTs)).Append(r.CampaignId).Append(r.CampaignType)
            .Append(r.Channel).Append(r.CreativeId).Append(r.CustomerAdId).Append(r.CustomerId)
            .Append(r.DeviceType).AppendMoney(r.CostCents).Append(r.CorrelationId);
    }

    internal readonly struct Promotions : IFactColumns<PromotionFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "receipt_id_ext", "promo_code", "event_ts", "business_date", "local_hour", "store_id", "customer_id", "discount_type", "discount_amount",
            "discount_cents", "product_count", "product_ids", "correlation_id",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, PromotionFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ReceiptIdExt).Append(r.PromoCode).Append(r.EventTs).AppendLabel(labels.OfStore(r.StoreId, r.EventTs)).Append(r.StoreId)
            .Append(r.CustomerId).Append(r.DiscountType).AppendMoney(r.DiscountCents)
            .Append(r.ProductCount).Append(r.ProductIds).Append(r.CorrelationId);
    }

    internal readonly struct PromoLines : IFactColumns<PromoLineFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["receipt_id_ext", "line_num", "promo_code", "event_ts", "business_date", "local_hour", "product_id", "quantity", "discount_amount", "discount_cents"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, PromoLineFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.ReceiptIdExt).Append(r.LineNum).Append(r.PromoCode).Append(r.EventTs)
            .AppendLabel(labels.OfStore(r.StoreId, r.EventTs)).Append(r.ProductId).Append(r.Quantity).AppendMoney(r.DiscountCents);
    }

    internal readonly struct StoreOps : IFactColumns<StoreOpFact>
    {
        public static IReadOnlyList<string> Names { get; } = ["store_id", "business_date", "operation_type", "event_ts", "local_hour"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, StoreOpFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.StoreId).Append(r.BusinessDate).Append(r.OperationType).Append(r.EventTs)
            .Append(labels.OfStore(r.StoreId, r.EventTs).LocalHour);
    }

    internal readonly struct OnlineOrderHeaders : IFactColumns<OnlineOrderHeaderFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "order_id_ext", "event_ts", "business_date", "local_hour", "customer_id", "fulfillment_mode", "node_type", "node_id", "item_count", "line_count",
            .. s_headerMoney,
            "tax_rate", "tender_type", "campaign_id", "impression_id_ext", "correlation_id",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, OnlineOrderHeaderFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.OrderIdExt).Append(r.EventTs).AppendLabel(labels.OfNode(r.NodeType, r.NodeId, r.EventTs))
            .Append(r.CustomerId).Append(r.FulfillmentMode)
            .Append(r.NodeType).Append(r.NodeId).Append(r.ItemCount).Append(r.LineCount)
            .AppendHeaderMoney(r.Money)
            .AppendDecimal(r.TaxRateE5, 5).Append(r.TenderType).Append(r.CampaignId)
            .Append(r.ImpressionIdExt).Append(r.CorrelationId);
    }

    internal readonly struct OnlineOrderLines : IFactColumns<OnlineOrderLineFact>
    {
        public static IReadOnlyList<string> Names { get; } =
        [
            "order_id_ext", "line_num", "event_ts", "business_date", "local_hour", "product_id", "quantity",
            .. s_lineMoney,
            "promo_code",
        ];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, OnlineOrderLineFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.OrderIdExt).Append(r.LineNum).Append(r.EventTs)
            .AppendLabel(labels.OfNode(r.OrderNode.NodeType, r.OrderNode.NodeId, r.EventTs)).Append(r.ProductId)
            .Append(r.Quantity)
            .AppendLineMoney(r.UnitCents, r.Money)
            .Append(r.PromoCode);
    }

    internal readonly struct OnlineOrderStatus : IFactColumns<OnlineOrderStatusFact>
    {
        public static IReadOnlyList<string> Names { get; } =
            ["order_id_ext", "status", "event_ts", "business_date", "local_hour", "fulfillment_mode", "node_type", "node_id"];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TRow Append<TRow>(TRow row, OnlineOrderStatusFact r, LocalLabels labels)
            where TRow : struct, IAppendRow<TRow> => row
            .Append(r.OrderIdExt).Append(r.Status).Append(r.EventTs).AppendLabel(labels.OfNode(r.NodeType, r.NodeId, r.EventTs))
            .Append(r.FulfillmentMode)
            .Append(r.NodeType).Append(r.NodeId);
    }
}
