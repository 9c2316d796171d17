using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Inventory;

/// <summary>
/// Opening balances, reorder points and order-up-to levels (data-model §12.1), computed once when the
/// simulator state is created, for every (node, product), launched or not.
/// </summary>
internal static class InventorySizing
{
    /// <summary>Random component for sizing: not listed in §3.1, so named here; one stream per node.</summary>
    public const string Component = "state.sizing";

    public static (InventoryLedger[] Stores, InventoryLedger[] Dcs) Create(SimulationWorld world)
    {
        var o = world.Options;
        var products = world.Products;
        var share = DemandShare(products);

        var stores = new InventoryLedger[world.Stores.Length];
        var dcDemand = new double[world.Dcs.Length][];
        for (var d = 0; d < dcDemand.Length; d++)
        {
            dcDemand[d] = new double[products.Count];
        }

        foreach (var store in world.Stores)
        {
            var ledger = new InventoryLedger(store.Store.StoreId, isStore: true, products.Count);
            var stream = world.Random.Stream(Component, null, $"STORE:{store.Store.StoreId}");
            var nearestDc = (int)store.Store.NearestDcId - 1;
            for (var p = 0; p < products.Count; p++)
            {
                var unitsPerLine = QuantityBands.Mean(products.SaleCents[p]);
                var d = o.CustomersPerStoreDay * store.Store.DailyTrafficMultiplier * 11.5 * share[p] * unitsPerLine;
                dcDemand[nearestDc][p] += d;
                var q = Math.Clamp(Rounding.ToLong(d * stream.Uniform(7, 14)), o.StoreInitialInventoryMin, o.StoreInitialInventoryMax);
                var reorderPoint = Math.Min(Math.Clamp(Rounding.ToLong(3 * d), o.StoreReorderPointMin, o.StoreReorderPointMax), q / 3);
                ledger.ReorderPoint[p] = (int)reorderPoint;
                ledger.OrderUpTo[p] = (int)Math.Max(q, reorderPoint + 1);
                ledger.OnHand[p] = products.IsLaunched(p, o.StartDate) ? ledger.OrderUpTo[p] : 0;
            }

            stores[store.Index] = ledger;
        }

        var dcs = new InventoryLedger[world.Dcs.Length];
        foreach (var dc in world.Dcs)
        {
            var ledger = new InventoryLedger(dc.Dc.DcId, isStore: false, products.Count);
            var stream = world.Random.Stream(Component, null, $"DC:{dc.Dc.DcId}");
            for (var p = 0; p < products.Count; p++)
            {
                var d = dcDemand[dc.Index][p] + (o.OnlineOrdersPerDay * 0.6 * 2.9 * share[p] / o.DistributionCenters);
                var q = Math.Clamp(Rounding.ToLong(d * stream.Uniform(14, 28)), o.DcInitialInventoryMin, o.DcInitialInventoryMax);
                var reorderPoint = Math.Min(Math.Clamp(Rounding.ToLong(7 * d), o.DcReorderPointMin, o.DcReorderPointMax), q / 5);
                ledger.ReorderPoint[p] = (int)reorderPoint;
                ledger.OrderUpTo[p] = (int)q;
                ledger.OnHand[p] = products.IsLaunched(p, o.StartDate) ? q : 0;
            }

            dcs[dc.Index] = ledger;
        }

        return (stores, dcs);
    }

    /// <summary>s̄_d × ŵ_p: a product's expected share of basket lines (§12.1).</summary>
    private static double[] DemandShare(ProductTable products) =>
        [.. Enumerable.Range(0, products.Count).Select(p => DepartmentShares.PlanningShare(products.Department[p]) / 100 * products.DemandWeight[p])];
}
