using RetailSynth.Domain;
using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Simulation;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;
using Xunit.Abstractions;

namespace RetailSynth.Core.Tests.Engine.Simulation.Network.Logistics;

public class TripSimulationTests(ITestOutputHelper output)
{
    private sealed record Run(List<TruckMoveFact> Moves, int MaxQueuedTripsPerRoute, TimeSpan OldestQueuedAtDayEnd, int Capacity, DimensionSet Dimensions);

    private static Run Simulate(
        DateOnly start, int days, int stores, Action<SimulationWorld>? spike = null, Func<DimensionSet, DimensionSet>? adjust = null)
    {
        var options = SimulationFixture.Options(start, stores);
        options.Products = 300;
        options.Customers = 1_500;
        DimensionSet? dimensions = null;
        var simulator = SimulationFixture.Simulator(options, threads: 2, d => dimensions = adjust is null ? d : adjust(d));
        spike?.Invoke(simulator.World);
        var state = simulator.CreateInitialState();
        var sales = new Dictionary<string, SaleForReturn>();
        var moves = new List<TruckMoveFact>();
        var maxQueued = 0;
        var oldest = TimeSpan.Zero;
        for (var d = 0; d < days; d++)
        {
            var facts = simulator.Simulate(start.AddDays(d), state, sales, CancellationToken.None);
            // Store sales and online orders alike: both can be returned at a store later (§11).
            foreach (var sale in SaleForReturn.FromFacts(facts))
            {
                sales[sale.ReceiptIdExt] = sale;
            }

            moves.AddRange(facts.TruckMoves);
            var dayEnd = start.AddDays(d + 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var queued = state.Trips.Where(t => t.Status == "QUEUED").ToList();
            maxQueued = Math.Max(maxQueued, queued.GroupBy(t => t.RouteId).Select(g => g.Count()).DefaultIfEmpty(0).Max());
            foreach (var trip in queued)
            {
                oldest = dayEnd - trip.FormedTs > oldest ? dayEnd - trip.FormedTs : oldest;
            }
        }

        return new Run(moves, maxQueued, oldest, options.TruckCapacityUnits, dimensions!);
    }

    private static TimeSpan LongestWait(Run run) => run.Moves
        .Where(m => m.Status == "SCHEDULED")
        .Select(m => m.EventTs - m.FormedTs)
        .DefaultIfEmpty(TimeSpan.Zero)
        .Max();

    private static void AssertTripsAreConsistent(Run run)
    {
        foreach (var trip in run.Moves.GroupBy(m => m.TripId))
        {
            var shipments = trip.GroupBy(m => m.ShipmentId).ToList();
            Assert.Equal(Enumerable.Range(1, shipments.Count).Select(i => (short)i), shipments.Select(s => s.First().StopSeq).Order());
            Assert.Single(trip.Select(m => (m.TruckId, m.DcId, m.FormedTs)).Distinct());
            foreach (var status in (string[])["SCHEDULED", "LOADING", "IN_TRANSIT"])
            {
                Assert.True(trip.Where(m => m.Status == status).Select(m => m.EventTs).Distinct().Count() <= 1, $"{trip.Key} {status}");
            }

            Assert.True(shipments.Sum(s => s.First().Units) <= run.Capacity, trip.Key);
            var byStop = shipments.OrderBy(s => s.First().StopSeq).ToList();
            for (var k = 1; k < byStop.Count; k++)
            {
                var arrived = byStop[k].FirstOrDefault(m => m.Status == "ARRIVED");
                var previousCompleted = byStop[k - 1].FirstOrDefault(m => m.Status == "COMPLETED");
                if (arrived is not null)
                {
                    Assert.True(previousCompleted is not null && arrived.EventTs > previousCompleted.EventTs, trip.Key);
                }
            }

            var first = byStop[0];
            var inTransit = first.FirstOrDefault(m => m.Status == "IN_TRANSIT");
            var firstArrived = first.FirstOrDefault(m => m.Status == "ARRIVED");
            if (inTransit is not null && firstArrived is not null)
            {
                var miles = run.Dimensions.Stores[(int)firstArrived.StoreId - 1].DcRoadMiles;
                Assert.True(miles / (firstArrived.EventTs - inTransit.EventTs).TotalHours <= 55, trip.Key);
            }
        }
    }

    [Fact]
    public void Over_120_days_of_a_small_world_no_shipment_waits_more_than_24_hours_for_a_truck()
    {
        var run = Simulate(new DateOnly(2024, 1, 1), days: 120, stores: 4);

        var trips = run.Moves.Select(m => m.TripId).Distinct().Count();
        output.WriteLine($"{trips} trips, {run.Moves.Count(m => m.Status == "SCHEDULED")} shipments, longest wait {LongestWait(run)}");
        Assert.True(trips > 20, $"{trips} trips");
        Assert.True(LongestWait(run) <= TimeSpan.FromHours(24), LongestWait(run).ToString());
        Assert.True(run.MaxQueuedTripsPerRoute <= 1);
        Assert.True(run.Moves.All(m => m.FormedTs <= m.EventTs));
        AssertTripsAreConsistent(run);
    }

    [Fact]
    public void Under_a_fourfold_demand_spike_with_the_smallest_fleet_queues_stay_bounded_by_one_trip_per_route_and_48_hours()
    {
        // The fleet is cut to routes + 1 trucks a DC and no pool, then the stores sell four times what it was sized for.
        static DimensionSet MinimalFleet(DimensionSet d)
        {
            var keep = d.Trucks
                .Where(t => t.FleetType == FleetTypes.DcAssigned)
                .GroupBy(t => t.DcId)
                .SelectMany(g => g.Take(d.Fleet.PerDc.Single(f => f.DcId == g.Key).Routes + 1))
                .Select((t, i) => t with { TruckId = i + 1 })
                .ToList();
            return d with { Trucks = keep, Fleet = d.Fleet with { PoolStartDcIds = [] } };
        }

        var run = Simulate(
            new DateOnly(2024, 1, 1), days: 30, stores: 6, world => world.Options.CustomersPerStoreDay *= 4, MinimalFleet);

        output.WriteLine($"{run.Moves.Select(m => m.TripId).Distinct().Count()} trips, longest wait {LongestWait(run)}, oldest queued {run.OldestQueuedAtDayEnd}");
        Assert.True(LongestWait(run) <= TimeSpan.FromHours(48), LongestWait(run).ToString());
        Assert.True(run.OldestQueuedAtDayEnd < TimeSpan.FromHours(48));
        Assert.True(run.MaxQueuedTripsPerRoute <= 1);
        AssertTripsAreConsistent(run);
    }
}
