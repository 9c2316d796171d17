using RetailSynth.Engine.Simulation.Inventory;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Network;

/// <summary>
/// Phase A for one UTC day (data-model §8, §12.4, §13): shipment formation from the reorders of the
/// previous hours, truck assignment and the shipment lifecycle, supplier arrivals and the 23:00Z DC
/// review. Single-threaded: network work couples stores every hour.
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
        FormShipments(hourStart);
        AssignTrucks(hourStart, output);

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
        if (hour == 23)
        {
            DcReview(hourStart, output);
        }

        MovePaymentsToTheirHour(hour, hourEnd, output);
        return new NetworkHourResult(output, credits, picks);
    }

    /// <summary>§13.1: allocate reorders against DC stock, split by store, DC and temperature, cap by truck capacity.</summary>
    private void FormShipments(DateTime formedTs)
    {
        if (_state.OpenReorders.Count == 0)
        {
            return;
        }

        var ordered = _state.OpenReorders
            .OrderBy(r => Priorities.Rank(r.Priority)).ThenBy(r => r.ReviewedTs).ThenBy(r => r.StoreId).ThenBy(r => r.ProductId)
            .ToList();
        _state.OpenReorders.Clear();

        var allocations = new List<(OpenReorder Reorder, int Allocated)>();
        foreach (var reorder in ordered)
        {
            var dc = _state.DcStock[reorder.DcId - 1];
            var p = (int)reorder.ProductId - 1;
            var allocated = (int)Math.Min(reorder.Quantity, Math.Max(0, dc.Sellable(p)));
            if (allocated == 0)
            {
                continue; // dropped: the next review re-orders
            }

            dc.Reserved[p] += allocated;
            _state.StoreStock[reorder.StoreId - 1].OnOrder[p] += allocated;
            allocations.Add((reorder, allocated));
        }

        var capacity = _world.Options.TruckCapacityUnits;
        var groups = allocations
            .GroupBy(a => (a.Reorder.DcId, a.Reorder.StoreId, Chilled: _world.Products.Refrigerated[a.Reorder.ProductId - 1]))
            .OrderBy(g => g.Key.DcId).ThenBy(g => g.Key.StoreId).ThenByDescending(g => g.Key.Chilled);
        foreach (var group in groups)
        {
            var lines = new List<(long ProductId, int Quantity)>();
            var priority = Priorities.Normal;
            var units = 0;
            void Close()
            {
                if (units == 0)
                {
                    return;
                }

                _state.Shipments.Add(new PendingShipment
                {
                    ShipmentId = $"SHP-{_dayKey}-{++_shipmentSeq:00000}",
                    DcId = group.Key.DcId,
                    StoreId = group.Key.StoreId,
                    TemperatureClass = group.Key.Chilled ? "CHILLED" : "AMBIENT",
                    Priority = priority,
                    Units = units,
                    FormedTs = formedTs,
                    Lines = lines,
                });
                lines = [];
                priority = Priorities.Normal;
                units = 0;
            }

            foreach (var (reorder, allocated) in group.OrderBy(a => a.Reorder.ProductId))
            {
                var remaining = allocated;
                while (remaining > 0)
                {
                    var take = Math.Min(remaining, capacity - units);
                    lines.Add((reorder.ProductId, take));
                    units += take;
                    remaining -= take;
                    if (Priorities.Rank(reorder.Priority) < Priorities.Rank(priority))
                    {
                        priority = reorder.Priority;
                    }

                    if (units == capacity)
                    {
                        Close();
                    }
                }
            }

            Close();
        }
    }

    private void AssignTrucks(DateTime at, FactBatch output) => AssignTrucks(at, output, null, at, null);

    /// <summary>§13.2: serve each DC's queue in order with its free trucks (DC-assigned first, then pool; lowest id wins).</summary>
    /// <remarks>
    /// Runs whenever a truck comes free, over every queued shipment, so it is written for a long queue (thousands on
    /// <c>large</c> after a few weeks): the trucks free at this instant are listed once and leave the list when
    /// scheduled, the chilled shipments still queued are counted rather than searched for, and once no truck is free
    /// nothing more can be scheduled. The rule is unchanged.
    /// </remarks>
    private void AssignTrucks(
        DateTime at, FactBatch output, PriorityQueue<Action, (DateTime, int, string)>? queue, DateTime hourEnd, List<InboundCredit>[]? credits)
    {
        var queued = _state.Shipments.Where(s => s.Status == ShipmentStatus.Queued).ToList();
        if (queued.Count == 0)
        {
            return;
        }

        var free = _state.Trucks.Where(t => t.AvailableAt <= at).OrderBy(t => t.TruckId).ToList();
        foreach (var dcGroup in queued.GroupBy(s => s.DcId).OrderBy(g => g.Key))
        {
            var waiting = dcGroup.OrderBy(s => Priorities.Rank(s.Priority)).ThenBy(s => s.FormedTs).ThenBy(s => s.ShipmentId, StringComparer.Ordinal).ToList();
            var chilledQueued = waiting.Count(s => s.TemperatureClass == "CHILLED");
            foreach (var shipment in waiting)
            {
                if (free.Count == 0)
                {
                    return;
                }

                var chilled = shipment.TemperatureClass == "CHILLED";
                var truck = FindTruck(free, dcGroup.Key, chilled, chilledWaiting: chilledQueued > 0);
                if (truck is null)
                {
                    continue;
                }

                free.Remove(truck);
                Schedule(shipment, truck, at, output);
                if (chilled)
                {
                    chilledQueued--;
                }

                if (queue is not null)
                {
                    EnqueueTransitions(queue, shipment, at, hourEnd, output, credits!);
                }
            }
        }
    }

    /// <summary>The lowest-id free truck of the DC's own fleet that may carry the shipment, else of the pool.</summary>
    private TruckState? FindTruck(List<TruckState> freeByTruckId, long dcId, bool chilled, bool chilledWaiting)
    {
        return Pick(dcAssigned: true) ?? Pick(dcAssigned: false);

        TruckState? Pick(bool dcAssigned)
        {
            foreach (var state in freeByTruckId)
            {
                var truck = _world.Trucks[(int)state.TruckId - 1];
                var fleet = dcAssigned ? truck.FleetType == FleetTypes.DcAssigned && truck.DcId == dcId : truck.FleetType == FleetTypes.Pool;
                if (fleet && (chilled ? truck.Refrigerated : !truck.Refrigerated || !chilledWaiting))
                {
                    return state;
                }
            }

            return null;
        }
    }

    /// <summary>SCHEDULED: every later instant is fixed now (§13.3); each row is written by the day containing it.</summary>
    private void Schedule(PendingShipment shipment, TruckState truck, DateTime at, FactBatch output)
    {
        var load = Math.Min(1.0, shipment.Units / (double)_world.Options.TruckCapacityUnits);
        var miles = _world.StoreDcMiles[shipment.StoreId - 1][shipment.DcId - 1];
        var baseTravelHours = Math.Clamp(0.5 + (1.2 * miles / 45), 1, 12);
        var travel = TimeSpan.FromSeconds(Rounding.ToLong(baseTravelHours * _logistics.Uniform(0.95, 1.15) * 3600));
        var dockWait = TimeSpan.FromSeconds(_logistics.UniformInt(5 * 60, 30 * 60));
        var unloadHours = 0.5 + (1.5 * load);
        var unload = TimeSpan.FromSeconds(Rounding.ToLong(unloadHours * _logistics.Uniform(0.9, 1.3) * 3600));

        shipment.Status = ShipmentStatus.Scheduled;
        shipment.TruckId = truck.TruckId;
        shipment.ScheduledTs = at;
        shipment.LoadingTs = at.AddMinutes(30);
        shipment.DcDepartureTs = shipment.LoadingTs.Value.AddSeconds(Rounding.ToLong((0.5 + load) * 3600));
        shipment.ArrivedTs = shipment.DcDepartureTs.Value + travel;
        shipment.UnloadingTs = shipment.ArrivedTs.Value + dockWait;
        shipment.CompletedTs = shipment.UnloadingTs.Value + unload;
        shipment.Eta = shipment.DcDepartureTs.Value.AddSeconds(Rounding.ToLong(baseTravelHours * 3600));
        shipment.Etd = shipment.Eta.Value.AddSeconds(Rounding.ToLong((17.5 * 60) + (unloadHours * 3600)));
        shipment.EstimatedUnloadMinutes = (int)Rounding.ToLong(17.5 + (unloadHours * 60));

        truck.ShipmentId = shipment.ShipmentId;
        truck.AvailableAt = shipment.CompletedTs.Value + travel;
        output.TruckMoves.Add(Move(shipment, ShipmentStatus.Scheduled, at));
    }

    /// <summary>Queues the shipment's transitions (and its truck's return) that fall inside [from, hourEnd).</summary>
    private void EnqueueTransitions(
        PriorityQueue<Action, (DateTime, int, string)> queue, PendingShipment shipment, DateTime from, DateTime hourEnd,
        FactBatch output, List<InboundCredit>[] credits)
    {
        if (shipment.Status == ShipmentStatus.Queued)
        {
            return;
        }

        var steps = new (string Status, DateTime? At)[]
        {
            (ShipmentStatus.Loading, shipment.LoadingTs),
            (ShipmentStatus.InTransit, shipment.DcDepartureTs),
            (ShipmentStatus.Arrived, shipment.ArrivedTs),
            (ShipmentStatus.Unloading, shipment.UnloadingTs),
            (ShipmentStatus.Completed, shipment.CompletedTs),
        };
        foreach (var (status, at) in steps)
        {
            if (at is { } t && t >= from && t < hourEnd)
            {
                queue.Enqueue(() => Transition(shipment, status, t, output, credits), (t, EventTransition, shipment.ShipmentId));
            }
        }
    }

    private void Transition(PendingShipment shipment, string status, DateTime at, FactBatch output, List<InboundCredit>[] credits)
    {
        shipment.Status = status;
        output.TruckMoves.Add(Move(shipment, status, at));
        var effectTs = at.AddMilliseconds(1);
        if (status == ShipmentStatus.Loading)
        {
            var dc = _state.DcStock[shipment.DcId - 1];
            foreach (var (productId, quantity) in shipment.Lines)
            {
                var p = (int)productId - 1;
                dc.Reserved[p] -= quantity;
                dc.Move(effectTs, p, -quantity, InventoryReasons.OutboundShipment, shipment.ShipmentId, output);
                output.TruckInventory.Add(new TruckInventoryFact(effectTs, shipment.ShipmentId, shipment.TruckId!.Value, productId, quantity, "LOAD", "DC", shipment.DcId));
            }
        }
        else if (status == ShipmentStatus.Completed)
        {
            foreach (var (productId, quantity) in shipment.Lines)
            {
                output.TruckInventory.Add(new TruckInventoryFact(effectTs, shipment.ShipmentId, shipment.TruckId!.Value, productId, quantity, "UNLOAD", "STORE", shipment.StoreId));
            }

            credits[shipment.StoreId - 1].Add(new InboundCredit(effectTs, shipment.ShipmentId, shipment.Lines));
        }
    }

    private static TruckMoveFact Move(PendingShipment s, string status, DateTime at) => new(
        s.ShipmentId, status, at, s.TruckId!.Value, s.DcId, s.StoreId, s.TemperatureClass, s.Priority, s.Units,
        status is ShipmentStatus.Scheduled or ShipmentStatus.Loading ? null : s.DcDepartureTs,
        s.Eta!.Value, s.Etd!.Value, s.EstimatedUnloadMinutes!.Value,
        status == ShipmentStatus.Completed ? (int)Rounding.ToLong((s.CompletedTs!.Value - s.ArrivedTs!.Value).TotalSeconds / 60) : null);
}

internal sealed record NetworkHourResult(FactBatch Facts, List<InboundCredit>[] Credits, List<StorePick>[] Picks);
