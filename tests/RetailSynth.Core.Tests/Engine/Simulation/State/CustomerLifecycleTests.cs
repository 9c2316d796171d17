using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.World;
using Xunit.Abstractions;

namespace RetailSynth.Core.Tests.Engine.Simulation.State;

/// <summary>Customer lifecycles (data-model §10.7): activity, spells, state-creation replay and daily transitions.</summary>
public class CustomerLifecycleTests(ITestOutputHelper output)
{
    private static readonly DateOnly s_start = new(2024, 1, 1);

    private static readonly Lazy<(SimulationWorld World, DimensionSet Dimensions)> s_world = new(() =>
    {
        var options = SimulationFixture.Options(s_start);
        var dimensions = DimensionGenerator.Generate(options, SimulationFixture.Dictionaries);
        return (new SimulationWorld(options, dimensions, SimulationFixture.Dictionaries), dimensions);
    });

    [Fact]
    public void State_created_at_a_later_start_equals_the_daily_transitions_replayed_up_to_it()
    {
        var (world, dimensions) = s_world.Value;
        var early = CustomerLifecycle.Create(world);
        var laterStart = s_start.AddDays(200);
        for (var day = s_start; day < laterStart; day = day.AddDays(1))
        {
            early.ApplyTransitions(world, day);
        }

        var laterOptions = SimulationFixture.Options(s_start);
        laterOptions.StartDate = laterStart;
        var later = CustomerLifecycle.Create(new SimulationWorld(laterOptions, dimensions, SimulationFixture.Dictionaries));

        Assert.Equal(early.Active, later.Active);
        Assert.Equal(early.NextTransition, later.NextTransition);
        Assert.Equal(early.Activity, later.Activity);

        // Not vacuous: some customers lapsed, some returned or joined in those 200 days.
        var initial = CustomerLifecycle.Create(world);
        var changed = Enumerable.Range(0, initial.Count).Count(i => initial.Active[i] != early.Active[i]);
        output.WriteLine($"{changed} of {initial.Count} customers changed status in 200 days");
        Assert.InRange(changed, 50, initial.Count / 2);
    }

    [Fact]
    public void Customers_who_join_after_the_start_are_dormant_until_their_join_date_and_active_from_it()
    {
        var (world, _) = s_world.Value;
        var lifecycle = CustomerLifecycle.Create(world);
        var joiners = Enumerable.Range(0, world.Customers.Count).Where(i => world.Customers.JoinDate[i] >= s_start).ToList();
        Assert.InRange(joiners.Count, world.Customers.Count / 10, world.Customers.Count * 3 / 10);
        Assert.All(joiners, i => Assert.False(lifecycle.Active[i]));
        Assert.All(joiners, i => Assert.Equal(world.Customers.JoinDate[i], lifecycle.NextTransition[i]));

        var first = joiners.Where(i => world.Customers.JoinDate[i] < s_start.AddDays(60)).ToList();
        Assert.NotEmpty(first);
        for (var day = s_start; day < s_start.AddDays(60); day = day.AddDays(1))
        {
            lifecycle.ApplyTransitions(world, day);
        }

        Assert.All(first, i => Assert.True(lifecycle.Active[i] || lifecycle.NextTransition[i] > world.Customers.JoinDate[i]));
        Assert.All(first, i => Assert.True(lifecycle.NextTransition[i] > world.Customers.JoinDate[i]));
    }

    [Fact]
    public void About_half_of_the_enrolled_customers_are_active_at_the_start_and_activity_averages_about_one()
    {
        var (world, _) = s_world.Value;
        var lifecycle = CustomerLifecycle.Create(world);
        var enrolled = Enumerable.Range(0, world.Customers.Count).Where(i => world.Customers.JoinDate[i] < s_start).ToList();
        var activeShare = enrolled.Count(i => lifecycle.Active[i]) / (double)enrolled.Count;
        var meanActivity = lifecycle.Activity.Average();
        output.WriteLine($"{activeShare:P1} of {enrolled.Count} enrolled customers active; mean activity {meanActivity:F3}");

        // §10.7: ≈ 50 % at StartDate (spells start ACTIVE at enrolment, ≤ 6 years ago); the long-run 40 % is lower.
        Assert.InRange(activeShare, 0.42, 0.62);

        // min(3, LogNormal(−0.72, 1.2)): mean 1 before the cap, ≈ 0.86 after; every activity in (0, 3].
        Assert.InRange(meanActivity, 0.75, 0.97);
        Assert.All(lifecycle.Activity, a => Assert.InRange(a, double.Epsilon, 3.0));
        Assert.All(lifecycle.PrimaryShare, h => Assert.InRange(h, 0.5, 1.0));
    }

    [Fact]
    public void Active_spells_last_730_days_and_dormant_spells_1095_days_on_average()
    {
        var (world, _) = s_world.Value;
        const int Draws = 20_000;
        double active = 0, dormant = 0;
        for (var k = 0; k < Draws; k++)
        {
            var date = s_start.AddDays(k % 400);
            active += CustomerLifecycle.SpellDays(world, date, k, active: true);
            dormant += CustomerLifecycle.SpellDays(world, date, k, active: false);
        }

        active /= Draws;
        dormant /= Draws;
        output.WriteLine($"mean spell: active {active:F1} days, dormant {dormant:F1} days");

        // 1 + floor(Exp(m)) has mean ≈ m + 0.5; the mean of 20,000 has σ = m / 141: 5.2 and 7.7 days; 4 σ bands.
        Assert.InRange(active, 730.5 - 21, 730.5 + 21);
        Assert.InRange(dormant, 1095.5 - 31, 1095.5 + 31);
    }
}
