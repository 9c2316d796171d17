using RetailSynth.Engine.Simulation.Inventory;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Network;

/// <summary>
/// Phase A for one UTC day (data-model §8, §12.4, §13), hour by hour: allocation into route pools, trip
/// formation, truck assignment and the trip lifecycle (Logistics/), supplier arrivals, online orders and
/// the 23:00Z DC review. Single-threaded: network work couples stores every hour.
/// </summary>
internal sealed partial class NetworkDaySimulator
{
    private const int EventTruckFree = 0;
    private const int EventTransition = 1;
    private const int EventSupplierArrival = 2;

    private readonly SimulationWorld _world;
    private readonly SimulationState _state;
    private readonly DateOnly _day;
    private readonly string _dayKey;
    private readonly RandomStream _logistics;
    private readonly OnlineOrderDesk _orders;
    private readonly ShopperPools _shoppers;
    private int _shipmentSeq;
    private int _tripSeq;

    public NetworkDaySimulator(SimulationWorld world, SimulationState state, DateOnly day, BasketCatalog.Cache catalogs, ShopperPools shoppers)
    {
        _shoppers = shoppers;
        _world = world;
        _state = state;
        _day = day;
        _dayKey = day.ToString("yyyyMMdd");
        _logistics = world.Random.Stream(RandomComponents.Logistics, day);
        _orders = new OnlineOrderDesk(world, state, day, world.Random.Stream(RandomComponents.Online, day), catalogs);
    }

    /// <summary>Runs Phase A of hour h and returns its facts and the inbound credits each store applies in Phase B.</summary>
    public NetworkHourResult RunHour(int hour)
    {
        var hourStart = _day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(hour);
        var hourEnd = hourStart.AddHours(1);
        var output = new FactBatch();
        var credits = new List<InboundCredit>[_world.Stores.Length];
        var picks = new List<StorePick>[_world.Stores.Length];
        for (var s = 0; s < credits.Length; s++)
        {
            credits[s] = [];
            picks[s] = [];
        }

        if (hour == 0)
        {
            PlanMarketingAndOrders();
        }

        output.Marketing.AddRange(_impressions.Where(i => i.EventTs >= hourStart && i.EventTs < hourEnd));
        AllocateReorders(hourStart);
        FormTrips(hourStart, output);
        AssignTrucks(hourStart, output); // a truck that came free exactly at the hour start

        // Everything timed inside the hour, in time order; assignments made here can add transitions to it.
        var queue = new PriorityQueue<Action, (DateTime Ts, int Kind, string Id)>();
        foreach (var shipment in _state.Shipments)
        {
            EnqueueTransitions(queue, shipment, hourStart, hourEnd, output, credits);
        }

        // A truck back at its DC (a travel after COMPLETED, at least an hour after it was scheduled) serves the queues.
        foreach (var truck in _state.Trucks.Where(t => t.AvailableAt > hourStart && t.AvailableAt < hourEnd))
        {
            var at = truck.AvailableAt;
            queue.Enqueue(() => AssignTrucks(at, output, queue, hourEnd, credits), (at, EventTruckFree, $"T{truck.TruckId:000000}"));
        }

        foreach (var order in _state.SupplierOrders.Where(o => o.ArrivalTs >= hourStart && o.ArrivalTs < hourEnd))
        {
            queue.Enqueue(() => ArriveFromSupplier(order, output), (order.ArrivalTs, EventSupplierArrival, $"{order.PoId}:{order.ProductId:000000}"));
        }

        EnqueueOrders(queue, hourStart, hourEnd, output, picks);
        while (queue.TryDequeue(out var apply, out _))
        {
            apply();
        }

        _state.SupplierOrders.RemoveAll(o => o.ArrivalTs < hourEnd);
        _state.Shipments.RemoveAll(s => s.Status == ShipmentStatus.Completed);
        _state.Trips.RemoveAll(t => t.Status == TripStatus.Returning && t.ReturnTs < hourEnd);
        if (hour == 23)
        {
            DcReview(hourStart, output);
        }

        MovePaymentsToTheirHour(hour, hourEnd, output);
        return new NetworkHourResult(output, credits, picks);
    }
}

internal sealed record NetworkHourResult(FactBatch Facts, List<InboundCredit>[] Credits, List<StorePick>[] Picks);
