namespace RetailSynth.Domain.Facts;

/// <summary>
/// Every fact row one simulated UTC day produced, per table, in the order they were emitted. The storage layer's
/// fact-table registry maps each list to its table; a test holds the two equal.
/// </summary>
public sealed class FactBatch
{
    public List<ReceiptFact> Receipts { get; } = [];
    public List<ReceiptLineFact> ReceiptLines { get; } = [];
    public List<PaymentFact> Payments { get; } = [];
    public List<InventoryTxnFact> StoreInventoryTxns { get; } = [];
    public List<InventoryTxnFact> DcInventoryTxns { get; } = [];
    public List<StockoutFact> Stockouts { get; } = [];
    public List<ReorderFact> Reorders { get; } = [];
    public List<TruckMoveFact> TruckMoves { get; } = [];
    public List<TruckInventoryFact> TruckInventory { get; } = [];
    public List<FootTrafficFact> FootTraffic { get; } = [];
    public List<BlePingFact> BlePings { get; } = [];
    public List<ZoneChangeFact> ZoneChanges { get; } = [];
    public List<MarketingFact> Marketing { get; } = [];
    public List<PromotionFact> Promotions { get; } = [];
    public List<PromoLineFact> PromoLines { get; } = [];
    public List<StoreOpFact> StoreOps { get; } = [];
    public List<OnlineOrderHeaderFact> OnlineOrderHeaders { get; } = [];
    public List<OnlineOrderLineFact> OnlineOrderLines { get; } = [];
    public List<OnlineOrderStatusFact> OnlineOrderStatus { get; } = [];

    public long TotalRows =>
        (long)Receipts.Count + ReceiptLines.Count + Payments.Count + StoreInventoryTxns.Count + DcInventoryTxns.Count
        + Stockouts.Count + Reorders.Count + TruckMoves.Count + TruckInventory.Count + FootTraffic.Count
        + BlePings.Count + ZoneChanges.Count + Marketing.Count + Promotions.Count + PromoLines.Count + StoreOps.Count
        + OnlineOrderHeaders.Count + OnlineOrderLines.Count + OnlineOrderStatus.Count;

    /// <summary>Appends another batch (a store's hour, a network step) in order.</summary>
    public void AddRange(FactBatch other) => AddRange([other]);

    /// <summary>
    /// Appends batches in order, each list grown once to its final size: an hour's lists of a large network reach
    /// the large-object heap, and growing them batch by batch allocated about twice their size there.
    /// </summary>
    public void AddRange(IReadOnlyList<FactBatch> others)
    {
        Merge(others, static f => f.Receipts);
        Merge(others, static f => f.ReceiptLines);
        Merge(others, static f => f.Payments);
        Merge(others, static f => f.StoreInventoryTxns);
        Merge(others, static f => f.DcInventoryTxns);
        Merge(others, static f => f.Stockouts);
        Merge(others, static f => f.Reorders);
        Merge(others, static f => f.TruckMoves);
        Merge(others, static f => f.TruckInventory);
        Merge(others, static f => f.FootTraffic);
        Merge(others, static f => f.BlePings);
        Merge(others, static f => f.ZoneChanges);
        Merge(others, static f => f.Marketing);
        Merge(others, static f => f.Promotions);
        Merge(others, static f => f.PromoLines);
        Merge(others, static f => f.StoreOps);
        Merge(others, static f => f.OnlineOrderHeaders);
        Merge(others, static f => f.OnlineOrderLines);
        Merge(others, static f => f.OnlineOrderStatus);
    }

    private void Merge<TFact>(IReadOnlyList<FactBatch> others, Func<FactBatch, List<TFact>> rows)
    {
        var list = rows(this);
        var total = list.Count;
        foreach (var other in others)
        {
            total += rows(other).Count;
        }

        list.EnsureCapacity(total);
        foreach (var other in others)
        {
            list.AddRange(rows(other));
        }
    }
}
