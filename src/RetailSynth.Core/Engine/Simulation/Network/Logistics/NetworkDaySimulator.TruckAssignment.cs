using RetailSynth.Engine.Logistics;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;

namespace RetailSynth.Engine.Simulation.Network;

internal sealed partial class NetworkDaySimulator
{
    /// <summary>A POOL truck drives to another DC's trip only within this much deadhead driving (§13.2).</summary>
    public const double MaxDeadheadHours = 8;

    private void AssignTrucks(DateTime at, FactBatch output) => AssignTrucks(at, output, null, at, null);

    /// <summary>
    /// §13.2: DCs in dc_id order serve their queued trips first formed, first served ((formed_ts, trip_id) order) with the
    /// free trucks standing there — their own DC_ASSIGNED trucks, then POOL trucks, lowest truck_id first — else with the
    /// nearest free POOL truck within 8 h of deadhead. A trip no truck can take stays QUEUED, and so do the later ones.
    /// </summary>
    private void AssignTrucks(
        DateTime at, FactBatch output, PriorityQueue<Action, (DateTime, int, string)>? queue, DateTime hourEnd, List<InboundCredit>[]? credits)
    {
        if (!_state.Trips.Any(t => t.Status == TripStatus.Queued))
        {
            return;
        }

        var free = _state.Trucks
            .Where(t => t.AvailableAt <= at && t.LocationDcId is not null)
            .OrderBy(t => t.TruckId)
            .ToList();
        foreach (var dcTrips in _state.Trips.Where(t => t.Status == TripStatus.Queued).GroupBy(t => t.DcId).OrderBy(g => g.Key).ToList())
        {
            foreach (var trip in dcTrips.OrderBy(t => t.FormedTs).ThenBy(t => t.TripId, StringComparer.Ordinal))
            {
                var (truck, deadheadMiles) = FindTruck(free, trip.DcId);
                if (truck is null)
                {
                    break;
                }

                free.Remove(truck);
                var shipments = Schedule(trip, truck, deadheadMiles, at, output);
                if (queue is not null)
                {
                    foreach (var shipment in shipments)
                    {
                        EnqueueTransitions(queue, shipment, at, hourEnd, output, credits!);
                    }
                }
            }
        }
    }

    private (TruckState? Truck, double? DeadheadMiles) FindTruck(List<TruckState> freeByTruckId, long dcId)
    {
        foreach (var fleet in (string[])[FleetTypes.DcAssigned, FleetTypes.Pool])
        {
            foreach (var state in freeByTruckId)
            {
                var truck = _world.Trucks[_world.IndexOf(state.TruckId)];
                if (truck.FleetType == fleet && state.LocationDcId == dcId && (fleet == FleetTypes.Pool || truck.DcId == dcId))
                {
                    return (state, null);
                }
            }
        }

        var roadMiles = _world.Dcs[_world.IndexOf(dcId)].Dc.RoadMilesToDcs;
        TruckState? nearest = null;
        var nearestMiles = double.MaxValue;
        foreach (var state in freeByTruckId)
        {
            if (_world.Trucks[_world.IndexOf(state.TruckId)].FleetType != FleetTypes.Pool || state.LocationDcId is not { } from)
            {
                continue;
            }

            var miles = roadMiles[_world.IndexOf(from)];
            if (miles / TripTimeline.SpeedMph <= MaxDeadheadHours && miles < nearestMiles)
            {
                nearest = state;
                nearestMiles = miles;
            }
        }

        return nearest is null ? (null, null) : (nearest, nearestMiles);
    }

    /// <summary>
    /// SCHEDULED (§13.3): the trip's actual timeline is drawn now (trip factor, then per stop a dock wait and an unload
    /// factor) and its plan computed at the means; every later instant is fixed, and each row is written by its own day.
    /// </summary>
    private List<PendingShipment> Schedule(Trip trip, TruckState truck, double? deadheadMiles, DateTime at, FactBatch output)
    {
        var capacity = _world.Options.TruckCapacityUnits;
        var shipments = _state.Shipments.Where(s => s.TripId == trip.TripId).OrderBy(s => s.StopSeq).ToList();
        var stops = new List<TripStop>(shipments.Count);
        Domain.Store? previous = null;
        foreach (var shipment in shipments)
        {
            var store = _world.Stores[_world.IndexOf(shipment.StoreId)].Store;
            stops.Add(new TripStop(previous is null ? store.DcRoadMiles : previous.RouteStopMiles[store.RouteStopSeq - 1], shipment.Units));
            previous = store;
        }

        var tripFactor = _logistics.Uniform(0.95, 1.15);
        var dockWaits = new long[stops.Count];
        var unloadFactors = new double[stops.Count];
        for (var k = 0; k < stops.Count; k++)
        {
            dockWaits[k] = Rounding.ToLong(_logistics.Uniform(5, 30) * 60);
            unloadFactors[k] = _logistics.Uniform(0.9, 1.3);
        }

        var returnMiles = previous!.DcRoadMiles;
        var actual = TripTimeline.Compute(at, new TripPlanInput(stops, returnMiles, capacity, tripFactor, dockWaits, unloadFactors, deadheadMiles));
        var plan = TripTimeline.Compute(
            at, stops, returnMiles, capacity, 1.0, Dimensions.FleetPlanner.PlannedDockWaitSeconds, 1.0, deadheadMiles);

        trip.Status = TripStatus.Scheduled;
        trip.TruckId = truck.TruckId;
        trip.ScheduledTs = at;
        trip.ReturnTs = actual.TruckFreeTs;
        truck.TripId = trip.TripId;
        truck.AvailableAt = actual.TruckFreeTs;
        truck.LocationDcId = trip.DcId;

        for (var k = 0; k < shipments.Count; k++)
        {
            var shipment = shipments[k];
            var unloadEstimate = TripTimeline.UnloadEstimateSeconds(shipment.Units, capacity);
            shipment.Status = ShipmentStatus.Scheduled;
            shipment.TruckId = truck.TruckId;
            shipment.ScheduledTs = at;
            shipment.LoadingTs = actual.LoadingTs;
            shipment.DcDepartureTs = actual.InTransitTs;
            shipment.ArrivedTs = actual.ArrivedTs[k];
            shipment.UnloadingTs = actual.UnloadingTs[k];
            shipment.CompletedTs = actual.CompletedTs[k];
            shipment.Eta = plan.ArrivedTs[k];
            shipment.Etd = plan.ArrivedTs[k].AddSeconds(Dimensions.FleetPlanner.PlannedDockWaitSeconds + unloadEstimate);
            shipment.EstimatedUnloadMinutes = (int)Rounding.ToLong((Dimensions.FleetPlanner.PlannedDockWaitSeconds + unloadEstimate) / 60.0);
            output.TruckMoves.Add(Move(shipment, ShipmentStatus.Scheduled, at));
        }

        return shipments;
    }
}
