using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation.Network;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.World;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Randomness;
using Xunit.Abstractions;

namespace RetailSynth.Core.Tests.Engine.Simulation.Network;

/// <summary>The campaign plan, impression costs and journey conversions of data-model §14 (realism R7).</summary>
public class MarketingPlannerTests(ITestOutputHelper output)
{
    private const int Days = 180;
    private static readonly DateOnly s_start = new(2024, 1, 1);

    // §14.2 CPM ranges and §14.3 conversion probabilities, restated so the checks do not read them back from the code.
    private static readonly Dictionary<string, (double Min, double Max)> s_cpm = new()
    {
        ["EMAIL"] = (1, 3),
        ["DISPLAY"] = (2, 8),
        ["SOCIAL"] = (4, 10),
        ["SEARCH"] = (20, 45),
        ["FACEBOOK"] = (5, 12),
        ["GOOGLE"] = (15, 40),
        ["INSTAGRAM"] = (4, 12),
        ["YOUTUBE"] = (8, 20),
    };

    private static readonly Dictionary<string, double> s_conversion = new()
    {
        ["EMAIL"] = 0.0040,
        ["SEARCH"] = 0.0035,
        ["GOOGLE"] = 0.0025,
        ["YOUTUBE"] = 0.0010,
        ["DISPLAY"] = 0.0010,
        ["FACEBOOK"] = 0.0009,
        ["SOCIAL"] = 0.0008,
        ["INSTAGRAM"] = 0.0008,
    };

    // MOBILE 0.6 × 1.0 + DESKTOP 0.3 × 1.5 + TABLET 0.1 × 1.2: the mean device multiplier of the cost.
    private const double MeanDeviceMultiplier = 1.17;

    private static readonly Lazy<SimulationWorld> s_world = new(() => World(SimulationFixture.Options()));

    private static readonly Lazy<(List<MarketingFact> Impressions, List<PendingConversion> Conversions)> s_halfYear = new(() =>
    {
        var world = s_world.Value;
        var state = EmptyState(world);
        var impressions = new List<MarketingFact>();
        var conversions = new List<PendingConversion>();
        for (var day = s_start; day < s_start.AddDays(Days); day = day.AddDays(1))
        {
            var plan = Plan(world, state, day);
            impressions.AddRange(plan.Impressions);
            conversions.AddRange(plan.Conversions);
        }

        return (impressions, conversions);
    });

    [Theory]
    [InlineData("EMAIL")]
    [InlineData("DISPLAY")]
    [InlineData("SEARCH")]
    [InlineData("YOUTUBE")]
    public void Unbiased_rounding_makes_the_mean_cost_the_cpm_midpoint_even_below_a_cent(string channel)
    {
        var (min, max) = s_cpm[channel];
        var range = new CostRange { Min = (decimal)min, Max = (decimal)max };
        var stream = new RandomHierarchy(7).Stream("test.cost", s_start);
        const int Draws = 200_000;
        var cents = 0L;
        for (var i = 0; i < Draws; i++)
        {
            var cost = MarketingPlanner.DrawCostCents(range, 1.0, stream);
            // One impression costs a whole number of cents next to x = CPM / 10: floor(x) or floor(x) + 1.
            Assert.InRange(cost, (long)Math.Floor(min / 10), (long)Math.Floor(max / 10) + 1);
            cents += cost;
        }

        // CPM in USD = 1,000 × spend / n = 10 × mean cents. EMAIL's 0.1–0.3 ¢ would all round to 0 to the nearest cent.
        var cpm = 10.0 * cents / Draws;
        output.WriteLine($"{channel}: CPM {cpm:F3}, midpoint {(min + max) / 2:F3}");
        Assert.InRange(cpm, (min + max) / 2 * 0.99, (min + max) / 2 * 1.01);
    }

    [Fact]
    public void Every_channels_cpm_lies_in_its_range_and_is_its_midpoint_times_the_mean_device_multiplier()
    {
        var impressions = s_halfYear.Value.Impressions;
        foreach (var (channel, (min, max)) in s_cpm)
        {
            var rows = impressions.Where(i => i.Channel == channel).ToList();
            Assert.True(rows.Count > 5_000, $"{channel}: only {rows.Count} impressions");
            var cpm = 1000.0 * rows.Sum(r => r.CostCents) / 100 / rows.Count;
            output.WriteLine($"{channel}: {rows.Count} impressions, CPM {cpm:F3}");
            Assert.InRange(cpm, min, max * 1.5);
            Assert.InRange(cpm, (min + max) / 2 * MeanDeviceMultiplier * 0.97, (min + max) / 2 * MeanDeviceMultiplier * 1.03);
            Assert.InRange(cpm, 1, 50); // realism R7
        }
    }

    [Fact]
    public void Journey_conversion_per_impression_follows_each_channels_probability()
    {
        var (impressions, conversions) = s_halfYear.Value;
        var byImpression = conversions.ToDictionary(c => c.ImpressionIdExt, StringComparer.Ordinal);
        foreach (var (channel, p) in s_conversion)
        {
            var rows = impressions.Where(i => i.Channel == channel).ToList();
            var converted = rows.Count(r => byImpression.ContainsKey(r.ImpressionIdExt));
            var sigma = Math.Sqrt(rows.Count * p * (1 - p));
            output.WriteLine($"{channel}: {converted} of {rows.Count} ({100.0 * converted / rows.Count:F3} %), expected {rows.Count * p:F0} ± {sigma:F0}");

            // Every customer is ACTIVE until customer lifecycles exist, so every impression may convert with p (§14.3).
            Assert.InRange(converted, (rows.Count * p) - (4 * sigma), (rows.Count * p) + (4 * sigma));
            Assert.InRange(converted / (double)rows.Count, 0.0005, 0.05); // realism R7
        }

        // Conversions carry their impression's journey and are due 1–48 h later, 60 % to a store.
        var impressionTs = impressions.ToDictionary(i => i.ImpressionIdExt, i => i.EventTs, StringComparer.Ordinal);
        Assert.All(conversions, c => Assert.InRange((c.DueTs - impressionTs[c.ImpressionIdExt]).TotalHours, 1, 48));
        Assert.InRange(conversions.Count(c => c.Target == PendingConversion.Store) / (double)conversions.Count, 0.5, 0.7);
    }

    [Fact]
    public void The_campaign_plan_depends_only_on_the_settings_and_the_dates_not_on_the_impressions_drawn()
    {
        var world = s_world.Value;
        var moreImpressions = SimulationFixture.Options();
        moreImpressions.MarketingImpressionsPerDay *= 3;
        moreImpressions.MarketingCpm["SEARCH"].Max = 60m;
        var other = World(moreImpressions);
        Assert.Equal(world.Random.Stream("campaigns", s_start).NextUInt64(), other.Random.Stream("campaigns", s_start).NextUInt64());

        var a = EmptyState(world);
        var b = EmptyState(other);
        var started = new List<Campaign>();
        for (var day = s_start; day < s_start.AddDays(90); day = day.AddDays(1))
        {
            var impressionsA = Plan(world, a, day).Impressions.Count;
            var impressionsB = Plan(other, b, day).Impressions.Count;
            Assert.Equal(a.Campaigns.Select(c => c.CampaignId), b.Campaigns.Select(c => c.CampaignId));
            Assert.Equal(a.Campaigns.Select(c => c.CampaignType), b.Campaigns.Select(c => c.CampaignType));
            started.AddRange(a.Campaigns.Where(c => c.StartDay == day));
            Assert.True(impressionsB >= impressionsA);
        }

        // Not vacuous: about nine days in ten start a campaign, of all four types.
        Assert.InRange(started.Count, 70, 88);
        Assert.Equal(4, started.Select(c => c.CampaignType).Distinct().Count());
    }

    [Fact]
    public void Campaigns_come_from_their_own_stream_so_a_different_marketing_stream_leaves_them_unchanged()
    {
        var world = s_world.Value;
        var a = EmptyState(world);
        var b = EmptyState(world);
        var foreign = new RandomHierarchy(12_345);
        for (var day = s_start; day < s_start.AddDays(60); day = day.AddDays(1))
        {
            var campaigns = world.Random.Stream(RandomComponents.Campaigns, day);
            MarketingPlanner.Run(world, a, day, Shoppers(world, a, day), campaigns, world.Random.Stream(RandomComponents.Marketing, day));
            MarketingPlanner.Run(world, b, day, Shoppers(world, b, day), world.Random.Stream(RandomComponents.Campaigns, day), foreign.Stream("marketing", day));
            Assert.Equal(a.Campaigns, b.Campaigns, CampaignComparer.Instance);
        }
    }

    private static MarketingPlanner.Plan Plan(SimulationWorld world, SimulationState state, DateOnly day) =>
        MarketingPlanner.Run(
            world, state, day, Shoppers(world, state, day), world.Random.Stream(RandomComponents.Campaigns, day), world.Random.Stream(RandomComponents.Marketing, day));

    private static ShopperPools Shoppers(SimulationWorld world, SimulationState state, DateOnly day)
    {
        state.Customers.ApplyTransitions(world, day);
        return ShopperPools.Build(world, state.Customers, day);
    }

    private static SimulationWorld World(SimulationOptions options) =>
        new(options, DimensionGenerator.Generate(options, SimulationFixture.Dictionaries), SimulationFixture.Dictionaries);

    private static SimulationState EmptyState(SimulationWorld world) =>
        new() { StoreStock = [], DcStock = [], Customers = CustomerLifecycle.Create(world), Trucks = [] };

    private sealed class CampaignComparer : IEqualityComparer<Campaign>
    {
        public static readonly CampaignComparer Instance = new();

        public bool Equals(Campaign? x, Campaign? y) =>
            x is not null && y is not null && x.CampaignId == y.CampaignId && x.CampaignType == y.CampaignType
            && x.StartDay == y.StartDay && x.EndDay == y.EndDay && x.Channels.SequenceEqual(y.Channels);

        public int GetHashCode(Campaign obj) => obj.CampaignId.GetHashCode(StringComparison.Ordinal);
    }
}
