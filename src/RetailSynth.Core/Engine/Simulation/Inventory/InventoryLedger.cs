
namespace RetailSynth.Engine.Simulation.Inventory;

/// <summary>
/// Stock of one node (a store or a DC) for every product (data-model §12): balances, the movement
/// numbering and stockout episodes. Every change of on_hand goes through <see cref="Move"/>, which writes
/// the movement row with its running balance, so balances chain exactly (invariant §19.5).
/// </summary>
public sealed class InventoryLedger(long nodeId, bool isStore, int products)
{
    public long NodeId { get; } = nodeId;
    public bool IsStore { get; } = isStore;
    public long[] OnHand { get; private set; } = new long[products];
    public long[] Reserved { get; private set; } = new long[products];
    public long[] OnOrder { get; private set; } = new long[products];
    public int[] ReorderPoint { get; private set; } = new int[products];
    public int[] OrderUpTo { get; private set; } = new int[products];
    public bool[] StockoutOpen { get; private set; } = new bool[products];

    /// <summary>e_{n,p}: the planner's persistent forecast error for the item at this node, drawn at state creation (§12.1).</summary>
    public double[] ForecastFactor { get; private set; } = new double[products];

    /// <summary>The txn_seq the next movement gets (sim_node_sequences).</summary>
    public long NextTxnSeq { get; set; } = 1;

    /// <summary>
    /// The balances as last persisted, shared with every snapshot of this ledger: a day commit writes only
    /// the rows that differ, since most of a large network's (node, product) pairs do not move on a day.
    /// </summary>
    public PersistedBalances Persisted { get; private init; } = new(products);

    public bool DiffersFromPersisted(int product) =>
        !Persisted.Saved
        || OnHand[product] != Persisted.OnHand[product]
        || Reserved[product] != Persisted.Reserved[product]
        || OnOrder[product] != Persisted.OnOrder[product]
        || StockoutOpen[product] != Persisted.StockoutOpen[product]
        || ReorderPoint[product] != Persisted.ReorderPoint[product]
        || OrderUpTo[product] != Persisted.OrderUpTo[product];

    /// <summary>Records the current balances as persisted; called once the day's transaction has committed.</summary>
    public void MarkPersisted()
    {
        OnHand.CopyTo(Persisted.OnHand, 0);
        Reserved.CopyTo(Persisted.Reserved, 0);
        OnOrder.CopyTo(Persisted.OnOrder, 0);
        StockoutOpen.CopyTo(Persisted.StockoutOpen, 0);
        ReorderPoint.CopyTo(Persisted.ReorderPoint, 0);
        OrderUpTo.CopyTo(Persisted.OrderUpTo, 0);
        Persisted.Saved = true;
    }

    /// <summary>A copy for committing a day while the next one is simulated; it shares the persisted baseline.</summary>
    public InventoryLedger Snapshot()
    {
        var copy = new InventoryLedger(NodeId, IsStore, 0) { Persisted = Persisted, NextTxnSeq = NextTxnSeq };
        copy.OnHand = (long[])OnHand.Clone();
        copy.Reserved = (long[])Reserved.Clone();
        copy.OnOrder = (long[])OnOrder.Clone();
        copy.ReorderPoint = (int[])ReorderPoint.Clone();
        copy.OrderUpTo = (int[])OrderUpTo.Clone();
        copy.StockoutOpen = (bool[])StockoutOpen.Clone();
        copy.ForecastFactor = ForecastFactor; // drawn once and never changed
        return copy;
    }

    public long Sellable(int product) => OnHand[product] - Reserved[product];

    /// <summary>position = on_hand + on_order − reserved (§12.4).</summary>
    public long Position(int product) => OnHand[product] + OnOrder[product] - Reserved[product];

    /// <summary>
    /// Applies a signed movement, writing its row and, when it empties the shelf, a stockout row at +1 ms.
    /// Callers release reserved units first, so on_hand never drops below reserved (0 ≤ reserved ≤ on_hand).
    /// </summary>
    public void Move(DateTime eventTs, int product, int quantity, string reason, string source, FactBatch output)
    {
        var before = OnHand[product];
        var after = before + quantity;
        if (quantity == 0 || after < Reserved[product])
        {
            throw new InvalidOperationException(
                $"Movement of {quantity} {reason} for product {product + 1} at node {NodeId} would leave on_hand {after} (reserved {Reserved[product]}).");
        }

        OnHand[product] = after;
        var seq = NextTxnSeq++;
        var row = new InventoryTxnFact(NodeId, seq, eventTs, product + 1L, quantity, reason, source, after);
        (IsStore ? output.StoreInventoryTxns : output.DcInventoryTxns).Add(row);

        if (after == 0 && before > 0)
        {
            if (!StockoutOpen[product])
            {
                StockoutOpen[product] = true;
                output.Stockouts.Add(new StockoutFact(
                    eventTs.AddMilliseconds(1), IsStore ? NodeId : null, IsStore ? null : NodeId, product + 1L, (int)before, seq));
            }
        }
        else if (after > 0)
        {
            StockoutOpen[product] = false;
        }
    }
}
