namespace RetailSynth.Domain.Facts;

// Fact rows of data-model §16 written by stores. Money is in cents (DECIMAL(18,2) columns are
// derived at write time as cents / 100); timestamps are UTC DateTime values with millisecond precision.
// Init-only properties outside the positional lists carry context that only events need (events.md §4);
// the appenders write explicit columns, so they never reach the database.

/// <summary>fact_receipts (§16.1), key receipt_id_ext.</summary>
public sealed record ReceiptFact(
    string ReceiptIdExt,
    DateTime EventTs,
    long StoreId,
    long CustomerId,
    string? VisitId,
    string ReceiptType,
    int ItemCount,
    Money Money,
    string TenderType,
    string? CampaignId,
    string? ImpressionIdExt,
    string? CorrelationId,
    string? ReturnForReceiptIdExt)
{
    /// <summary>The online order a RETURN gives back (§11); null otherwise. Exactly one of this and <see cref="ReturnForReceiptIdExt"/> is set on a RETURN.</summary>
    public string? ReturnForOrderIdExt { get; init; }
}

/// <summary>fact_receipt_lines (§16.2), key (receipt_id_ext, line_num).</summary>
public sealed record ReceiptLineFact(
    string ReceiptIdExt,
    int LineNum,
    DateTime EventTs,
    long StoreId,
    long ProductId,
    int Quantity,
    long UnitCents,
    LineMoney Money,
    string? PromoCode)
{
    /// <summary>The visit of the receipt (session_id of receipt_line_added); null on returns.</summary>
    public string? VisitId { get; init; }
}

/// <summary>fact_payments (§16.3), key transaction_id. Exactly one of receipt/order is set.</summary>
public sealed record PaymentFact(
    string TransactionId,
    DateTime EventTs,
    string? ReceiptIdExt,
    string? OrderIdExt,
    long? StoreId,
    long CustomerId,
    int AttemptNum,
    string PaymentMethod,
    string Status,
    string? DeclineReason,
    long AmountCents,
    int ProcessingTimeMs,
    string? CorrelationId)
{
    /// <summary>The visit of a sale's payment (session_id); null for orders and refunds of returns.</summary>
    public string? VisitId { get; init; }

    /// <summary>An online order's fulfilling node, whose zone labels the payment (§2.3); unset for store payments.</summary>
    public FulfillmentNode? OrderNode { get; init; }
}

/// <summary>fact_store_inventory_txn (§16.4) and fact_dc_inventory_txn (§16.5): key (node, txn_seq).</summary>
public sealed record InventoryTxnFact(
    long NodeId,
    long TxnSeq,
    DateTime EventTs,
    long ProductId,
    int Quantity,
    string Reason,
    string Source,
    long Balance);

/// <summary>fact_stockouts (§16.6), key (node, depleting_txn_seq). Exactly one of store/DC is set.</summary>
public sealed record StockoutFact(
    DateTime EventTs,
    long? StoreId,
    long? DcId,
    long ProductId,
    int LastKnownQuantity,
    long DepletingTxnSeq);

/// <summary>fact_reorders (§16.7), key reorder_id. store_id NULL for DC replenishment.</summary>
public sealed record ReorderFact(
    string ReorderId,
    DateTime EventTs,
    long? StoreId,
    long DcId,
    long ProductId,
    int CurrentQuantity,
    int InventoryPosition,
    int ReorderPoint,
    int ReorderQuantity,
    string Priority,
    string? PoId);

/// <summary>fact_foot_traffic (§16.10), key (store_id, window_start_ts, zone).</summary>
public sealed record FootTrafficFact(
    DateTime EventTs,
    DateTime WindowStartTs,
    long StoreId,
    string Zone,
    string SensorId,
    int CustomerCount,
    int DwellSeconds);

/// <summary>fact_ble_pings (§16.11), key (visit_id, ping_seq).</summary>
public sealed record BlePingFact(
    string VisitId,
    int PingSeq,
    DateTime EventTs,
    long StoreId,
    string BeaconId,
    string Zone,
    string CustomerBleId,
    long? CustomerId,
    int Rssi);

/// <summary>fact_customer_zone_changes (§16.12), key (visit_id, change_seq).</summary>
public sealed record ZoneChangeFact(
    string VisitId,
    int ChangeSeq,
    DateTime EventTs,
    long StoreId,
    string CustomerBleId,
    long? CustomerId,
    string FromZone,
    string ToZone);

/// <summary>fact_promotions (§16.14), key (receipt_id_ext, promo_code).</summary>
public sealed record PromotionFact(
    string ReceiptIdExt,
    string PromoCode,
    DateTime EventTs,
    long StoreId,
    long CustomerId,
    string DiscountType,
    long DiscountCents,
    int ProductCount,
    long[] ProductIds,
    string? CorrelationId)
{
    /// <summary>The visit of the receipt (session_id of promotion_applied).</summary>
    public string? VisitId { get; init; }
}

/// <summary>fact_promo_lines (§16.15), key (receipt_id_ext, line_num, promo_code).</summary>
public sealed record PromoLineFact(
    string ReceiptIdExt,
    int LineNum,
    string PromoCode,
    DateTime EventTs,
    long ProductId,
    int Quantity,
    long DiscountCents)
{
    /// <summary>The store of the receipt, whose zone labels the row (§2.3); not a column.</summary>
    public long StoreId { get; init; }
}

/// <summary>fact_store_ops (§16.16), key (store_id, business_date, operation_type).</summary>
public sealed record StoreOpFact(
    long StoreId,
    DateOnly BusinessDate,
    string OperationType,
    DateTime EventTs);
