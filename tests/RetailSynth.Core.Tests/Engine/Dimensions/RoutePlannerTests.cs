using RetailSynth.Domain;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Planning;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Reference;

namespace RetailSynth.Core.Tests.Engine.Dimensions;

public class RoutePlannerTests
{
    private static readonly ReferenceDictionaries s_d = ReferenceDictionaries.LoadEmbedded();

    private static (DimensionSet Set, StoreDemandBaseline Demand) Generate(SimulationOptions options)
    {
        var set = DimensionGenerator.Generate(options, s_d);
        return (set, StoreDemandBaseline.Create(options, set.Stores, set.Customers, set.Products));
    }

    [Theory]
    [InlineData("small")]
    [InlineData("large")]
    public void Every_route_keeps_to_four_stops_its_truck_ten_hours_out_and_a_forty_hour_worst_case_cycle(string profile)
    {
        var options = SimulationProfiles.Create(profile)!;
        var (set, demand) = Generate(options);

        Assert.Equal(set.Stores.Count, set.Fleet.Routes.Sum(r => r.StoreIds.Count));
        foreach (var route in set.Fleet.Routes)
        {
            var stops = route.StoreIds.Select(id => set.Stores[(int)id - 1]).ToList();
            Assert.InRange(stops.Count, 1, RoutePlanner.MaxStops);
            Assert.All(stops, s => Assert.Equal(route.DcId, s.NearestDcId));
            Assert.All(stops, s => Assert.Equal(route.RouteId, s.RouteId));
            Assert.Equal(Enumerable.Range(1, stops.Count).Select(i => (short)i), stops.Select(s => s.RouteStopSeq));
            Assert.Equal(RoutePlanner.StopOrder(stops).Select(s => s.StoreId), stops.Select(s => s.StoreId));
            Assert.Equal(stops[0].DcRoadMiles, stops[0].RouteLegMiles);
            for (var i = 0; i < stops.Count; i++)
            {
                Assert.Equal(stops.Count, stops[i].RouteStopMiles.Count);
                Assert.Equal(0, stops[i].RouteStopMiles[i]);
                if (i > 0)
                {
                    Assert.Equal(stops[i].RouteStopMiles[i - 1], stops[i].RouteLegMiles);
                }
            }

            if (stops.Count > 1)
            {
                Assert.True(route.ExpectedUnits <= 0.9 * options.TruckCapacityUnits, route.ToString());
                Assert.True(RoutePlanner.OutboundHours(stops) <= 10, route.RouteId);
                Assert.True(RoutePlanner.WorstCaseCycleHours(stops, demand.Units, options.TruckCapacityUnits) <= 40, route.RouteId);
            }

            Assert.Equal(stops.Sum(s => demand.Units[(int)s.StoreId - 1]), route.ExpectedUnits, 6);
        }

        Assert.Contains(set.Fleet.Routes, r => r.StoreIds.Count > 1);
    }

    [Fact]
    public void Routes_are_numbered_per_dc_in_creation_order()
    {
        var (set, _) = Generate(SimulationProfiles.Create("small")!);
        foreach (var group in set.Fleet.Routes.GroupBy(r => r.DcId))
        {
            Assert.Equal(
                Enumerable.Range(1, group.Count()).Select(k => $"R{group.Key:000}-{k:00}"),
                group.Select(r => r.RouteId));
        }
    }

    [Fact]
    public void A_small_truck_closes_a_route_at_every_store_and_a_huge_one_stops_at_four_stops()
    {
        var small = SimulationProfiles.Create("small")!;
        small.TruckCapacityUnits = 100;
        Assert.All(Generate(small).Set.Fleet.Routes, r => Assert.Single(r.StoreIds));

        var huge = SimulationProfiles.Create("small")!;
        huge.TruckCapacityUnits = 1_000_000;
        var routes = Generate(huge).Set.Fleet.Routes;
        Assert.All(routes, r => Assert.True(r.StoreIds.Count <= 4));
        Assert.Contains(routes, r => r.StoreIds.Count == 4);
    }

    [Fact]
    public void Average_units_follow_buyers_lines_and_the_catalogue_mean_quantity()
    {
        var options = SimulationProfiles.Create("small")!;
        var (set, demand) = Generate(options);
        var store = set.Stores[0];

        var expectedBuyers = options.CustomersPerStoreDay * store.DailyTrafficMultiplier
            * RetailSynth.Engine.Calendar.HourlyCurve.HoursFactor(store.OpenMinute, store.CloseMinute);
        Assert.Equal(expectedBuyers, demand.Buyers[0], 9);
        Assert.True(demand.Lines[0] > demand.Buyers[0] * StoreDemandBaseline.ExpectedLinesPerReceipt(store.StoreFormat));
        Assert.InRange(demand.UnitsPerLine, 1.03, 1.56);
        Assert.Equal(demand.Lines[0] * demand.UnitsPerLine, demand.Units[0], 9);
    }
}
