using RetailSynth.Engine.Planning;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Planning;

/// <summary>
/// Reorder points and order-up-to levels from the demand the generator applies (data-model §12.1, §12.4): node lines
/// K_n, the expected demand u_{n,p}(t) and the store and DC rules for s and S. Read-only after construction.
/// </summary>
internal sealed class ReplenishmentPlan
{
    /// <summary>Stores review products launched by t + 2, so new items arrive before their launch.</summary>
    public const int StoreLaunchLead = 2;

    /// <summary>DCs review products launched by t + 7.</summary>
    public const int DcLaunchLead = 7;

    /// <summary>Days after a store review the rules look at: s covers 1…2, S adds 3…9.</summary>
    public const int StoreHorizonDays = 9;

    /// <summary>Days after a DC review the rules look at: s covers 1…12, S adds 13…19.</summary>
    public const int DcHorizonDays = 19;

    /// <summary>Ordering error: a triggered store line is overlooked with this probability outside peak readiness.</summary>
    public const double OverlookProbability = 0.40;

    /// <summary>F̂ at or above which a day within the next 9 makes every triggered line ordered (Black Friday, Christmas week).</summary>
    public const double PeakDayFactor = 2.0;

    public ReplenishmentPlan(SimulationWorld world)
    {
        Demand = new ExpectedDemand(world.Products);
        var o = world.Options;
        var customers = Math.Max(1, o.Customers);
        StoreLines = new double[world.Stores.Length];
        DcLines = new double[world.Dcs.Length];
        foreach (var store in world.Stores)
        {
            StoreLines[store.Index] = StoreDemandBaseline.ExpectedLines(o, store.Store, world.Customers.PrimaryCustomersOf(store.Index), customers);
        }

        // DC lines: Σ K_s over its stores (store_id order) + its share of the online orders shipped from DCs.
        var dcCustomers = new double[world.Dcs.Length];
        foreach (var store in world.Stores)
        {
            var dc = world.IndexOf(store.Store.NearestDcId);
            DcLines[dc] += StoreLines[store.Index];
            dcCustomers[dc] += world.Customers.PrimaryCustomersOf(store.Index);
        }

        for (var d = 0; d < DcLines.Length; d++)
        {
            DcLines[d] += o.OnlineOrdersPerDay * 0.6 * StoreDemandBaseline.OnlineLinesPerOrder * dcCustomers[d] / customers;
        }
    }

    public ExpectedDemand Demand { get; }

    /// <summary>K_s: a store's expected lines on a day with F̂ = 1 (store index).</summary>
    public double[] StoreLines { get; }

    /// <summary>K_d: a DC's expected lines on a day with F̂ = 1 (DC index).</summary>
    public double[] DcLines { get; }

    /// <summary>Store: s = floor(Λ(1..2)) (0 allowed), S = s + max(case_pack, round(Λ(3..9))).</summary>
    public static (int ReorderPoint, int OrderUpTo) StoreLevels(DemandHorizon horizon, double nodeLines, double forecastFactor, int casePack, int product)
    {
        var s = (long)Math.Floor(horizon.Window(nodeLines, forecastFactor, product, 1, 2));
        var cycle = Rounding.ToLong(horizon.Window(nodeLines, forecastFactor, product, 3, 9));
        return Levels(s, Math.Max(casePack, cycle));
    }

    /// <summary>DC: s = ceil(1.5 × Λ(1..12)), S = s + max(10 × case_pack, round(Λ(13..19))).</summary>
    public static (int ReorderPoint, int OrderUpTo) DcLevels(DemandHorizon horizon, double nodeLines, double forecastFactor, int casePack, int product)
    {
        var s = (long)Math.Ceiling(1.5 * horizon.Window(nodeLines, forecastFactor, product, 1, 12));
        var cycle = Rounding.ToLong(horizon.Window(nodeLines, forecastFactor, product, 13, 19));
        return Levels(s, Math.Max(10L * casePack, cycle));
    }

    /// <summary>
    /// The ordering error of a triggered store line: overlooked with p 0.40, drawn from the store stream, except in peak
    /// readiness (a day of t+1…t+9 with F̂ ≥ 2.0), where every line is ordered and nothing is drawn.
    /// </summary>
    public static bool Overlooked(RandomStream stream, bool peakReadiness) =>
        !peakReadiness && stream.Bernoulli(OverlookProbability);

    /// <summary>Q = ceil((S − position) / case_pack) × case_pack: whole cases up to S.</summary>
    public static int OrderQuantity(int orderUpTo, long position, int casePack) =>
        (int)(((orderUpTo - position + casePack - 1) / casePack) * casePack);

    private static (int, int) Levels(long reorderPoint, long cycle) =>
        ((int)Math.Min(int.MaxValue / 2, reorderPoint), (int)Math.Min(int.MaxValue / 2, reorderPoint + cycle));
}
