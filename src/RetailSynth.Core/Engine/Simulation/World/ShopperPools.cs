using RetailSynth.Engine.Simulation.State;

namespace RetailSynth.Engine.Simulation.World;

/// <summary>
/// Who can shop on UTC day D, built in Phase A of hour 00 after the lifecycle transitions and only read afterwards:
/// every store's pool (§10.1: its ACTIVE primary customers with weight activity × h, its ACTIVE secondary customers
/// with activity × (1 − h)), the same pools weighted by mobility propensity for visitors from neighbouring stores, and
/// the network's ACTIVE customers with their activity (§14.2, §15). Cumulative weights in customer_id order; each
/// customer sits in at most two pools, so memory is O(customers).
/// </summary>
public sealed class ShopperPools
{
    private readonly int[][] _members;
    private readonly double[][] _cumulative;
    private readonly double[][] _visitorCumulative;
    private readonly double[] _activeCumulative;
    private readonly bool[] _isActive;

    private ShopperPools(int[][] members, double[][] cumulative, double[][] visitorCumulative, int[] active, double[] activeCumulative, bool[] isActive, int enrolled)
    {
        _members = members;
        _cumulative = cumulative;
        _visitorCumulative = visitorCumulative;
        Active = active;
        _activeCumulative = activeCumulative;
        _isActive = isActive;
        Enrolled = enrolled;
    }

    /// <summary>Indexes of the customers ACTIVE on the day, in customer_id order.</summary>
    public int[] Active { get; }

    /// <summary>Customers enrolled by the day (join_date ≤ D): indexes 0 … n − 1.</summary>
    public int Enrolled { get; }

    public bool IsActive(int index) => _isActive[index];

    public int PoolSize(int store) => _members[store].Length;

    public static ShopperPools Build(SimulationWorld world, CustomerLifecycle lifecycle, DateOnly day)
    {
        var customers = world.Customers;
        var storeCount = world.Stores.Length;
        var sizes = new int[storeCount];
        var activeCount = 0;
        for (var i = 0; i < customers.Count; i++)
        {
            if (!lifecycle.Active[i])
            {
                continue;
            }

            activeCount++;
            sizes[customers.PrimaryStore[i]]++;
            if (customers.SecondaryStore[i] >= 0)
            {
                sizes[customers.SecondaryStore[i]]++;
            }
        }

        var members = sizes.Select(n => new int[n]).ToArray();
        var cumulative = sizes.Select(n => new double[n]).ToArray();
        var visitor = sizes.Select(n => new double[n]).ToArray();
        var filled = new int[storeCount];
        var active = new int[activeCount];
        var activeCumulative = new double[activeCount];
        var activeSum = 0.0;
        var a = 0;
        for (var i = 0; i < customers.Count; i++)
        {
            if (!lifecycle.Active[i])
            {
                continue;
            }

            var activity = lifecycle.Activity[i];
            activeSum += activity;
            active[a] = i;
            activeCumulative[a++] = activeSum;

            var share = lifecycle.PrimaryShare[i];
            Add(customers.PrimaryStore[i], i, activity * share);
            if (customers.SecondaryStore[i] >= 0)
            {
                Add(customers.SecondaryStore[i], i, activity * (1 - share));
            }
        }

        return new ShopperPools(members, cumulative, visitor, active, activeCumulative, lifecycle.Active, customers.EnrolledBy(day));

        void Add(int store, int customer, double weight)
        {
            var k = filled[store]++;
            members[store][k] = customer;
            cumulative[store][k] = (k == 0 ? 0 : cumulative[store][k - 1]) + weight;
            visitor[store][k] = (k == 0 ? 0 : visitor[store][k - 1]) + (weight * customers.MobilityPropensity[customer]);
        }
    }

    /// <summary>A customer from the store's pool by pool weight (one uniform draw), or −1 if the pool is empty.</summary>
    public int DrawFromPool(int store, RandomStream stream) => Draw(_members[store], _cumulative[store], stream);

    /// <summary>A visitor from the store's pool by pool weight × mobility propensity (one uniform draw), or −1 if it is empty.</summary>
    public int DrawVisitor(int store, RandomStream stream) => Draw(_members[store], _visitorCumulative[store], stream);

    /// <summary>An ACTIVE customer by activity (§15 random orders; one uniform draw), or −1 if nobody is active.</summary>
    public int DrawActiveByActivity(RandomStream stream) => Draw(Active, _activeCumulative, stream);

    private static int Draw(int[] members, double[] cumulative, RandomStream stream)
    {
        if (members.Length == 0)
        {
            return -1;
        }

        var target = stream.NextDouble() * cumulative[^1];
        int low = 0, high = members.Length - 1;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (cumulative[mid] > target)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return members[low];
    }
}
