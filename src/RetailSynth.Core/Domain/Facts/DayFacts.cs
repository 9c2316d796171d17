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
    public void AddRange(DayFacts other)
    {
        Receipts.AddRange(other.Receipts);
        ReceiptLines.AddRange(other.ReceiptLines);
        Payments.AddRange(other.Payments);
        StoreInventoryTxns.AddRange(other.StoreInventoryTxns);
        DcInventoryTxns.AddRange(other.DcInventoryTxns);
        Stockouts.AddRange(other.Stockouts);
        Reorders.AddRange(other.Reorders);
        TruckMoves.AddRange(other.TruckMoves);
        TruckInventory.AddRange(other.TruckInventory);
        FootTraffic.AddRange(other.FootTraffic);
        BlePings.AddRange(other.BlePings);
        ZoneChanges.AddRange(other.ZoneChanges);
        Marketing.AddRange(other.Marketing);
        Promotions.AddRange(other.Promotions);
        PromoLines.AddRange(other.PromoLines);
        StoreOps.AddRange(other.StoreOps);
        OnlineOrderHeaders.AddRange(other.OnlineOrderHeaders);
        OnlineOrderLines.AddRange(other.OnlineOrderLines);
        OnlineOrderStatus.AddRange(other.OnlineOrderStatus);
    }
}
