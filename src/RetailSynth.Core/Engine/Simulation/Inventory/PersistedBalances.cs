namespace RetailSynth.Engine.Simulation.Inventory;

/// <summary>The balances of one node as the database holds them after the last committed day.</summary>
public sealed class PersistedBalances(int products)
{
    /// <summary>False until the node's balances have been written once (the first save writes every row).</summary>
    public bool Saved { get; set; }
    public long[] OnHand { get; } = new long[products];
    public long[] Reserved { get; } = new long[products];
    public long[] OnOrder { get; } = new long[products];
    public bool[] StockoutOpen { get; } = new bool[products];
    public int[] ReorderPoint { get; } = new int[products];
    public int[] OrderUpTo { get; } = new int[products];
}
