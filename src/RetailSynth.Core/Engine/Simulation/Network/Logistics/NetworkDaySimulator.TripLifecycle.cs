using RetailSynth.Engine.Simulation.Inventory;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;

namespace RetailSynth.Engine.Simulation.Network;

internal sealed partial class NetworkDaySimulator
{
    /// <summary>Queues the shipment's transitions that fall inside [from, hourEnd).</summary>
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

    /// <summary>
    /// One transition (§13.3): LOADING debits the DC (every line, at LOADING + 1 ms), COMPLETED credits the store; the trip
    /// follows its shipments and is RETURNING once its last stop is COMPLETED.
    /// </summary>
    private void Transition(PendingShipment shipment, string status, DateTime at, FactBatch output, List<InboundCredit>[] credits)
    {
        shipment.Status = status;
        output.TruckMoves.Add(Move(shipment, status, at));
        var trip = _state.Trips.Find(t => t.TripId == shipment.TripId);
        var effectTs = at.AddMilliseconds(1);
        if (status == ShipmentStatus.Loading)
        {
            trip?.Status = TripStatus.Loading;
            var dc = _state.DcStock[_world.IndexOf(shipment.DcId)];
            foreach (var (productId, quantity) in shipment.Lines)
            {
                var p = (int)productId - 1;
                dc.Reserved[p] -= quantity;
                dc.Move(effectTs, p, -quantity, InventoryReasons.OutboundShipment, shipment.ShipmentId, output);
                output.TruckInventory.Add(new TruckInventoryFact(effectTs, shipment.ShipmentId, shipment.TruckId!.Value, productId, quantity, "LOAD", "DC", shipment.DcId));
            }
        }
        else if (status == ShipmentStatus.InTransit)
        {
            trip?.Status = TripStatus.InTransit;
        }
        else if (status == ShipmentStatus.Completed)
        {
            foreach (var (productId, quantity) in shipment.Lines)
            {
                output.TruckInventory.Add(new TruckInventoryFact(effectTs, shipment.ShipmentId, shipment.TruckId!.Value, productId, quantity, "UNLOAD", "STORE", shipment.StoreId));
            }

            credits[_world.IndexOf(shipment.StoreId)].Add(new InboundCredit(effectTs, shipment.ShipmentId, shipment.Lines));
            if (trip is not null && !_state.Shipments.Any(s => s.TripId == trip.TripId && s.Status != ShipmentStatus.Completed))
            {
                trip.Status = TripStatus.Returning;
            }
        }
    }

    private static TruckMoveFact Move(PendingShipment s, string status, DateTime at) => new(
        s.ShipmentId, status, at, s.TruckId!.Value, s.DcId, s.StoreId, s.TemperatureClass, s.Priority, s.Units,
        status is ShipmentStatus.Scheduled or ShipmentStatus.Loading ? null : s.DcDepartureTs,
        s.Eta!.Value, s.Etd!.Value, s.EstimatedUnloadMinutes!.Value,
        status == ShipmentStatus.Completed ? (int)Rounding.ToLong((s.CompletedTs!.Value - s.ArrivedTs!.Value).TotalSeconds / 60) : null)
    {
        TripId = s.TripId,
        StopSeq = s.StopSeq,
        FormedTs = s.FormedTs,
    };
}
