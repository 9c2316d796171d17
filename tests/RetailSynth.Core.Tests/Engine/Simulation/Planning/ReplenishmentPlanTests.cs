using RetailSynth.Core.Tests.Engine.Simulation;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation.Network;
using RetailSynth.Engine.Simulation.Planning;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Foundation.Randomness;

namespace RetailSynth.Core.Tests.Engine.Simulation.Planning;

/// <summary>Reorder rules of data-model §12.4 from a known demand, the ordering error and supplier short shipments.</summary>
public sealed class ReplenishmentPlanTests
{
    private static readonly Lazy<SimulationWorld> s_world = new(() =>
    {
        var options = SimulationFixture.Options();
        return new SimulationWorld(options, DimensionGenerator.Generate(options, SimulationFixture.Dictionaries), SimulationFixture.Dictionaries);
    });

    /// <summary>Ten units a day of product 0 (1,000 lines × F̂ 1 × 0.01 units per line) over 19 days.</summary>
    private static DemandHorizon TenUnitsADay() =>
        new([.. Enumerable.Repeat(1.0, 20)], [[], .. Enumerable.Range(1, 19).Select(_ => new[] { 0.01 })]);

    [Fact]
    public void A_store_reorders_at_two_days_of_demand_rounded_down_and_fills_up_a_week_more()
    {
        Assert.Equal((20, 90), ReplenishmentPlan.StoreLevels(TenUnitsADay(), 1_000, 1.0, 6, 0));
        Assert.Equal((10, 45), ReplenishmentPlan.StoreLevels(TenUnitsADay(), 1_000, 0.5, 6, 0));
        Assert.Equal((0, 24), ReplenishmentPlan.StoreLevels(TenUnitsADay(), 40, 1.0, 24, 0)); // 0.4 a day: one case
    }

    [Fact]
    public void A_dc_keeps_twelve_days_with_half_again_as_safety_and_a_week_more()
    {
        Assert.Equal((180, 250), ReplenishmentPlan.DcLevels(TenUnitsADay(), 1_000, 1.0, 6, 0));
        Assert.Equal((180, 420), ReplenishmentPlan.DcLevels(TenUnitsADay(), 1_000, 1.0, 24, 0)); // at least ten cases
    }

    [Fact]
    public void An_order_is_whole_cases_up_to_the_order_up_to_level()
    {
        Assert.Equal(72, ReplenishmentPlan.OrderQuantity(90, 20, 6));
        Assert.Equal(24, ReplenishmentPlan.OrderQuantity(24, 0, 24));
        Assert.Equal(12, ReplenishmentPlan.OrderQuantity(30, 19, 12));
    }

    [Fact]
    public void Ordering_error_skips_about_four_lines_in_ten_except_before_a_peak()
    {
        var stream = new RandomHierarchy(5).Stream("test.replenishment", null, "overlook");
        var overlooked = Enumerable.Range(0, 20_000).Count(_ => ReplenishmentPlan.Overlooked(stream, peakReadiness: false)) / 20_000.0;
        Assert.InRange(overlooked, 0.38, 0.42);

        var before = new RandomHierarchy(5).Stream("test.replenishment", null, "peak");
        var after = new RandomHierarchy(5).Stream("test.replenishment", null, "peak");
        Assert.DoesNotContain(Enumerable.Range(0, 1_000), _ => ReplenishmentPlan.Overlooked(before, peakReadiness: true));
        Assert.Equal(after.NextDouble(), before.NextDouble()); // nothing drawn in peak readiness
    }

    [Fact]
    public void Peak_readiness_covers_the_days_before_Black_Friday_and_Christmas_week_only()
    {
        var demand = s_world.Value.Replenishment.Demand;
        bool Peak(DateOnly review) => demand.Horizon(review, ReplenishmentPlan.StoreHorizonDays).PeakWithin(ReplenishmentPlan.StoreHorizonDays, ReplenishmentPlan.PeakDayFactor);

        Assert.True(Peak(new DateOnly(2024, 11, 22)));
        Assert.True(Peak(new DateOnly(2024, 12, 14)));
        Assert.False(Peak(new DateOnly(2024, 3, 5)));
        Assert.False(Peak(new DateOnly(2024, 7, 10)));
    }

    [Fact]
    public void About_one_supplier_line_in_twenty_arrives_short_by_a_tenth_to_a_half()
    {
        var stream = new RandomHierarchy(9).Stream("test.replenishment", null, "arrivals");
        var delivered = Enumerable.Range(0, 20_000).Select(_ => NetworkDaySimulator.DeliveredQuantity(stream, 100)).ToList();
        var shorts = delivered.Where(q => q < 100).ToList();

        Assert.InRange(shorts.Count / 20_000.0, 0.04, 0.06);
        Assert.All(shorts, q => Assert.InRange(q, 50, 90));
        Assert.All(Enumerable.Range(0, 2_000), _ => Assert.Equal(1, NetworkDaySimulator.DeliveredQuantity(stream, 1))); // never below one unit
    }

    [Fact]
    public void Expected_units_follow_product_seasons_and_the_line_count_window()
    {
        var world = s_world.Value;
        var demand = world.Replenishment.Demand;
        var winterHoliday = Enumerable.Range(0, world.Products.Count)
            .Where(p => world.Products.Rows[p].SeasonProfile == "WINTER_HOLIDAY" && world.Products.IsLaunched(p, new DateOnly(2024, 6, 12))).ToList();
        Assert.NotEmpty(winterHoliday);
        double Units(DateOnly date, IEnumerable<int> products) => products.Sum(p => demand.UnitShares(date)[p]);

        Assert.True(Units(new DateOnly(2024, 12, 10), winterHoliday) > 20 * Units(new DateOnly(2024, 6, 12), winterHoliday));

        var all = Enumerable.Range(0, world.Products.Count).ToList();
        var ordinary = Units(new DateOnly(2024, 11, 13), all);
        var beforeThanksgiving = Units(new DateOnly(2024, 11, 20), all);
        Assert.InRange(ordinary, 1.2, 1.6); // q̄ over the mix of lines
        Assert.InRange(beforeThanksgiving / ordinary, 1.2, 1.35); // ℓ = 1.2 plus the tagged products' extra units
    }
}
