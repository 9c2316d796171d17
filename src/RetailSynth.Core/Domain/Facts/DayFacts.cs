namespace RetailSynth.Domain.Facts;

/// <summary>Every fact row one simulated UTC day produced, per table, in the order they were emitted.</summary>
public sealed class DayFacts
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
        + Stockouts.Count + Reorders.Count + TruckMoves.Count + TruckInventory.Count + FootTraffic.Count + BlePings.Count
        + ZoneChanges.Count + Marketing.Count + Promotions.Count + PromoLines.Count + StoreOps.Count
        + OnlineOrderHeaders.Count + OnlineOrderLines.Count + OnlineOrderStatus.Count;

    /// <summary>Appends another batch (a store's hour, a network step) in order.</summary>
    public void AddRange(DayFacts other) => AddRange([other]);

    /// <summary>
    /// Appends batches in order, each list grown once to its final size: an hour's lists of a large network reach
    /// the large-object heap, and growing them batch by batch allocated about twice their size there.
    /// </summary>
    public void AddRange(IReadOnlyList<DayFacts> others)
    {
        Append(Receipts, others, static o => o.Receipts);
        Append(ReceiptLines, others, static o => o.ReceiptLines);
        Append(Payments, others, static o => o.Payments);
        Append(StoreInventoryTxns, others, static o => o.StoreInventoryTxns);
        Append(DcInventoryTxns, others, static o => o.DcInventoryTxns);
        Append(Stockouts, others, static o => o.Stockouts);
        Append(Reorders, others, static o => o.Reorders);
        Append(TruckMoves, others, static o => o.TruckMoves);
        Append(TruckInventory, others, static o => o.TruckInventory);
        Append(FootTraffic, others, static o => o.FootTraffic);
        Append(BlePings, others, static o => o.BlePings);
        Append(ZoneChanges, others, static o => o.ZoneChanges);
        Append(Marketing, others, static o => o.Marketing);
        Append(Promotions, others, static o => o.Promotions);
        Append(PromoLines, others, static o => o.PromoLines);
        Append(StoreOps, others, static o => o.StoreOps);
        Append(OnlineOrderHeaders, others, static o => o.OnlineOrderHeaders);
        Append(OnlineOrderLines, others, static o => o.OnlineOrderLines);
        Append(OnlineOrderStatus, others, static o => o.OnlineOrderStatus);
    }

    private static void Append<T>(List<T> target, IReadOnlyList<DayFacts> others, Func<DayFacts, List<T>> rows)
    {
        var total = target.Count;
        foreach (var other in others)
        {
            total += rows(other).Count;
        }

        target.EnsureCapacity(total);
        foreach (var other in others)
        {
            target.AddRange(rows(other));
        }
    }
}
