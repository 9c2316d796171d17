using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation;
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

    [Fact]
    public void Ship_from_DC_falls_back_from_the_customers_DC_to_the_DCs_fewest_road_miles_from_it()
    {
        // Road miles that rank the other DCs against straight-line distance from the customer's home, so the rule shows.
        var options = SimulationFixture.Options();
        var dimensions = DimensionGenerator.Generate(options, SimulationFixture.Dictionaries);
        var plain = s_world.Value;
        Assert.True(plain.Dcs.Length >= 3, "the fixture needs three DCs");
        var customer = plain.Customers.Rows[0];
        var home = (int)plain.Stores[customer.PrimaryStoreId - 1].Store.NearestDcId - 1;
        var byDistanceFromCustomer = plain.GeographyDcOrder[customer.GeographyId - 1].Where(d => d != home).ToArray();
        var miles = new double[plain.Dcs.Length];
        for (var rank = 0; rank < byDistanceFromCustomer.Length; rank++)
        {
            miles[byDistanceFromCustomer[rank]] = 1_000 - (100 * rank); // the farthest from the customer is the fewest road miles away
        }

        var dcs = dimensions.DistributionCenters.Select((dc, i) => i == home ? dc with { RoadMilesToDcs = miles } : dc).ToList();
        var world = new SimulationWorld(options, dimensions with { DistributionCenters = dcs }, SimulationFixture.Dictionaries);
        int[] others = [.. byDistanceFromCustomer.Reverse()];
        var state = new DaySimulator(world, 1).CreateInitialState();
        const int Product = 0, Other = 1;
        foreach (var dc in state.DcStock)
        {
            dc.OnHand[Product] = 100;
            dc.OnHand[Other] = 100;
            dc.Reserved[Product] = dc.Reserved[Other] = 0;
        }

        var desk = new OnlineOrderDesk(world, state, new DateOnly(2024, 3, 12), new RandomHierarchy(1).Stream(RandomComponents.Online), new BasketCatalog.Cache(world.Products));
        Assert.Equal(home, desk.ChooseNode(customer, "SHIP_FROM_DC", [(Product, 2)]).Node);

        state.DcStock[home].OnHand[Product] = 1;
        Assert.Equal(("SHIP_FROM_DC", "DC", others[0]), Head(desk.ChooseNode(customer, "SHIP_FROM_DC", [(Product, 2)])));

        state.DcStock[others[0]].OnHand[Product] = 0;
        Assert.Equal(("SHIP_FROM_DC", "DC", others[1]), Head(desk.ChooseNode(customer, "SHIP_FROM_DC", [(Product, 2)])));

        // No DC covers every line: the customer's DC ships the lines it covers; the rest are lost sales.
        foreach (var dc in state.DcStock)
        {
            dc.OnHand[Product] = 0;
        }

        var partial = desk.ChooseNode(customer, "SHIP_FROM_DC", [(Product, 2), (Other, 1)]);
        Assert.Equal(("DC", home), (partial.NodeType, partial.Node));
        Assert.Equal([(Other, 1)], partial.Lines);
    }

    [Fact]
    public void A_store_mode_needs_two_units_to_spare_at_the_primary_then_the_secondary_store()
    {
        var world = s_world.Value;
        var customer = world.Customers.Rows.First(c => c.SecondaryStoreId is not null);
        var primary = (int)customer.PrimaryStoreId - 1;
        var secondary = (int)customer.SecondaryStoreId!.Value - 1;
        var state = new DaySimulator(world, 1).CreateInitialState();
        const int Product = 0;
        state.StoreStock[primary].OnHand[Product] = 4;
        state.StoreStock[primary].Reserved[Product] = 0;
        state.StoreStock[secondary].OnHand[Product] = 5;
        state.StoreStock[secondary].Reserved[Product] = 0;
        var desk = new OnlineOrderDesk(world, state, new DateOnly(2024, 3, 12), new RandomHierarchy(1).Stream(RandomComponents.Online), new BasketCatalog.Cache(world.Products));

        Assert.Equal(("BOPIS", "STORE", primary), Head(desk.ChooseNode(customer, "BOPIS", [(Product, 2)])));
        Assert.Equal(("BOPIS", "STORE", secondary), Head(desk.ChooseNode(customer, "BOPIS", [(Product, 3)])));
        var fromDc = desk.ChooseNode(customer, "SHIP_FROM_STORE", [(Product, 4)]);
        Assert.Equal(("SHIP_FROM_DC", "DC"), (fromDc.Mode, fromDc.NodeType));
    }

    private static (string Mode, string NodeType, int Node) Head((string Mode, string NodeType, int Node, List<(int Product, int Quantity)> Lines) choice) =>
        (choice.Mode, choice.NodeType, choice.Node);

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
