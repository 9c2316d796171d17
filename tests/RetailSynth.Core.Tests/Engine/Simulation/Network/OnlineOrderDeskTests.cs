using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation.Network;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Foundation.Randomness;
using Xunit.Abstractions;

namespace RetailSynth.Core.Tests.Engine.Simulation.Network;

/// <summary>The online order volume of a UTC day (data-model §15).</summary>
public class OnlineOrderDeskTests(ITestOutputHelper output)
{
    private const int Seeds = 40;

    private static readonly Lazy<SimulationWorld> s_world = new(() =>
    {
        var options = SimulationFixture.Options();
        return new SimulationWorld(options, DimensionGenerator.Generate(options, SimulationFixture.Dictionaries), SimulationFixture.Dictionaries);
    });

    [Fact]
    public void Christmas_Day_gets_at_most_the_baseline_volume_while_Christmas_Eve_and_Black_Friday_peak()
    {
        var world = s_world.Value;
        var baseline = world.Options.OnlineOrdersPerDay;
        Assert.Equal(600, baseline);

        var christmas = MeanOrders(world, new DateOnly(2024, 12, 25));
        var christmasEve = MeanOrders(world, new DateOnly(2024, 12, 24));
        var blackFriday = MeanOrders(world, new DateOnly(2024, 11, 29));
        var ordinaryTuesday = MeanOrders(world, new DateOnly(2024, 3, 12));
        output.WriteLine($"mean orders: Dec 25 {christmas:F1}, Dec 24 {christmasEve:F1}, Black Friday {blackFriday:F1}, a March Tuesday {ordinaryTuesday:F1}");

        // N ~ Poisson(600 × g): the mean of 40 days has σ = √(600 g / 40) ≈ 3.9 at g = 1.
        var sigma = Math.Sqrt(baseline / (double)Seeds);
        // Dec 25, a Wednesday: season × dow × holiday = 1.04 × 0.9 × 2.0 = 1.87, capped at 1.0 (no peak on Christmas Day).
        Assert.InRange(christmas, baseline - (4 * sigma), baseline + (4 * sigma));
        // Dec 24, a Tuesday inside the Christmas window: 1.04 × 0.8 × 1.875 = 1.56.
        Assert.InRange(christmasEve, baseline * 1.56 * 0.95, baseline * 1.56 * 1.05);
        // Black Friday: 3.64, clamped to 2.5.
        Assert.InRange(blackFriday, baseline * 2.5 * 0.96, baseline * 2.5 * 1.04);
        Assert.InRange(ordinaryTuesday, baseline * 0.8 * 0.95, baseline * 0.8 * 1.05);
    }

    /// <summary>The mean planned order count of a date over <see cref="Seeds"/> independent online streams (no conversions due).</summary>
    private static double MeanOrders(SimulationWorld world, DateOnly day)
    {
        var state = new SimulationState { StoreStock = [], DcStock = [], Customers = CustomerLifecycle.Create(world), Trucks = [] };
        state.Customers.ApplyTransitions(world, day);
        var shoppers = ShopperPools.Build(world, state.Customers, day);
        var catalogs = new BasketCatalog.Cache(world.Products);
        var total = 0L;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var desk = new OnlineOrderDesk(world, state, day, new RandomHierarchy(seed).Stream(RandomComponents.Online, day), catalogs);
            total += desk.Plan([], shoppers).Count;
        }

        return total / (double)Seeds;
    }
}
