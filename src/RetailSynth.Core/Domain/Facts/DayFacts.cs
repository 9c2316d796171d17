using RetailSynth.Storage;

namespace RetailSynth.Domain.Facts;

/// <summary>
/// Every fact row one simulated UTC day produced, per table, in the order they were emitted. A new list also goes
/// into <see cref="FactTables"/>, which totals and merges them.
/// </summary>
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

    public long TotalRows
    {
        get
        {
            var total = 0L;
            foreach (var table in FactTables.All)
            {
                total += table.Count(this);
            }

            return total;
        }
    }

    /// <summary>Appends another batch (a store's hour, a network step) in order.</summary>
    public void AddRange(DayFacts other) => AddRange([other]);

    /// <summary>
    /// Appends batches in order, each list grown once to its final size: an hour's lists of a large network reach
    /// the large-object heap, and growing them batch by batch allocated about twice their size there.
    /// </summary>
    public void AddRange(IReadOnlyList<DayFacts> others)
    {
        foreach (var table in FactTables.All)
        {
            table.AddRange(this, others);
        }
    }
}
