using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Geo;
using RetailSynth.Reference;

namespace RetailSynth.Core.Tests.Engine.Dimensions;

/// <summary>DC hubs, geographies and stores of data-model §6.1–§6.3 (R14) on the <c>small</c> defaults.</summary>
public class NetworkPlacementTests
{
    private static readonly ReferenceDictionaries s_d = ReferenceDictionaries.LoadEmbedded();
    private static readonly Lazy<DimensionSet> s_small = new(() => DimensionGenerator.Generate(SimulationProfiles.Create("small")!, s_d));

    private static DimensionSet Small => s_small.Value;

    [Fact]
    public void Small_dcs_stand_at_hub_eligible_metros_at_least_400_miles_apart()
    {
        var dcs = Small.DistributionCenters;
        Assert.Equal(3, dcs.Count);
        var eligible = s_d.HubEligible.Select(i => (s_d.Geographies[i].City, s_d.Geographies[i].State)).ToHashSet();
        foreach (var dc in dcs)
        {
            var g = Small.Geographies[(int)dc.GeographyId - 1];
            Assert.Equal(dc.DcId, g.GeographyId); // hubs are sampled first, in dc_id order
            Assert.Contains((g.City, g.State), eligible);
            Assert.Equal((g.Latitude, g.Longitude), (dc.Latitude, dc.Longitude));
            foreach (var other in dcs.Where(o => o.DcId != dc.DcId))
            {
                Assert.True(Haversine.Miles(dc.Latitude, dc.Longitude, other.Latitude, other.Longitude) >= 400, $"DC{dc.DcId}–DC{other.DcId}");
            }
        }
    }

    [Fact]
    public void Road_miles_between_dcs_are_1_2_times_haversine_in_dc_order_and_zero_to_itself()
    {
        var dcs = Small.DistributionCenters;
        foreach (var dc in dcs)
        {
            Assert.Equal(dcs.Count, dc.RoadMilesToDcs.Count);
            for (var k = 0; k < dcs.Count; k++)
            {
                var expected = Math.Round(1.2 * Haversine.Miles(dc.Latitude, dc.Longitude, dcs[k].Latitude, dcs[k].Longitude), 1, MidpointRounding.AwayFromZero);
                Assert.Equal(expected, dc.RoadMilesToDcs[k]);
                Assert.Equal(dc.RoadMilesToDcs[k], dcs[k].RoadMilesToDcs[(int)dc.DcId - 1]);
            }

            Assert.Equal(0, dc.RoadMilesToDcs[(int)dc.DcId - 1]);
        }
    }

    [Fact]
    public void Every_geography_lies_within_250_miles_of_a_hub_and_weights_sum_to_one()
    {
        var hubs = Small.Geographies.Take(Small.DistributionCenters.Count).ToList();
        Assert.Equal(60, Small.Geographies.Count);
        Assert.All(Small.Geographies, g => Assert.Contains(hubs, h => Haversine.Miles(g, h) <= 250));
        Assert.Equal(1.0, Small.Geographies.Sum(g => g.PlacementWeight), 9);
        Assert.Equal(Small.Geographies.Count, Small.Geographies.Select(g => (g.City, g.State)).Distinct().Count());
    }

    [Fact]
    public void When_400_miles_cannot_fit_every_dc_later_passes_relax_the_separation()
    {
        var options = SimulationProfiles.Create("small")!;
        options.DistributionCenters = 30;
        options.Stores = 40;
        var dcs = DimensionGenerator.Generate(options, s_d).DistributionCenters;
        Assert.Equal(30, dcs.Count);
        Assert.Equal(30, dcs.Select(d => d.GeographyId).Distinct().Count());
        var closest = dcs.SelectMany(a => dcs.Where(b => b.DcId > a.DcId).Select(b => Haversine.Miles(a.Latitude, a.Longitude, b.Latitude, b.Longitude))).Min();
        Assert.True(closest < 400, $"{closest}"); // 30 hubs cannot all be 400 mi apart in the contiguous states
        var first = dcs.Take(3).ToList(); // the first pass still keeps its hubs apart
        Assert.All(first, a => Assert.All(first.Where(b => b != a), b => Assert.True(Haversine.Miles(a.Latitude, a.Longitude, b.Latitude, b.Longitude) >= 400)));
    }

    [Fact]
    public void Small_store_map_spans_at_least_4_states_and_10_cities_with_no_city_above_a_quarter_of_stores()
    {
        var geography = Small.Geographies.ToDictionary(g => g.GeographyId);
        var places = Small.Stores.Select(s => geography[s.GeographyId]).ToList();
        Assert.True(places.Select(g => g.State).Distinct().Count() >= 4);
        Assert.True(places.Select(g => (g.City, g.State)).Distinct().Count() >= 10);
        var largestCity = places.GroupBy(g => (g.City, g.State)).Max(c => c.Count());
        Assert.True(largestCity <= 0.25 * Small.Stores.Count, $"{largestCity} stores in one city");
    }

    [Fact]
    public void Each_dc_gets_a_store_and_every_store_sits_in_its_dc_cluster_before_any_city_gets_a_second()
    {
        Assert.All(Small.DistributionCenters, dc => Assert.Contains(Small.Stores, s => s.NearestDcId == dc.DcId));
        var geographyIds = Small.Stores.Select(s => s.GeographyId).ToList();
        Assert.Equal(geographyIds.Count, geographyIds.Distinct().Count()); // 20 stores over 57 cluster rows: one per city
    }

    [Fact]
    public void Stores_stand_at_their_own_distinct_points_half_a_mile_to_three_miles_from_their_city()
    {
        var geography = Small.Geographies.ToDictionary(g => g.GeographyId);
        Assert.Equal(Small.Stores.Count, Small.Stores.Select(s => (s.Latitude, s.Longitude)).Distinct().Count());
        Assert.All(Small.Stores, s =>
        {
            var g = geography[s.GeographyId];
            Assert.InRange(Haversine.Miles(s.Latitude, s.Longitude, g.Latitude, g.Longitude), 0.45, 3.1);
            Assert.Equal(Math.Round(s.Latitude, 5), s.Latitude);
            Assert.Equal(Math.Round(s.Longitude, 5), s.Longitude);
        });
    }

    [Fact]
    public void A_store_is_assigned_the_dc_with_the_fewest_road_miles_within_about_304_miles()
    {
        Assert.All(Small.Stores, s =>
        {
            var miles = Small.DistributionCenters
                .Select(dc => (dc.DcId, Miles: Math.Round(1.2 * Haversine.Miles(s.Latitude, s.Longitude, dc.Latitude, dc.Longitude), 1, MidpointRounding.AwayFromZero)))
                .OrderBy(x => x.Miles).ThenBy(x => x.DcId).First();
            Assert.Equal(miles.DcId, s.NearestDcId);
            Assert.Equal(miles.Miles, s.DcRoadMiles);
            Assert.InRange(s.DcRoadMiles, 0, 1.2 * 253);
        });
    }

    [Fact]
    public void Neighbouring_stores_are_the_other_stores_within_150_miles_in_ascending_id()
    {
        Assert.All(Small.Stores, s =>
        {
            var expected = Small.Stores
                .Where(o => o.StoreId != s.StoreId && Haversine.Miles(s.Latitude, s.Longitude, o.Latitude, o.Longitude) <= 150)
                .Select(o => o.StoreId);
            Assert.Equal(expected, s.NeighborStoreIds);
        });
        Assert.Contains(Small.Stores, s => s.NeighborStoreIds.Count > 0);
    }

    [Fact]
    public void Placement_puts_one_store_in_each_state_of_a_cluster_before_a_second_in_any_state()
    {
        var geographies = new List<Geography>
        {
            new(1, "Hub", "AA", "00001", "Hub Metro", "WEST", 40.0, -100.0, "America/Denver", 0.30),
            new(2, "B1", "BB", "00002", "B", "WEST", 40.5, -100.0, "America/Denver", 0.25),
            new(3, "A2", "AA", "00003", "A", "WEST", 40.2, -100.0, "America/Denver", 0.20),
            new(4, "C1", "CC", "00004", "C", "WEST", 40.1, -100.5, "America/Denver", 0.15),
            new(5, "B2", "BB", "00005", "B", "WEST", 40.3, -100.2, "America/Denver", 0.10),
        };
        var order = NetworkPlanner.PlacementOrder(7, geographies, 1).Select(g => g.City).ToList();
        // states by their best row (AA, BB, CC), then the remaining rows by weight, then by largest remainder of weight
        Assert.Equal(["Hub", "B1", "C1", "A2", "B2", "Hub", "B1"], order);
    }
}
