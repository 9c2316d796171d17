using RetailSynth.Engine.Simulation.Planning;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Inventory;

/// <summary>
/// Opening balances when the simulator state is created (data-model §12.1): per node, the forecast factors e_{n,p}
/// (`state.sizing`, product_id order, every product), then every launched or about-to-launch pair starts with
/// on_hand = its order-up-to level as if reviewed on StartDate − 1; other pairs start empty.
/// </summary>
internal static class InventorySizing
{
    public const string Component = "state.sizing";

    public static (InventoryLedger[] Stores, InventoryLedger[] Dcs) Create(SimulationWorld world)
    {
        var products = world.Products;
        var plan = world.Replenishment;
        var eve = world.Options.StartDate.AddDays(-1);

        var stores = new InventoryLedger[world.Stores.Length];
        var storeHorizon = plan.Demand.Horizon(eve, ReplenishmentPlan.StoreHorizonDays);
        foreach (var store in world.Stores)
        {
            var ledger = new InventoryLedger(store.Store.StoreId, isStore: true, products.Count);
            var stream = world.Random.Stream(Component, null, $"STORE:{store.Store.StoreId}");
            for (var p = 0; p < products.Count; p++)
            {
                ledger.ForecastFactor[p] = Math.Exp(stream.Normal(-0.125, 0.5));
            }

            for (var p = 0; p < products.Count; p++)
            {
                if (products.IsLaunched(p, eve.AddDays(ReplenishmentPlan.StoreLaunchLead)))
                {
                    var (s, orderUpTo) = ReplenishmentPlan.StoreLevels(storeHorizon, plan.StoreLines[store.Index], ledger.ForecastFactor[p], products.CasePack[p], p);
                    Open(ledger, p, s, orderUpTo);
                }
            }

            stores[store.Index] = ledger;
        }

        var dcs = new InventoryLedger[world.Dcs.Length];
        var dcHorizon = plan.Demand.Horizon(eve, ReplenishmentPlan.DcHorizonDays);
        foreach (var dc in world.Dcs)
        {
            var ledger = new InventoryLedger(dc.Dc.DcId, isStore: false, products.Count);
            var stream = world.Random.Stream(Component, null, $"DC:{dc.Dc.DcId}");
            for (var p = 0; p < products.Count; p++)
            {
                ledger.ForecastFactor[p] = Math.Exp(stream.Normal(-0.02, 0.2));
            }

            for (var p = 0; p < products.Count; p++)
            {
                if (products.IsLaunched(p, eve.AddDays(ReplenishmentPlan.DcLaunchLead)))
                {
                    var (s, orderUpTo) = ReplenishmentPlan.DcLevels(dcHorizon, plan.DcLines[dc.Index], ledger.ForecastFactor[p], products.CasePack[p], p);
                    Open(ledger, p, s, orderUpTo);
                }
            }

            dcs[dc.Index] = ledger;
        }

        return (stores, dcs);
    }

    private static void Open(InventoryLedger ledger, int product, int reorderPoint, int orderUpTo)
    {
        ledger.ReorderPoint[product] = reorderPoint;
        ledger.OrderUpTo[product] = orderUpTo;
        ledger.OnHand[product] = orderUpTo;
    }
}
