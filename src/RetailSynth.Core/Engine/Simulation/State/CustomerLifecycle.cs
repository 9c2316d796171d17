using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.State;

/// <summary>
/// sim_customers (data-model §10.7, §17): per customer 1…N (index customer_id − 1) its activity, Huff primary share,
/// status and the date of its next transition. Activity and share never change after state creation; status and
/// next transition change in Phase A of hour 00. Customers alternate ACTIVE and DORMANT spells from their join date.
/// </summary>
public sealed class CustomerLifecycle
{
    public const string ActiveStatus = "ACTIVE";
    public const string DormantStatus = "DORMANT";

    private const double ActivityMu = -0.72;
    private const double ActivitySigma = 1.2;
    private const double ActivityCap = 3.0;
    private const double MeanActiveDays = 730;
    private const double MeanDormantDays = 1095;

    public CustomerLifecycle(double[] activity, double[] primaryShare, bool[] active, DateOnly[] nextTransition)
    {
        Activity = activity;
        PrimaryShare = primaryShare;
        Active = active;
        NextTransition = nextTransition;
    }

    public double[] Activity { get; }
    public double[] PrimaryShare { get; }
    public bool[] Active { get; }
    public DateOnly[] NextTransition { get; }
    public int Count => Active.Length;

    /// <summary>The status and next transition last written to sim_customers, shared by snapshots like the inventory baseline.</summary>
    private PersistedCustomers _persisted = new();

    /// <summary>Whether sim_customers holds a full save, so the next save writes only changed rows.</summary>
    public bool Saved => _persisted.Active is not null;

    /// <summary>
    /// State creation (§10.7): activity from <c>state.customers</c> in customer_id order; the Huff share from the
    /// stored stores; a customer who joined before StartDate replays its spells from join_date, one who joins later is
    /// DORMANT until its join date (joining is the transition into its first ACTIVE spell).
    /// </summary>
    public static CustomerLifecycle Create(SimulationWorld world)
    {
        var customers = world.Customers;
        var stream = world.Random.Stream(RandomComponents.StateCustomers);
        var activity = new double[customers.Count];
        var share = new double[customers.Count];
        var active = new bool[customers.Count];
        var next = new DateOnly[customers.Count];
        var start = world.Options.StartDate;
        for (var i = 0; i < customers.Count; i++)
        {
            activity[i] = Math.Min(ActivityCap, stream.LogNormal(ActivityMu, ActivitySigma));
            share[i] = HuffPrimaryShare(world, i);

            var joined = customers.JoinDate[i];
            if (joined >= start)
            {
                next[i] = joined;
                continue;
            }

            // Replay: the spell starting on t is ACTIVE first; transitions before StartDate are history.
            var t = joined;
            var isActive = true;
            var end = t.AddDays(SpellDays(world, t, i, isActive));
            while (end < start)
            {
                t = end;
                isActive = !isActive;
                end = t.AddDays(SpellDays(world, t, i, isActive));
            }

            active[i] = isActive;
            next[i] = end;
        }

        return new CustomerLifecycle(activity, share, active, next);
    }

    /// <summary>
    /// Daily transitions (§10.7), Phase A of hour 00 of <paramref name="day"/>: every customer whose next transition is
    /// today switches status and draws the new spell's length from <c>rng(customers, day, customer_id)</c>.
    /// </summary>
    public void ApplyTransitions(SimulationWorld world, DateOnly day)
    {
        for (var i = 0; i < Count; i++)
        {
            if (NextTransition[i] != day)
            {
                continue;
            }

            Active[i] = !Active[i];
            NextTransition[i] = day.AddDays(SpellDays(world, day, i, Active[i]));
        }
    }

    /// <summary>Spell length starting on <paramref name="start"/>: ACTIVE 1 + floor(Exp(730)), DORMANT 1 + floor(Exp(1095)) days.</summary>
    internal static int SpellDays(SimulationWorld world, DateOnly start, int index, bool active)
    {
        var stream = world.Random.Stream(RandomComponents.CustomerSpells, start, world.Region.IdAt(index).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var days = stream.Exponential(active ? MeanActiveDays : MeanDormantDays);
        return 1 + (int)Math.Min(Math.Floor(days), 365_000);
    }

    /// <summary>h = U₁ / (U₁ + U₂), U = A_s / max(1, d_s)² from home (§6.5); 1 without a secondary store.</summary>
    private static double HuffPrimaryShare(SimulationWorld world, int index)
    {
        var secondary = world.Customers.SecondaryStore[index];
        if (secondary < 0)
        {
            return 1.0;
        }

        var home = world.Customers.Rows[index];
        double Utility(int store)
        {
            var s = world.Stores[store].Store;
            var miles = Math.Max(1, Haversine.Miles(home.Latitude, home.Longitude, s.Latitude, s.Longitude));
            return s.DailyTrafficMultiplier / (miles * miles);
        }

        var u1 = Utility(world.Customers.PrimaryStore[index]);
        var u2 = Utility(secondary);
        return u1 / (u1 + u2);
    }

    /// <summary>A copy to commit while the next day runs: the mutable arrays are copied, the fixed ones shared.</summary>
    public CustomerLifecycle Snapshot() =>
        new(Activity, PrimaryShare, (bool[])Active.Clone(), (DateOnly[])NextTransition.Clone()) { _persisted = _persisted };

    public bool DiffersFromPersisted(int index) =>
        _persisted.Active is not { } active || Active[index] != active[index] || NextTransition[index] != _persisted.NextTransition![index];

    /// <summary>After the day's commit (or a load): the saved rows become the baseline of the next incremental save.</summary>
    public void MarkPersisted()
    {
        _persisted.Active = (bool[])Active.Clone();
        _persisted.NextTransition = (DateOnly[])NextTransition.Clone();
    }

    private sealed class PersistedCustomers
    {
        public bool[]? Active { get; set; }
        public DateOnly[]? NextTransition { get; set; }
    }
}
