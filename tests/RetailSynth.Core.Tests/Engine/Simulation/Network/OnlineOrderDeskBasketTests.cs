using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation;
using RetailSynth.Engine.Simulation.Network;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Foundation.Randomness;
using Xunit.Abstractions;

namespace RetailSynth.Core.Tests.Engine.Simulation.Network;

/// <summary>The online basket (data-model §15): the §10.2 engine with the online trip mix and no store-format factor.</summary>
public sealed class OnlineOrderDeskBasketTests(ITestOutputHelper output)
{
    private const int Baskets = 20_000;

    // The `small` catalog size, so the basket value compares with the §15 figure.
    private static readonly Lazy<SimulationWorld> s_world = new(() =>
    {
        var options = SimulationFixture.Options();
        options.Products = 2_000;
        return new SimulationWorld(options, DimensionGenerator.Generate(options, SimulationFixture.Dictionaries), SimulationFixture.Dictionaries);
    });

    [Fact]
    public void Online_baskets_follow_the_online_trip_mix_with_about_7_9_lines_and_57_dollars_and_no_format_factor()
    {
        var world = s_world.Value;
        var baskets = Draw(world, new DateTime(2024, 3, 12, 18, 0, 0, DateTimeKind.Utc));
        var counts = baskets.Select(b => b.Count).ToList();
        var mean = counts.Average();
        var value = baskets.Average(b => b.Sum(l => world.Products.SaleCents[l.Product] * l.Quantity)) / 100.0;
        output.WriteLine($"mean lines {mean:F2}, ≤ 3 lines {Share(counts, c => c <= 3):P1}, > 15 lines {Share(counts, c => c > 15):P1}, mean ${value:F2}");

        // 0.45 × 2 + 0.40 × 10 + 0.15 × 20 = 7.9 lines; σ ≈ 7 lines, so 20,000 baskets give the mean to ± 0.05.
        Assert.InRange(mean, 7.65, 8.1);
        // 1–3 lines only on a QUICK_TRIP (GROCERY_RUN starts at 5); above 15 only on a FAMILY_SHOP (0.15 × 15/21).
        Assert.InRange(Share(counts, c => c <= 3), 0.43, 0.47);
        Assert.InRange(Share(counts, c => c > 15), 0.095, 0.12);
        // No BULK_SHOP and no format factor: never above FAMILY_SHOP's 30 lines (HYPERMARKET would reach 39), and 4 lines
        // only when a 5-line basket drops a line (NEIGHBORHOOD's 0.8 would turn 5 into 4 in ≈ 3.6 % of baskets).
        Assert.Equal(30, counts.Max());
        Assert.True(Share(counts, c => c == 4) < 0.005, $"4-line baskets: {Share(counts, c => c == 4):P2}");
        Assert.InRange(value, 48, 66);
        Assert.All(baskets, b => Assert.Equal(b.Count, b.Select(l => l.Product).Distinct().Count()));
    }

    [Fact]
    public void The_line_count_season_factor_follows_the_customers_home_local_date_not_the_UTC_date()
    {
        // Thanksgiving 2024 is Nov 28: its −10 day window (× 1.2 lines) opens on Nov 18. At 03:00 UTC on Nov 18 every US
        // home is still on Nov 17; at 18:00 UTC every home is on Nov 18.
        var world = s_world.Value;
        var beforeWindow = Draw(world, new DateTime(2024, 11, 18, 3, 0, 0, DateTimeKind.Utc)).Average(b => b.Count);
        var inWindow = Draw(world, new DateTime(2024, 11, 18, 18, 0, 0, DateTimeKind.Utc)).Average(b => b.Count);
        output.WriteLine($"mean lines: Nov 18 03:00 UTC {beforeWindow:F2}, 18:00 UTC {inWindow:F2}");

        Assert.InRange(beforeWindow, 7.65, 8.1);
        Assert.InRange(inWindow, 7.9 * 1.2 * 0.97, 7.9 * 1.2 * 1.03);
    }

    private static double Share(List<int> counts, Func<int, bool> predicate) => counts.Count(predicate) / (double)counts.Count;

    /// <summary>Baskets of the world's customers in turn, each with its own segment, created at <paramref name="created"/>.</summary>
    private static List<List<(int Product, int Quantity)>> Draw(SimulationWorld world, DateTime created)
    {
        var day = DateOnly.FromDateTime(created);
        var state = new DaySimulator(world, 1).CreateInitialState();
        var desk = new OnlineOrderDesk(world, state, day, new RandomHierarchy(7).Stream(RandomComponents.Online, day), new BasketCatalog.Cache(world.Products));
        var customers = world.Customers.Rows;
        return
        [
            .. Enumerable.Range(0, Baskets).Select(i =>
            {
                var customer = i % customers.Count;
                return desk.DrawBasket(customers[customer].CustomerId, world.Customers.Segment[customer], created);
            }),
        ];
    }
}
