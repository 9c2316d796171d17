using RetailSynth.Engine.Events;
using static RetailSynth.Storage.FactAppenders;

namespace RetailSynth.Storage;

/// <summary>
/// The fact-table registry: the one list of the fact tables (data-model §7, in catalogue order) with each table's
/// key, its rows in <see cref="FactBatch"/>, its columns (<see cref="FactAppenders"/>) and the events it feeds
/// (events.md §1). <see cref="DatasetTables"/>, the writers and the
/// <see cref="Outbox.HourEventBuilder"/> derive from it; a test holds it equal to the migrated schema and to <see cref="FactBatch"/>.
/// </summary>
internal static class FactTables
{
    public static IReadOnlyList<FactTable> All { get; } =
    [
        new FactTable<ReceiptFact, Receipts>("fact_receipts", "receipt_id_ext", static f => f.Receipts,
            new(static r => r.EventTs, static (e, r, in s) => e.ReceiptCreated(r, s))),
        new FactTable<ReceiptLineFact, ReceiptLines>("fact_receipt_lines", "receipt_id_ext, line_num", static f => f.ReceiptLines,
            new(static r => r.EventTs, static (e, r, in s) => e.ReceiptLineAdded(r, s))),
        new FactTable<PaymentFact, Payments>("fact_payments", "transaction_id", static f => f.Payments,
            new(static r => r.EventTs, static (e, r, in s) => e.PaymentProcessed(r, s))),
        new FactTable<InventoryTxnFact, StoreInventoryTxns>("fact_store_inventory_txn", "store_id, txn_seq", static f => f.StoreInventoryTxns,
            new(static r => r.EventTs, static (e, r, in s) => e.InventoryUpdated(r, true, s))),
        new FactTable<InventoryTxnFact, DcInventoryTxns>("fact_dc_inventory_txn", "dc_id, txn_seq", static f => f.DcInventoryTxns,
            new(static r => r.EventTs, static (e, r, in s) => e.InventoryUpdated(r, false, s))),

        // Exactly one of store_id / dc_id is set, so the pair names the node.
        new FactTable<StockoutFact, Stockouts>("fact_stockouts", "coalesce(store_id, 0), coalesce(dc_id, 0), depleting_txn_seq", static f => f.Stockouts,
            new(static r => r.EventTs, static (e, r, in s) => e.StockoutDetected(r, s))),
        new FactTable<ReorderFact, Reorders>("fact_reorders", "reorder_id", static f => f.Reorders,
            new(static r => r.EventTs, static (e, r, in s) => e.ReorderTriggered(r, s))),
        new FactTable<TruckMoveFact, TruckMoves>("fact_truck_moves", "shipment_id, status", static f => f.TruckMoves,
            new(static r => r.EventTs, static (e, r, in s) => e.TruckMove(r, FeedingRows.TruckMove(r.Status)!.Value, s),
                Feeds: static r => FeedingRows.TruckMove(r.Status) is not null)),
        new FactTable<TruckInventoryFact, TruckInventory>("fact_truck_inventory", "shipment_id, product_id, action", static f => f.TruckInventory),
        new FactTable<FootTrafficFact, FootTraffic>("fact_foot_traffic", "store_id, window_start_ts, zone", static f => f.FootTraffic,
            new(static r => r.EventTs, static (e, r, in s) => e.CustomerEntered(r, s))),
        new FactTable<BlePingFact, BlePings>("fact_ble_pings", "visit_id, ping_seq", static f => f.BlePings,
            new(static r => r.EventTs, static (e, r, in s) => e.BlePingDetected(r, s))),
        new FactTable<ZoneChangeFact, ZoneChanges>("fact_customer_zone_changes", "visit_id, change_seq", static f => f.ZoneChanges,
            new(static r => r.EventTs, static (e, r, in s) => e.CustomerZoneChanged(r, s))),
        new FactTable<MarketingFact, Marketing>("fact_marketing", "impression_id_ext", static f => f.Marketing,
            new(static r => r.EventTs, static (e, r, in s) => e.AdImpression(r, s))),
        new FactTable<PromotionFact, Promotions>("fact_promotions", "receipt_id_ext, promo_code", static f => f.Promotions,
            new(static r => r.EventTs, static (e, r, in s) => e.PromotionApplied(r, s))),
        new FactTable<PromoLineFact, PromoLines>("fact_promo_lines", "receipt_id_ext, line_num, promo_code", static f => f.PromoLines),
        new FactTable<StoreOpFact, StoreOps>("fact_store_ops", "store_id, business_date, operation_type", static f => f.StoreOps,
            new(static r => r.EventTs, static (e, r, in s) => e.StoreOperation(r, s))),
        new FactTable<OnlineOrderHeaderFact, OnlineOrderHeaders>("fact_online_order_headers", "order_id_ext", static f => f.OnlineOrderHeaders,
            new(static r => r.EventTs, static (e, r, in s) => e.OnlineOrderCreated(r, s))),
        new FactTable<OnlineOrderLineFact, OnlineOrderLines>("fact_online_order_lines", "order_id_ext, line_num", static f => f.OnlineOrderLines),
        new FactTable<OnlineOrderStatusFact, OnlineOrderStatus>("fact_online_order_status", "order_id_ext, status", static f => f.OnlineOrderStatus,
            new(static r => r.EventTs, static (e, r, in s) => e.OnlineOrderStatus(r, FeedingRows.OrderStatus(r.Status)!.Value, s),
                Feeds: static r => FeedingRows.OrderStatus(r.Status) is not null)),
    ];
}
