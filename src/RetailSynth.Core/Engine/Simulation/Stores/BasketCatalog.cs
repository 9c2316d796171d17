using System.Collections.Concurrent;
using RetailSynth.Engine.Calendar;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// What can be put in a basket on one local date (data-model §10.2): per trip type the cumulative department weights
/// share × M_d(t) × o_d(t), and per department and shopper segment the launched products (product_id order) with
/// cumulative weights ŵ × price tilt × m_p(t) × tag overlay, so each pick is one binary search. Built once per date
/// and shared by every store and thread (a pure function of the date).
/// </summary>
internal sealed class BasketCatalog
{
    private const int Trips = 4;

    private readonly int[][] _candidates; // [department] → launched product indexes
    private readonly double[][][] _cumulative; // [department][segment] → running weight sums
    private readonly double[][] _departmentCumulative; // [trip] → running department weights
    private readonly bool[] _extraUnits;

    private BasketCatalog(ProductTable products, DateOnly date)
    {
        var departments = DepartmentShares.Count;
        var segments = products.PriceTilt.Length;
        var weights = new DatedProductWeights(products, date);
        _extraUnits = weights.ExtraUnits;
        var seasonal = weights.Weight; // ŵ × m × g
        var launched = new List<int>[departments];
        for (var d = 0; d < departments; d++)
        {
            launched[d] = [];
        }

        for (var p = 0; p < products.Count; p++)
        {
            if (weights.Launched[p])
            {
                launched[products.Department[p]].Add(p);
            }
        }

        _candidates = new int[departments][];
        _cumulative = new double[departments][][];
        for (var d = 0; d < departments; d++)
        {
            _candidates[d] = [.. launched[d]];
            _cumulative[d] = new double[segments][];
            for (var s = 0; s < segments; s++)
            {
                var running = 0.0;
                var tilt = products.PriceTilt[s];
                _cumulative[d][s] = _candidates[d].Select(p => running += seasonal[p] * tilt[p]).ToArray();
            }
        }

        _departmentCumulative = new double[Trips][];
        for (var trip = 0; trip < Trips; trip++)
        {
            var running = 0.0;
            _departmentCumulative[trip] = new double[departments];
            for (var d = 0; d < departments; d++)
            {
                running += DepartmentShares.Share(trip, d) * weights.DepartmentMass[d] * DepartmentShares.Overlay(d, date);
                _departmentCumulative[trip][d] = running;
            }
        }
    }

    /// <summary>True when the product's tag overlay applies on this date: its lines get U(0,2) extra units.</summary>
    public bool GetsExtraUnits(int product) => _extraUnits[product];

    /// <summary>A department drawn with weight share(d, trip) × M_d(t) × o_d(t).</summary>
    public int PickDepartment(RandomStream stream, int trip) => Draw(_departmentCumulative[trip], stream.NextDouble());

    /// <summary>A weighted pick among the department's launched products for the segment's price tilt, or −1 if there are none.</summary>
    public int Pick(RandomStream stream, int department, int segment)
    {
        var candidates = _candidates[department];
        if (candidates.Length == 0)
        {
            return -1;
        }

        return candidates[Draw(_cumulative[department][segment], stream.NextDouble())];
    }

    private static int Draw(double[] cumulative, double u)
    {
        var target = u * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }

    /// <summary>Catalogs by date, built on first use; thread-safe and deterministic.</summary>
    public sealed class Cache(ProductTable products)
    {
        private readonly ConcurrentDictionary<DateOnly, Lazy<BasketCatalog>> _byDate = new();

        public BasketCatalog For(DateOnly date) =>
            _byDate.GetOrAdd(date, d => new Lazy<BasketCatalog>(() => new BasketCatalog(products, d))).Value;
    }
}
