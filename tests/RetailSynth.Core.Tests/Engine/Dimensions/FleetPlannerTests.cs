using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Reference;

namespace RetailSynth.Core.Tests.Engine.Dimensions;

public class FleetPlannerTests
{
    private static readonly ReferenceDictionaries s_d = ReferenceDictionaries.LoadEmbedded();

    [Theory]
    [InlineData("small", 2.5)]
    [InlineData("large", 2.5)]
    [InlineData("small", 6.0)]
    public void Each_dc_gets_a_truck_more_than_its_routes_and_expected_utilisation_within_one_over_the_headroom(string profile, double headroom)
    {
        var options = SimulationProfiles.Create(profile)!;
        options.FleetHeadroom = headroom;
        var set = DimensionGenerator.Generate(options, s_d);

        foreach (var dc in set.Fleet.PerDc)
        {
            Assert.Equal(set.Fleet.Routes.Count(r => r.DcId == dc.DcId), dc.Routes);
            Assert.True(dc.Trucks >= dc.Routes + 1, dc.ToString());
            Assert.True(dc.TruckHoursPerDay > 0, dc.ToString());
            Assert.True(dc.Utilisation <= (1 / headroom) + 1e-12, dc.ToString());
            Assert.Equal(dc.Trucks, set.Trucks.Count(t => t.FleetType == FleetTypes.DcAssigned && t.DcId == dc.DcId));
        }

        var pool = set.Trucks.Where(t => t.FleetType == FleetTypes.Pool).ToList();
        Assert.Equal((int)Math.Ceiling(options.PoolTruckShare * set.Fleet.PerDc.Sum(d => d.Trucks)), pool.Count);
        Assert.Equal(pool.Count, set.Fleet.PoolStartDcIds.Count);
        Assert.All(pool, t => Assert.Null(t.DcId));
        Assert.All(set.Trucks.Where(t => t.FleetType != FleetTypes.Supplier), t => Assert.True(t.Refrigerated));
    }

    [Fact]
    public void More_headroom_buys_more_trucks_for_the_same_truck_hours()
    {
        var options = SimulationProfiles.Create("large")!;
        var baseline = DimensionGenerator.Generate(options, s_d).Fleet;
        options.FleetHeadroom = 8;
        var roomy = DimensionGenerator.Generate(options, s_d).Fleet;

        Assert.Equal(baseline.TruckHoursPerDay, roomy.TruckHoursPerDay, 9);
        Assert.True(roomy.PerDc.Sum(d => d.Trucks) > baseline.PerDc.Sum(d => d.Trucks));
    }

    [Fact]
    public void Expected_trips_a_day_are_route_units_over_90_percent_of_a_truck_and_at_least_0_8()
    {
        Assert.Equal(0.8, FleetPlanner.TripsPerDay(1_000, 15_000));
        Assert.Equal(20_000 / 13_500.0, FleetPlanner.TripsPerDay(20_000, 15_000), 12);
    }
}
