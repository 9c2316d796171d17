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

    /// <summary>What sets a store and a DC apart when sized: forecast error (§12.1, wider at stores), launch lead and s/S rule.</summary>
    private sealed record NodeRules(
        bool IsStore, string StreamPrefix, double ForecastMu, double ForecastSigma, int LaunchLead, int HorizonDays,
        Func<DemandHorizon, double, double, int, int, (int ReorderPoint, int OrderUpTo)> Levels);

    private static readonly NodeRules s_storeRules = new(
        true, "STORE", -0.125, 0.5, ReplenishmentPlan.StoreLaunchLead, ReplenishmentPlan.StoreHorizonDays, ReplenishmentPlan.StoreLevels);

    private static readonly NodeRules s_dcRules = new(
        false, "DC", -0.02, 0.2, ReplenishmentPlan.DcLaunchLead, ReplenishmentPlan.DcHorizonDays, ReplenishmentPlan.DcLevels);

    public static (InventoryLedger[] Stores, InventoryLedger[] Dcs) Create(SimulationWorld world)
    {
        var plan = world.Replenishment;
        var eve = world.Options.StartDate.AddDays(-1);

        var stores = new InventoryLedger[world.Stores.Length];
        var storeHorizon = plan.Demand.Horizon(eve, s_storeRules.HorizonDays);
        foreach (var store in world.Stores)
        {
            stores[store.Index] = Ledger(world, s_storeRules, store.Store.StoreId, plan.StoreLines[store.Index], storeHorizon, eve);
        }

        var dcs = new InventoryLedger[world.Dcs.Length];
        var dcHorizon = plan.Demand.Horizon(eve, s_dcRules.HorizonDays);
        foreach (var dc in world.Dcs)
        {
            dcs[dc.Index] = Ledger(world, s_dcRules, dc.Dc.DcId, plan.DcLines[dc.Index], dcHorizon, eve);
        }

        return (stores, dcs);
    }

    /// <summary>One node's ledger: its forecast factors for every product, then the opening position of each product launched by its lead.</summary>
    private static InventoryLedger Ledger(SimulationWorld world, NodeRules rules, long nodeId, double nodeLines, DemandHorizon horizon, DateOnly eve)
    {
        var products = world.Products;
        var ledger = new InventoryLedger(nodeId, rules.IsStore, products.Count);
        var stream = world.Random.Stream(Component, null, $"{rules.StreamPrefix}:{nodeId}");
        for (var p = 0; p < products.Count; p++)
        {
            ledger.ForecastFactor[p] = Math.Exp(stream.Normal(rules.ForecastMu, rules.ForecastSigma));
        }

        for (var p = 0; p < products.Count; p++)
        {
            if (products.IsLaunched(p, eve.AddDays(rules.LaunchLead)))
            {
                var (s, orderUpTo) = rules.Levels(horizon, nodeLines, ledger.ForecastFactor[p], products.CasePack[p], p);
                Open(ledger, p, s, orderUpTo);
            }
        }

        return ledger;
    }

    private static void Open(InventoryLedger ledger, int product, int reorderPoint, int orderUpTo)
    {
        ledger.ReorderPoint[product] = reorderPoint;
        ledger.OrderUpTo[product] = orderUpTo;
        ledger.OnHand[product] = orderUpTo;
    }
}
