using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation.Network;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Foundation.Randomness;
using Xunit.Abstractions;

namespace RetailSynth.Core.Tests.Engine.Simulation.World;

/// <summary>The shopper pools of a day (data-model §10.1) and the ACTIVE audiences of marketing and online orders (§14.2, §15).</summary>
public class ShopperPoolsTests(ITestOutputHelper output)
{
    private static readonly DateOnly s_day = new(2024, 1, 1);

    private static readonly Lazy<(SimulationWorld World, CustomerLifecycle Lifecycle, ShopperPools Pools)> s_day1 = new(() =>
    {
        var options = SimulationFixture.Options(s_day);
        var world = new SimulationWorld(options, DimensionGenerator.Generate(options, SimulationFixture.Dictionaries), SimulationFixture.Dictionaries);
        var lifecycle = CustomerLifecycle.Create(world);
        lifecycle.ApplyTransitions(world, s_day);
        return (world, lifecycle, ShopperPools.Build(world, lifecycle, s_day));
    });

    [Fact]
    public void A_pool_holds_only_active_customers_of_the_store_each_customer_in_at_most_two_pools()
    {
        var (world, lifecycle, pools) = s_day1.Value;
        var customers = world.Customers;
        var expected = new int[world.Stores.Length];
        for (var i = 0; i < customers.Count; i++)
        {
            if (lifecycle.Active[i])
            {
                expected[customers.PrimaryStore[i]]++;
                if (customers.SecondaryStore[i] >= 0)
                {
                    expected[customers.SecondaryStore[i]]++;
                }
            }
        }

        Assert.Equal(expected, Enumerable.Range(0, world.Stores.Length).Select(pools.PoolSize));
        Assert.Equal(Enumerable.Range(0, customers.Count).Where(i => lifecycle.Active[i]), pools.Active);
        Assert.InRange(pools.Active.Length, customers.Count / 5, customers.Count * 4 / 5);

        var stream = new RandomHierarchy(1).Stream("test");
        for (var store = 0; store < world.Stores.Length; store++)
        {
            for (var k = 0; k < 200; k++)
            {
                var c = pools.DrawFromPool(store, stream);
                Assert.True(lifecycle.Active[c]);
                Assert.True(customers.PrimaryStore[c] == store || customers.SecondaryStore[c] == store);
            }
        }
    }

    [Fact]
    public void Pool_draws_follow_activity_times_the_Huff_share()
    {
        var (world, lifecycle, pools) = s_day1.Value;
        var customers = world.Customers;
        var store = Enumerable.Range(0, world.Stores.Length).MaxBy(pools.PoolSize);

        // The weight of the store's primary customers (activity × h) over the whole pool's (+ activity × (1 − h)).
        double primary = 0, total = 0;
        for (var i = 0; i < customers.Count; i++)
        {
            if (!lifecycle.Active[i])
            {
                continue;
            }

            if (customers.PrimaryStore[i] == store)
            {
                primary += lifecycle.Activity[i] * lifecycle.PrimaryShare[i];
                total += lifecycle.Activity[i] * lifecycle.PrimaryShare[i];
            }
            else if (customers.SecondaryStore[i] == store)
            {
                total += lifecycle.Activity[i] * (1 - lifecycle.PrimaryShare[i]);
            }
        }

        const int Draws = 100_000;
        var stream = new RandomHierarchy(2).Stream("test");
        var hits = 0;
        for (var k = 0; k < Draws; k++)
        {
            hits += customers.PrimaryStore[pools.DrawFromPool(store, stream)] == store ? 1 : 0;
        }

        var expected = primary / total;
        var observed = hits / (double)Draws;
        var countShare = Enumerable.Range(0, customers.Count).Count(i => lifecycle.Active[i] && customers.PrimaryStore[i] == store) / (double)pools.PoolSize(store);
        output.WriteLine($"store {store + 1}: primary customers drawn {observed:F4}, weight share {expected:F4}, head-count share {countShare:F4}");

        // σ ≤ √(0.25 / 100,000) ≈ 0.0016: 4 σ. A uniform draw would give the head-count share instead.
        Assert.InRange(observed, expected - 0.0064, expected + 0.0064);
        Assert.True(Math.Abs(expected - countShare) > 0.02, "weights and head counts must differ for the test to discriminate");
    }

    [Fact]
    public void Impressions_target_active_customers_with_p_0_8_and_else_any_enrolled_customer()
    {
        var (world, lifecycle, pools) = s_day1.Value;
        var stream = new RandomHierarchy(3).Stream("test");
        const int Draws = 100_000;
        var active = 0;
        for (var k = 0; k < Draws; k++)
        {
            var (index, isActive) = MarketingPlanner.DrawTarget(pools, world.Customers.Count, stream);
            Assert.Equal(lifecycle.Active[index], isActive);
            Assert.True(world.Customers.JoinDate[index] <= s_day);
            active += isActive ? 1 : 0;
        }

        // 0.8 + 0.2 × (ACTIVE share of the enrolled): ≈ 0.89 with half of them active (§14.3).
        var expected = 0.8 + (0.2 * pools.Active.Length / pools.Enrolled);
        var observed = active / (double)Draws;
        output.WriteLine($"{observed:F4} of impressions reach an ACTIVE customer; rule {expected:F4}");
        Assert.InRange(observed, expected - 0.006, expected + 0.006);
    }

    [Fact]
    public void Random_online_orders_go_to_active_customers_by_activity()
    {
        var (world, lifecycle, pools) = s_day1.Value;
        var stream = new RandomHierarchy(4).Stream("test");
        const int Draws = 100_000;
        double weightedActivity = 0;
        for (var k = 0; k < Draws; k++)
        {
            var c = pools.DrawActiveByActivity(stream);
            Assert.True(lifecycle.Active[c]);
            weightedActivity += lifecycle.Activity[c];
        }

        // Drawn with weight a, the mean activity of the buyers is E[a²] / E[a] over the ACTIVE customers, well above E[a].
        var activities = pools.Active.Select(i => lifecycle.Activity[i]).ToArray();
        var expected = activities.Sum(a => a * a) / activities.Sum();
        var observed = weightedActivity / Draws;
        output.WriteLine($"mean activity of online buyers {observed:F3}; rule {expected:F3}; of the ACTIVE {activities.Average():F3}");
        Assert.InRange(observed, expected * 0.97, expected * 1.03);
        Assert.True(expected > activities.Average() * 1.3);
    }
}
