using RetailSynth.Engine.Calendar;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// The product weights of data-model §10.2 on one local date: per launched product ŵ × m_p(t) × g_p(t) and whether its
/// lines get extra units, and per department the seasonal mass M_d(t). <see cref="BasketCatalog"/> draws baskets from
/// them and <see cref="Planning.ExpectedDemand"/> plans replenishment from them, so both see the same figures.
/// </summary>
internal sealed class DatedProductWeights
{
    public DatedProductWeights(ProductTable products, DateOnly date)
    {
        var departments = DepartmentShares.Count;
        Launched = new bool[products.Count];
        Weight = new double[products.Count];
        ExtraUnits = new bool[products.Count];
        var plain = new double[departments]; // Σ ŵ over launched products
        var seasonal = new double[departments]; // Σ ŵ m
        for (var p = 0; p < products.Count; p++)
        {
            if (!products.IsLaunched(p, date))
            {
                continue;
            }

            var d = products.Department[p];
            var m = SeasonProfileMultipliers.For(products.SeasonProfile[p], date);
            var (g, extra) = TagOverlay.For(products.Tags[p], products.Group[p], date);
            Launched[p] = true;
            Weight[p] = products.DemandWeight[p] * m * g;
            ExtraUnits[p] = extra;
            plain[d] += products.DemandWeight[p];
            seasonal[d] += products.DemandWeight[p] * m;
        }

        // M_d(t): the seasonal mass of the launched products (1 without seasonal products); 0 with none launched.
        DepartmentMass = new double[departments];
        for (var d = 0; d < departments; d++)
        {
            DepartmentMass[d] = plain[d] > 0 ? seasonal[d] / plain[d] : 0.0;
        }
    }

    /// <summary>Launched by the date (launch_date ≤ t).</summary>
    public bool[] Launched { get; }

    /// <summary>ŵ × m × g of a launched product; 0 before launch.</summary>
    public double[] Weight { get; }

    /// <summary>True when the product's tag overlay applies on this date: its lines get U(0,2) extra units.</summary>
    public bool[] ExtraUnits { get; }

    /// <summary>M_d(t) by department index.</summary>
    public double[] DepartmentMass { get; }
}
