using System.Collections.Concurrent;
using RetailSynth.Engine.Calendar;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Planning;

/// <summary>
/// The units the generator expects to sell (data-model §12.1): u_{n,p}(t) = K_n × F̂_n(t) × a_p(t), where the
/// per-line unit share a_p(t) carries every multiplier of §10.2 (line-count window ℓ, department share s̄ with seasonal
/// mass M_d and Black Friday overlay o_d, product weight ŵ with season m_p and tag overlay g_p, mean quantity q̄_p plus
/// extra units x_p). a_p(t) depends only on the date, so it is built once per date and shared by every node and thread.
/// Node lines K_n come from the caller (StoreDemandBaseline owns B_s and K_s).
/// </summary>
internal sealed class ExpectedDemand(ProductTable products)
{
    private readonly ConcurrentDictionary<DateOnly, Lazy<double[]>> _unitShares = new();

    /// <summary>u_{n,p}(t) for a node with K_n lines a day on local date t (0 before launch).</summary>
    public double Units(double nodeLines, DateOnly date, int product) =>
        nodeLines * DayFactors.Expected(date) * UnitShares(date)[product];

    /// <summary>F̂ and a_p of the days t+1 … t+<paramref name="days"/> after a review on local date t, looked up once per review.</summary>
    public DemandHorizon Horizon(DateOnly reviewDate, int days)
    {
        var dayFactors = new double[days + 1];
        var shares = new double[days + 1][];
        shares[0] = [];
        for (var k = 1; k <= days; k++)
        {
            var date = reviewDate.AddDays(k);
            dayFactors[k] = DayFactors.Expected(date);
            shares[k] = UnitShares(date);
        }

        return new DemandHorizon(dayFactors, shares);
    }

    /// <summary>a_p(t): expected units of product p per node line on date t (Σ_p without q̄ and x is ℓ(t)).</summary>
    public double[] UnitShares(DateOnly date) =>
        _unitShares.GetOrAdd(date, d => new Lazy<double[]>(() => Build(products, d))).Value;

    private static double[] Build(ProductTable products, DateOnly date)
    {
        var departments = DepartmentShares.Count;
        var weights = new DatedProductWeights(products, date);
        var weight = weights.Weight; // ŵ × m × g
        var overlaid = new double[departments]; // Σ ŵ m g
        for (var p = 0; p < products.Count; p++)
        {
            if (weights.Launched[p])
            {
                overlaid[products.Department[p]] += weight[p];
            }
        }

        var departmentShare = new double[departments];
        var total = 0.0;
        for (var d = 0; d < departments; d++)
        {
            departmentShare[d] = DepartmentShares.PlanningShare(d) * weights.DepartmentMass[d] * DepartmentShares.Overlay(d, date);
            total += departmentShare[d];
        }

        var lineFactor = SeasonalWindows.LineCountFactor(date);
        var shares = new double[products.Count];
        for (var p = 0; p < products.Count; p++)
        {
            var d = products.Department[p];
            if (weight[p] <= 0 || overlaid[d] <= 0 || total <= 0)
            {
                continue;
            }

            var quantity = QuantityBands.Mean(products.SaleCents[p]) + (weights.ExtraUnits[p] ? 1 : 0);
            shares[p] = lineFactor * (departmentShare[d] / total) * (weight[p] / overlaid[d]) * quantity;
        }

        return shares;
    }
}
