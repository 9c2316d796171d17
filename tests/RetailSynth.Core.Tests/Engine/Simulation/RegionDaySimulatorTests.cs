using System.Globalization;
using RetailSynth.Domain;
using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Dimensions;
using RetailSynth.Engine.Simulation;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Core.Tests.Engine.Simulation;

/// <summary>
/// Three days of region 1 of 2 (scale-out §1–2; the first trips leave on day 3): every node they name is the region's own,
/// every network sequence carries 1 × 10⁸.
/// </summary>
public class RegionDaySimulatorTests
{
    private const long Low = Region.IdStride + 1;
    private const long High = (2 * Region.IdStride) - 1;

    private static readonly Lazy<(SimulationWorld World, FactBatch Facts, SimulationState State)> s_day = new(() =>
    {
        var options = SimulationFixture.Options(stores: 6);
        options.Regions = 2;
        options.DistributionCenters = 2;
        var dimensions = DimensionGenerator.Generate(options, SimulationFixture.Dictionaries, new Region(1, 2));
        var world = new SimulationWorld(options, dimensions, SimulationFixture.Dictionaries);
        var simulator = new DaySimulator(world, 2);
        var state = simulator.CreateInitialState();
        var facts = new FactBatch();
        var sales = new Dictionary<string, SaleForReturn>();
        for (var d = 0; d < 3; d++)
        {
            var day = simulator.Simulate(options.StartDate.AddDays(d), state, sales, CancellationToken.None);
            foreach (var sale in SaleForReturn.FromFacts(day))
            {
                sales[sale.ReceiptIdExt] = sale;
            }

            facts.AddRange([day]);
        }

        return (world, facts, state);
    });

    private static FactBatch Facts => s_day.Value.Facts;

    /// <summary>The number after the last '-' of an id such as <c>ONL-20240101-100000042</c>.</summary>
    private static long Sequence(string id) => long.Parse(id[(id.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    [Fact]
    public void The_world_of_region_1_indexes_its_own_ids_from_zero()
    {
        var world = s_day.Value.World;
        Assert.Equal(new Region(1, 2), world.Region);
        Assert.All(world.Stores, s => Assert.Equal(s.Index, world.IndexOf(s.Store.StoreId)));
        Assert.All(world.Dcs, d => Assert.Equal(d.Index, world.IndexOf(d.Dc.DcId)));
        Assert.Equal(Low, world.Customers.Rows[0].CustomerId);
    }

    [Fact]
    public void Facts_of_region_1_days_name_only_region_1_stores_customers_dcs_and_trucks()
    {
        Assert.NotEmpty(Facts.Receipts);
        Assert.All(Facts.Receipts, r => Assert.InRange(r.StoreId, Low, High));
        Assert.Contains(Facts.Receipts, r => r.CustomerId != 0);
        Assert.All(Facts.Receipts.Where(r => r.CustomerId != 0), r => Assert.InRange(r.CustomerId, Low, High));
        Assert.All(Facts.Payments.Where(p => p.CustomerId != 0), p => Assert.InRange(p.CustomerId, Low, High));
        Assert.All(Facts.StoreInventoryTxns, t => Assert.InRange(t.NodeId, Low, High));
        Assert.NotEmpty(Facts.DcInventoryTxns);
        Assert.All(Facts.DcInventoryTxns, t => Assert.InRange(t.NodeId, Low, High));
        Assert.NotEmpty(Facts.Reorders);
        Assert.All(Facts.Reorders, r => Assert.InRange(r.DcId, Low, High));
        Assert.All(Facts.TruckMoves, m =>
        {
            Assert.InRange(m.TruckId, Low, High);
            Assert.InRange(m.DcId, Low, High);
            Assert.InRange(m.StoreId, Low, High);
        });
        Assert.NotEmpty(Facts.OnlineOrderHeaders);
        Assert.All(Facts.OnlineOrderHeaders, o =>
        {
            Assert.InRange(o.CustomerId, Low, High);
            Assert.InRange(o.NodeId, Low, High);
        });
        Assert.NotEmpty(Facts.Marketing);
        Assert.All(Facts.Marketing, m => Assert.InRange(m.TargetCustomerId, Low, High));
        Assert.All(Facts.BlePings.Where(p => p.CustomerId is not null), p => Assert.InRange(p.CustomerId!.Value, Low, High));
    }

    [Fact]
    public void Online_order_trip_shipment_impression_and_journey_ids_carry_1e8_plus_their_sequence()
    {
        var onl = Facts.OnlineOrderHeaders.Select(o => o.OrderIdExt).ToList();
        var imp = Facts.Marketing.Select(m => m.ImpressionIdExt).ToList();
        var jrn = Facts.Marketing.Select(m => m.CorrelationId).ToList();
        Assert.NotEmpty(onl);
        Assert.NotEmpty(imp);
        Assert.All(onl, id => Assert.Matches(@"^ONL-\d{8}-1\d{8}$", id));
        Assert.All(imp, id => Assert.Matches(@"^IMP-\d{8}-1\d{8}$", id));
        Assert.All(jrn, id => Assert.Matches(@"^JRN-\d{8}-1\d{8}$", id));

        // Each day's sequences still start at 1 and run contiguous, above 10⁸ (data-model §3.3).
        Assert.All(onl.Concat(imp).GroupBy(id => id[..12]), day => Assert.Equal(
            Enumerable.Range(1, day.Count()).Select(i => Region.IdStride + i), day.Select(Sequence).Order()));

        var state = s_day.Value.State;
        var trips = state.Trips.Select(t => t.TripId).Concat(Facts.TruckMoves.Select(m => m.TripId)).Distinct().ToList();
        var shipments = state.Shipments.Select(m => m.ShipmentId).Concat(Facts.TruckMoves.Select(m => m.ShipmentId)).Distinct().ToList();
        Assert.NotEmpty(trips);
        Assert.NotEmpty(shipments);
        Assert.All(trips, id => Assert.Matches(@"^TRP-\d{8}-1\d{8}$", id));
        Assert.All(shipments, id => Assert.Matches(@"^SHP-\d{8}-1\d{8}$", id));
        Assert.All(Facts.StoreInventoryTxns.Where(t => t.Source.StartsWith("ONL-", StringComparison.Ordinal)), t => Assert.Contains(t.Source, onl));
    }
}
